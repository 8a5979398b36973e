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
echo "callgrind: $(valgrind --version), rustc $(rustc --version | cut -d" " -f2)"
echo
echo "| hostile body | plain parse (instructions) | read (instructions) | ratio |"
echo "|---|---:|---:|---:|"
for case in ${CASES:-1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17}; do
    p="$(per_read "$case" plain)"
    r="$(per_read "$case" read)"
    awk -v c="${names[$((case - 1))]}" -v p="$p" -v r="$r" \
        'BEGIN { printf "| %s | %.0f | %.0f | %.2fx |\n", c, p, r, r / p }'
done
