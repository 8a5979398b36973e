#!/usr/bin/env bash
# Fuzz smoke test: builds every cargo-fuzz target under fuzz/ and runs each for a short time
# from its committed seeds (fuzz/seeds/<target>/). CI calls it; it fails on the first crash,
# panic, leak or hang (> FUZZ_TIMEOUT seconds on one input).
#
#   scripts/fuzz-smoke.sh                 # every target, FUZZ_SECONDS (15) each
#   FUZZ_SECONDS=60 scripts/fuzz-smoke.sh email locale
#
# Needs only the stable toolchain: cargo-fuzz's nightly flags are enabled with RUSTC_BOOTSTRAP=1.
# New corpus entries go to $FUZZ_CORPUS/<target>/ (default fuzz/corpus, git-ignored); the seeds
# are only read.
set -euo pipefail

cd "$(dirname "$0")/.."

FUZZ_SECONDS="${FUZZ_SECONDS:-15}"
FUZZ_TIMEOUT="${FUZZ_TIMEOUT:-10}"
FUZZ_CORPUS="${FUZZ_CORPUS:-fuzz/corpus}"
export RUSTC_BOOTSTRAP=1

if ! cargo fuzz --version >/dev/null 2>&1; then
    echo "fuzz-smoke: installing cargo-fuzz"
    cargo install cargo-fuzz --version '^0.13' --locked
fi

if [ "$#" -gt 0 ]; then
    targets=("$@")
else
    mapfile -t targets < <(cargo fuzz list)
fi

echo "fuzz-smoke: building ${#targets[@]} targets"
cargo fuzz build

failed=()
for target in "${targets[@]}"; do
    seeds="fuzz/seeds/$target"
    corpus="$FUZZ_CORPUS/$target"
    mkdir -p "$corpus"
    if [ ! -d "$seeds" ]; then
        echo "fuzz-smoke: $target has no seeds in $seeds" >&2
        failed+=("$target")
        continue
    fi
    log="$(mktemp)"
    echo "fuzz-smoke: $target for ${FUZZ_SECONDS}s"
    if cargo fuzz run "$target" "$corpus" "$seeds" -- \
        -max_total_time="$FUZZ_SECONDS" -timeout="$FUZZ_TIMEOUT" -rss_limit_mb=2048 \
        -print_final_stats=1 >"$log" 2>&1; then
        grep -E '^(Done|stat::number_of_executed_units|stat::peak_rss_mb)' "$log" | sed "s/^/  /" || true
        grep -E '^#[0-9]+' "$log" | tail -n 1 | sed "s/^/  /" || true
    else
        echo "fuzz-smoke: $target FAILED; the end of its log:" >&2
        tail -n 60 "$log" >&2
        failed+=("$target")
    fi
    rm -f "$log"
done

if [ "${#failed[@]}" -gt 0 ]; then
    echo "fuzz-smoke: failed: ${failed[*]} (reproducers in fuzz/artifacts/<target>/)" >&2
    exit 1
fi
echo "fuzz-smoke: ${#targets[@]} targets ran clean"
