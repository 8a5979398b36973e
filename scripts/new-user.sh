#!/usr/bin/env bash
# A new user's first build: a fresh crate outside the workspace (made with `cargo new`) whose
# dependencies are the README's "In your crate" lines, word for word, and whose `main` is the
# README's first example. Fails when the lines do not resolve or the example does not build and run.
#
#   bash scripts/new-user.sh
#
# The crate sits in a temporary folder beside a link named `customer-model` to this checkout, so
# that the README's `path = "../customer-model/customer-core"` is used as written. It takes this
# workspace's Cargo.lock (the versions CI tests; cargo drops what the crate does not use) and
# builds into this workspace's target folder, so the dependencies already built are reused.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$root/target}"

# The ```toml block of a README's "## In your crate" section, without its `[dependencies]` line.
dependency_lines() {
  awk '/^## In your crate$/ { section = 1; next }
       section && /^## / { exit }
       section && /^```toml$/ { block = 1; next }
       block && /^```$/ { exit }
       block && $0 != "[dependencies]" { print }' "$1"
}

lines="$(dependency_lines "$root/README.md")"
if [ -z "$lines" ]; then
  echo "new-user: README.md has no \`\`\`toml block under \"## In your crate\"" >&2
  exit 1
fi
if [ "$lines" != "$(dependency_lines "$root/customer-core/README.md")" ]; then
  echo "new-user: README.md and customer-core/README.md give different dependency lines" >&2
  exit 1
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
ln -s "$root" "$work/customer-model"
cargo new --quiet --vcs none --bin --name new-user "$work/app"
printf '%s\n' "$lines" >>"$work/app/Cargo.toml"
cp "$root/Cargo.lock" "$work/app/Cargo.lock"

# The first ```rust block of README.md as a doctest runs it: `# ` hides a line, the body is the
# body of a function whose last expression is the `Ok` of the example.
{
  echo 'fn main() -> Result<(), Box<dyn std::error::Error>> {'
  awk '/^```rust$/ { block = 1; next }
       block && /^```$/ { exit }
       block { sub(/^# /, ""); sub(/^#$/, ""); print }' "$root/README.md"
  echo '}'
} >"$work/app/src/main.rs"

echo "new-user: $(grep -c . <<<"$lines") dependency lines from README.md, its first example as main.rs"
(cd "$work/app" && cargo run --quiet)
echo "new-user: the fresh crate built and ran the README's example"
