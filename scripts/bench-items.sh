#!/usr/bin/env bash
# What each kind of item of the derive's output costs in an incremental rebuild, measured on the
# derive's output itself, without the derive: the 50 structs of scripts/bench-compile.sh (51 with
# the leaf) are expanded once (`-Zunpretty=expanded`) into a crate of their own, and
# scripts/bench-items.py writes variants of it with one kind of item removed or merged by hand
# (the `impl Composite`, the rules functions, `__KEYS`, `__EXACT`, the `use`s, ...). Each variant
# is built, then rebuilt after a `touch` with rustc under callgrind (as bench-compile.sh's
# CALLGRIND=incremental does); the table gives rustc's instructions and the difference to the
# unchanged expansion, per model.
#
#   scripts/bench-items.sh                     # about 15 minutes on a loaded 2-core machine
#   KEEP=/tmp/x scripts/bench-items.sh         # keep the scratch crates (and reuse them)
#   VARIANTS="base no_composite" scripts/bench-items.sh
#   VARIANTS="first_read_only first_read_only_exact" scripts/bench-items.sh
#                                              # the floor: the first read only (a bound, not a
#                                              # design; the derive's own run is not counted)
#
# The derive does not run in these builds, so what it costs to run (and serde's derive, expanded
# too) is not in the figures: they are what rustc pays for the code it is given, which is the
# part the shape of the output decides. Some variants change behaviour (scripts/bench-items.py
# says which): they measure a kind of item, they are not designs.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
command -v valgrind >/dev/null || { echo "valgrind is not installed (apt-get install valgrind)" >&2; exit 1; }
if [ -n "${KEEP:-}" ]; then
    work="$KEEP"
    mkdir -p "$work"
else
    work="$(mktemp -d)"
    trap 'rm -rf "$work"' EXIT
fi
structs=50
if [ ! -d "$work/ours/target" ] || [ ! -d "$work/plain/target" ]; then
    KEEP="$work" RUNS=0 STRUCTS=$structs "$root/scripts/bench-compile.sh" >/dev/null
fi
for kind in ours plain; do
    (cd "$work/$kind" && RUSTC_BOOTSTRAP=1 CARGO_INCREMENTAL=0 cargo rustc --quiet --lib -- \
        -Zunpretty=expanded >"$work/expanded-$kind.rs" 2>/dev/null)
done

# The crate of the variants: ours's manifest, built in ours's target dir (its dependencies are
# built there already).
crate="$work/items"
mkdir -p "$crate/src" "$crate/variants"
sed 's/^name = "scratch-ours"/name = "scratch-items"/' "$work/ours/Cargo.toml" >"$crate/Cargo.toml"
descriptions="$(python3 "$root/scripts/bench-items.py" "$work/expanded-ours.rs" "$work/expanded-plain.rs" "$crate/variants")"
variants="${VARIANTS:-plain $(echo "$descriptions" | cut -f1 | tr '\n' ' ')}"

count() {
    local name="$1" cmd out
    cp "$crate/variants/$name.rs" "$crate/src/lib.rs"
    cmd="$(cd "$crate" && CARGO_TARGET_DIR="$work/ours/target" cargo build --verbose 2>&1 |
        grep -o "Running \`[^\`]*--crate-name scratch_items [^\`]*" | head -1 | sed 's/^Running `//')"
    [ -n "$cmd" ] || { echo "the variant '$name' did not build" >&2; exit 1; }
    touch "$crate/src/lib.rs"
    out="$work/callgrind-items-$name"
    rm -f "$out".*
    (cd "$crate" && eval "valgrind --tool=callgrind --callgrind-out-file=$out.%p $cmd" >"$out.log" 2>&1)
    rm -f "$out".[0-9]*
    grep -h 'Collected' "$out.log" | awk '{ s += $NF } END { printf "%.0f", s }'
}

declare -A instructions
for name in base $variants; do
    [ -n "${instructions[$name]:-}" ] && continue
    instructions[$name]="$(count "$name")"
done
models=$((structs + 1))
echo
echo "### rustc's instructions, an incremental rebuild after a touch of the expanded crate ($models structs)"
echo
echo "| variant | instructions | minus the unchanged output | per model | lines |"
echo "|---|---:|---:|---:|---:|"
for name in base $variants; do
    [ "$name" = base ] && [ -n "${printed_base:-}" ] && continue
    [ "$name" = base ] && printed_base=1
    awk -v n="$name" -v i="${instructions[$name]}" -v b="${instructions[base]}" -v m="$models" \
        -v l="$(wc -l <"$crate/variants/$name.rs")" 'BEGIN {
        printf "| %s | %.0f | %+.1fM | %+.0fk | %d |\n", n, i, (i - b) / 1e6, (i - b) / m / 1e3, l
    }'
done
echo
echo "$descriptions" | sed 's/^/- /; s/\t/: /'
echo "- plain: the same structs with no validation derive (serde's expansion alone)"
