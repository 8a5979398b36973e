#!/usr/bin/env bash
# Throughput and peak memory of `customer-model check` on a large NDJSON file, side by side with
# a plain single-threaded serde_json parse of the same file (benches/src/bin/ndjson-parse.rs:
# read line by line, parse each line into a `serde_json::Value`, nothing more).
#
#   scripts/bench-cli.sh                      # 500,000 Paddle create requests (about 70 MB)
#   DOCS=7700000 scripts/bench-cli.sh         # about 1 GB
#   FILE=/tmp/big.ndjson DOCS=7700000 scripts/bench-cli.sh   # keep (and reuse) the file
#   RUNS=7 JOBS=2 scripts/bench-cli.sh
#
# Each command runs RUNS times (default 5), interleaved, under /usr/bin/time -v; the table shows
# the fastest run of each (the machine may be shared: the fastest run is the one least disturbed)
# and the largest peak resident size of any run. The file is generated in /tmp unless FILE names
# one that exists; it is deleted afterwards unless FILE was given.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
docs="${DOCS:-500000}"
runs="${RUNS:-5}"
jobs="${JOBS:-$(nproc)}"

cargo build -q --release --manifest-path "$root/Cargo.toml" --bin customer-model
cargo build -q --release --manifest-path "$root/benches/Cargo.toml" --bin ndjson-parse
target_dir="$(cargo metadata -q --format-version 1 --no-deps --manifest-path "$root/Cargo.toml" | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')"
cli="$target_dir/release/customer-model"
parse="$root/benches/target/release/ndjson-parse"

if [[ -n "${FILE:-}" ]]; then
    file="$FILE"
else
    work="$(mktemp -d)"
    trap 'rm -rf "$work"' EXIT
    file="$work/customers.ndjson"
fi
if [[ ! -s "$file" ]]; then
    python3 - "$file" "$docs" <<'PY'
import json, sys
path, n = sys.argv[1], int(sys.argv[2])
locales = ["en", "nl-NL", "de-DE", "fr"]
with open(path, "w") as out:
    lines = []
    for i in range(n):
        doc = {"email": f"customer{i}@example.com", "name": f"Customer Number {i}",
               "locale": locales[i % 4],
               "custom_data": {"plan": "pro", "seats": i % 50, "tags": ["a", "b"]}}
        if i % 100 == 0:
            doc["email"] = "not an address"   # 1% invalid, so violations are printed too
        lines.append(json.dumps(doc, separators=(",", ":")))
        if len(lines) == 10000:
            out.write("\n".join(lines) + "\n")
            lines = []
    if lines:
        out.write("\n".join(lines) + "\n")
PY
fi

python3 - "$file" "$runs" "$jobs" "$parse" "$cli" <<'PY'
import os, re, subprocess, sys, time
path, runs, jobs, parse, cli = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5]
size = os.path.getsize(path)
with open(path, "rb") as f:
    docs = sum(chunk.count(b"\n") for chunk in iter(lambda: f.read(1 << 24), b""))
commands = [
    ("plain serde_json parse (1 thread)", [parse, path]),
    (f"customer-model check --api paddle --jobs {jobs}", [cli, "check", "--api", "paddle", "--quiet", "--jobs", jobs, path]),
    ("customer-model check --api paddle --jobs 1", [cli, "check", "--api", "paddle", "--quiet", "--jobs", "1", path]),
]
best = {name: float("inf") for name, _ in commands}
cpu = {name: float("inf") for name, _ in commands}
peak = {name: 0 for name, _ in commands}
for _ in range(runs):
    for name, argv in commands:
        start = time.perf_counter()
        done = subprocess.run(["/usr/bin/time", "-v"] + argv, stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE, text=True)
        elapsed = time.perf_counter() - start
        rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", done.stderr).group(1))
        user = float(re.search(r"User time \(seconds\): ([\d.]+)", done.stderr).group(1))
        system = float(re.search(r"System time \(seconds\): ([\d.]+)", done.stderr).group(1))
        best[name] = min(best[name], elapsed)
        cpu[name] = min(cpu[name], user + system)
        peak[name] = max(peak[name], rss)
mb = size / 1e6
print(f"{docs:,} documents, {mb:,.1f} MB (1% invalid); fastest of {runs} runs, {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}")
print("| | seconds | MB/s | documents/s | CPU seconds | peak memory |")
print("|---|---:|---:|---:|---:|---:|")
for name, _ in commands:
    t = best[name]
    print(f"| {name} | {t:.3f} | {mb/t:,.0f} | {docs/t:,.0f} | {cpu[name]:.3f} | {peak[name]/1024:.1f} MiB |")
names = [name for name, _ in commands]
print(f"check --jobs {jobs} / parse: {best[names[1]]/best[names[0]]:.2f}x the time (goal: at most 1.00)")
print(f"check --jobs 1 / parse: {best[names[2]]/best[names[0]]:.2f}x the time")
print(f"CPU time (user + system), check --jobs {jobs} / parse: {cpu[names[1]]/cpu[names[0]]:.2f}x")
print(f"check peak memory: {peak[names[1]]/1024:.1f} MiB (goal on 1 GB: at most 64 MiB)")
PY
