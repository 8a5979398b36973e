#!/usr/bin/env bash
# Hostile request bodies of about 64 KiB (thousands of unknown keys, a map or an array of
# wrong-typed values, 120 nested models), each read side by side with a plain
# `serde_json::from_str::<Value>` of the same bytes; median wall time of RUNS runs (default 31).
#
#   scripts/bench-hostile.sh            # the table of benches/src/bin/hostile-read.rs
#   RUNS=101 scripts/bench-hostile.sh
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
manifest="$root/benches/Cargo.toml"
target="${CARGO_TARGET_DIR:-$root/benches/target}"
cargo build --quiet --release --manifest-path "$manifest" --bin hostile-read --bin hostile-surfaces
if [ -z "${SURFACES:-}" ]; then
    "$target/release/hostile-read" "${RUNS:-31}"
    echo
fi
"$target/release/hostile-surfaces" "${RUNS:-31}" ${SURFACES:+"$SURFACES"}
