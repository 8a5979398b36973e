#!/usr/bin/env bash
# Hostile request bodies of about 64 KiB (thousands of unknown keys, a map or an array of
# wrong-typed values, 120 nested models), each read side by side with a plain
# `serde_json::from_str::<Value>` of the same bytes; median wall time of RUNS runs (default 31).
#
# Then every other surface a client controls (benches/src/bin/hostile-surfaces.rs): Stripe's form
# bodies, webhook headers of thousands of signatures, Accept-Language, the text rules on 64 KiB
# values, the application's Fluent files, one huge NDJSON line; each next to a plain read of the
# same bytes (for a webhook: the provider's own one-signature header of the same body).
#
#   scripts/bench-hostile.sh              # the tables of hostile-read.rs and hostile-surfaces.rs
#   SURFACES=form scripts/bench-hostile.sh  # hostile-surfaces' rows whose name holds `form`
#   RUNS=101 scripts/bench-hostile.sh
#   scripts/bench-hostile.sh --callgrind  # instructions per read instead of wall time, counted by
#                                         # valgrind's callgrind (repeatable on a noisy machine;
#                                         # N reads per cell, default 20)
#   CASES="18 19 20 21" scripts/bench-hostile.sh --callgrind  # some rows (default: all 29)
#
# Cases 18 to 29 are chains of 15, 30, 60 and 120 levels (a model with a check, a nested field
# with another rule; an untagged enum holding itself, 6 to 12 levels): their table also has
# serde_json alone reading the body into the model, and the ratio of the read to the plain parse
# should stay flat as the depth doubles. (Deeper bodies are refused by serde_json's nesting
# limit of 128 before anything is read: a plain parse of them fails as fast.)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
manifest="$root/benches/Cargo.toml"
target="${CARGO_TARGET_DIR:-$root/benches/target}"
cargo build --quiet --release --manifest-path "$manifest" --bin hostile-read --bin hostile-surfaces
bin="$target/release/hostile-read"
case "${1:-}" in
    "")
        if [ -z "${SURFACES:-}" ]; then
            "$bin" "${RUNS:-31}"
            echo
        fi
        exec "$target/release/hostile-surfaces" "${RUNS:-31}" ${SURFACES:+"$SURFACES"}
        ;;
    --callgrind) ;;
    *) echo "usage: $0 [--callgrind]" >&2; exit 2 ;;
esac

command -v valgrind >/dev/null || { echo "valgrind is not installed (apt-get install valgrind)" >&2; exit 1; }
n="${N:-20}"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

# Instructions collected inside read_loop for one run.
count() {
    local case="$1" which="$2" iters="$3" file="$out/cg.$1.$2.$3"
    valgrind --tool=callgrind --callgrind-out-file="$file" --collect-atstart=no \
        --toggle-collect='*hostile_read::read_loop*' \
        "$bin" --callgrind "$case" "$which" "$iters" >/dev/null 2>"$file.log"
    awk '/^summary:/ { print $2 }' "$file"
}

per_read() {
    local base full
    base="$(count "$1" "$2" 0)"
    full="$(count "$1" "$2" "$n")"
    awk -v a="$full" -v b="$base" -v n="$n" 'BEGIN { printf "%.0f", (a - b) / n }'
}

names=("Paddle create request, unknown keys" "a map of wrong-typed values" \
    "an array of wrong-typed elements" "120 nested models, one wrong type at the top" \
    "an internally tagged union's variant, unknown keys refused" \
    "an untagged union of 8 variants, none matching" \
    "10,000 rule violations in a document that reads" \
    "100,000 rule violations in a document that reads" \
    "120 levels of an internally tagged enum's newtype variant, one wrong type at the top" \
    "60 levels of an externally tagged enum's struct variant, one wrong type at the top" \
    "120 levels of an untagged enum's newtype variant, one wrong type at the top" \
    "120 newtype structs, one wrong type at the top" \
    "120 tuple structs, one wrong type at the top" \
    "an untagged enum holding itself in 2 variants, 10 levels, wrong at the bottom" \
    "a map of 30,000 keys that reads" "metadata with 30,000 repeats of one key" \
    "metadata with 30,000 integers beyond 64 bits")
for depth in 15 30 60 120; do
    names+=("$depth levels of a model with a check, one wrong type at the top")
done
for depth in 15 30 60 120; do
    names+=("$depth levels of a nested field with another rule, one wrong type at the top")
done
for depth in 6 8 10 12; do
    names+=("an untagged enum holding itself in 2 variants, $depth levels, wrong at the bottom")
done
echo "callgrind: $(valgrind --version), rustc $(rustc --version | cut -d" " -f2)"
echo
cases="${CASES:-$(seq -s " " 1 29)}"
header=
for case in $cases; do
    [ "$case" -le 17 ] || continue
    if [ -z "$header" ]; then
        echo "| hostile body | plain parse (instructions) | read (instructions) | ratio |"
        echo "|---|---:|---:|---:|"
        header=1
    fi
    p="$(per_read "$case" plain)"
    r="$(per_read "$case" read)"
    awk -v c="${names[$((case - 1))]}" -v p="$p" -v r="$r" \
        'BEGIN { printf "| %s | %.0f | %.0f | %.2fx |\n", c, p, r, r / p }'
done
header=
for case in $cases; do
    [ "$case" -gt 17 ] || continue
    if [ -z "$header" ]; then
        echo
        echo "| chain | plain parse | serde_json alone into the model | read | read / plain | serde alone / plain |"
        echo "|---|---:|---:|---:|---:|---:|"
        header=1
    fi
    p="$(per_read "$case" plain)"
    s="$(per_read "$case" serde)"
    r="$(per_read "$case" read)"
    awk -v c="${names[$((case - 1))]}" -v p="$p" -v s="$s" -v r="$r" \
        'BEGIN { printf "| %s | %.0f | %.0f | %.0f | %.2fx | %.2fx |\n", c, p, s, r, r / p, s / p }'
done
