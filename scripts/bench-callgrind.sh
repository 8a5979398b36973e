#!/usr/bin/env bash
# Instructions per validation, counted by valgrind's callgrind: repeatable on a noisy machine.
#
#   scripts/bench-callgrind.sh              # valid, invalid, invalid-all x hand, derive, garde, validator;
#                                           # the customer as a struct vs as a union's variant;
#                                           # then reading a document: serde alone vs Valid::from_json;
#                                           # Api::Paddle.decode of a real Paddle notification
#   scripts/bench-callgrind.sh --metadata   # also the 1 KB / 1 MB / 100 MB metadata rows (slow: the
#                                           # 100 MB value is built under valgrind)
#   READ_ONLY=1 scripts/bench-callgrind.sh  # only the reading table (READ_CASES="invalid" for some rows)
#   N=5000 scripts/bench-callgrind.sh       # more iterations (default 2000; N_META, default 20,
#                                           # for the metadata rows)
#
# Each cell runs the bench binary in its `--callgrind <impl> <case> <n>` mode: one warm-up
# validation (lazy regexes compile there), then `bench_loop(impl, case, n)`. Collection is on only
# inside `bench_loop` (--collect-atstart=no --toggle-collect), so building the input is not
# counted. The figure is (Ir(n) - Ir(0)) / n. In the metadata table the Ir(0) run (about 15
# instructions) is skipped, because every run there builds the large value under valgrind first,
# and validator is skipped at 100 MB: its refusal copies the whole value into the error (O(size),
# about 0.5 s a validation natively; the timing bench measures it).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
manifest="$root/benches/Cargo.toml"
# Where cargo puts the binaries: CARGO_TARGET_DIR when set (as in a worktree with its own target),
# else the bench crate's own target directory.
target="${CARGO_TARGET_DIR:-$root/benches/target}"
bin="$target/release/customer-model-benches"
read_bin="$target/release/read-document"
n="${N:-2000}"
metadata=0
for arg in "$@"; do
    case "$arg" in
        --metadata) metadata=1 ;;
        *) echo "usage: $0 [--metadata]" >&2; exit 2 ;;
    esac
done

command -v valgrind >/dev/null || { echo "valgrind is not installed (apt-get install valgrind)" >&2; exit 1; }
cargo build --quiet --release --manifest-path "$manifest"

out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

# Instructions collected inside bench_loop for one run.
count() {
    local impl="$1" case="$2" iters="$3" file="$out/cg.$1.$2.$3"
    valgrind --tool=callgrind --callgrind-out-file="$file" --collect-atstart=no \
        --toggle-collect='*customer_model_benches::bench_loop*' \
        "$bin" --callgrind "$impl" "$case" "$iters" >/dev/null 2>"$file.log"
    awk '/^summary:/ { print $2 }' "$file"
}

per_validation() {
    local base=0 full
    [ "$with_base" = 1 ] && base="$(count "$1" "$2" 0)"
    full="$(count "$1" "$2" "$n")"
    awk -v a="$full" -v b="$base" -v n="$n" 'BEGIN { printf "%.0f", (a - b) / n }'
}

table() {
    local title="$1"; shift
    local cases=("$@")
    echo
    echo "### $title (instructions per validation, n = $n)"
    echo
    echo "| input | hand-written | derive | garde | validator | derive / hand | garde / derive | validator / derive |"
    echo "|---|---:|---:|---:|---:|---:|---:|---:|"
    for case in "${cases[@]}"; do
        local h d g v
        h="$(per_validation hand "$case")"
        d="$(per_validation derive "$case")"
        g="$(per_validation garde "$case")"
        if [ "$case" = meta-100m ]; then v=0; else v="$(per_validation validator "$case")"; fi
        awk -v c="$case" -v h="$h" -v d="$d" -v g="$g" -v v="$v" 'BEGIN {
            if (v > 0) { vs = sprintf("%d", v); vr = sprintf("%.2fx", v / d) } else { vs = "skipped"; vr = "-" }
            printf "| %s | %d | %d | %d | %s | %.2fx | %.2fx | %s |\n", c, h, d, g, vs, d / h, g / d, vr
        }'
    done
}

# Instructions inside read_loop for one run of the reading mode.
count_read() {
    local which="$1" case="$2" iters="$3" file="$out/cg.read.$1.$2.$3"
    valgrind --tool=callgrind --callgrind-out-file="$file" --collect-atstart=no \
        --toggle-collect='*read_document::read_loop*' \
        "$read_bin" "$which" "$case" "$iters" >/dev/null 2>"$file.log"
    awk '/^summary:/ { print $2 }' "$file"
}

per_read() {
    local base full
    base="$(count_read "$1" "$2" 0)"
    full="$(count_read "$1" "$2" "$n")"
    awk -v a="$full" -v b="$base" -v n="$n" 'BEGIN { printf "%.0f", (a - b) / n }'
}

echo "callgrind: $(valgrind --version), rustc $(rustc --version | cut -d" " -f2)"
with_base=1
[ "${READ_ONLY:-0}" = 1 ] || table "Validation of one customer" valid invalid invalid-all

echo
echo "### A valid union: the customer as a struct vs as the struct variant of \`Party\` (instructions per validation, n = $n)"
echo
echo "| input | struct (\`Customer\`) | union (\`Party::Customer\`) | union - struct |"
echo "|---|---:|---:|---:|"
for case in valid invalid; do
    s="$(per_validation derive "$case")"
    u="$(per_validation derive-union "$case")"
    awk -v c="$case" -v s="$s" -v u="$u" 'BEGIN { printf "| %s | %d | %d | %+d |\n", c, s, u, u - s }'
done

echo
echo "### Reading one document: JSON text to a validated model (instructions per read, n = $n)"
echo
echo "| document | serde_json::from_str (no rules) | Valid::from_json | Valid / serde |"
echo "|---|---:|---:|---:|"
for case in ${READ_CASES:-valid invalid wrong-types}; do
    s="$(per_read serde "$case")"
    v="$(per_read valid "$case")"
    awk -v c="$case" -v s="$s" -v v="$v" 'BEGIN { printf "| %s | %d | %d | %.2fx |\n", c, s, v, v / s }'
done
echo
echo "### Api::Paddle.decode of a real notification (paddle::Notification, an enum on \`event_type\`; instructions per read, n = $n)"
echo
echo "| document | Api::Paddle.decode |"
echo "|---|---:|"
echo "| notification | $(per_read paddle notification) |"
if [ "$metadata" = 1 ]; then
    with_base=0
    n="${N_META:-20}"
    table "Metadata size check, limit 1024 bytes" meta-1k meta-1m meta-100m
fi
