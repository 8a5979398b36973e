#!/usr/bin/env bash
# Throughput of `customer-model check` on a large NDJSON file, against a plain serde_json parse of
# the same file (benches/src/bin/ndjson-parse.rs: read line by line, parse into a Value).
#
#   scripts/bench-cli.sh            # 500,000 Paddle create requests (about 60 MB)
#   DOCS=2000000 scripts/bench-cli.sh
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
docs="${DOCS:-500000}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cargo build -q --release --manifest-path "$root/Cargo.toml" --bin customer-model
cargo build -q --release --manifest-path "$root/benches/Cargo.toml" --bin ndjson-parse
target_dir="$(cargo metadata -q --format-version 1 --manifest-path "$root/Cargo.toml" | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')"
cli="$target_dir/release/customer-model"
parse="$root/benches/target/release/ndjson-parse"

file="$work/customers.ndjson"
python3 - "$file" "$docs" <<'PY'
import json, sys
path, n = sys.argv[1], int(sys.argv[2])
with open(path, "w") as out:
    for i in range(n):
        doc = {"email": f"customer{i}@example.com", "name": f"Customer Number {i}",
               "locale": ["en", "nl-NL", "de-DE", "fr"][i % 4],
               "custom_data": {"plan": "pro", "seats": i % 50, "tags": ["a", "b"]}}
        if i % 100 == 0:
            doc["email"] = "not an address"   # 1% invalid, so errors are printed too
        out.write(json.dumps(doc, separators=(",", ":")) + "\n")
PY
size=$(stat -c %s "$file")

best() {  # the fastest of 3 runs, in seconds
    local best=""
    for _ in 1 2 3; do
        local start end
        start=$(date +%s.%N)
        "$@" >/dev/null || true
        end=$(date +%s.%N)
        best=$(python3 -c "a='$best'; t=$end-$start; print(t if not a else min(float(a), t))")
    done
    echo "$best"
}

t_parse=$(best "$parse" "$file")
t_check=$(best "$cli" check --api paddle "$file")
python3 - "$docs" "$size" "$t_parse" "$t_check" <<'PY'
import sys
docs, size, tp, tc = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4])
mb = size / 1e6
print(f"{docs} documents, {mb:.1f} MB (1% invalid)")
print("| | seconds | MB/s | documents/s |")
print("|---|---:|---:|---:|")
print(f"| plain serde_json parse | {tp:.3f} | {mb/tp:.0f} | {docs/tp:,.0f} |")
print(f"| customer-model check --api paddle | {tc:.3f} | {mb/tc:.0f} | {docs/tc:,.0f} |")
print(f"check / parse: {tc/tp:.2f}x the time")
PY
