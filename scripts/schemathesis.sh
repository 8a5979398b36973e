#!/usr/bin/env bash
# The example server's OpenAPI document against its behaviour, as an outside client sees them:
# Schemathesis (property-based testing driven by the document) generates requests from
# `GET /openapi.json` and fails on any answer the document does not allow: a 5xx, a status or a
# body outside the operation's responses, a request the document calls valid refused, or one it
# calls invalid accepted.
#
#   bash scripts/schemathesis.sh                 # what CI runs
#   SCHEMATHESIS_EXAMPLES=200 bash scripts/schemathesis.sh
#   SCHEMATHESIS_DOCUMENTS="'' mollie" bash scripts/schemathesis.sh   # also /openapi.json?api=mollie
#
# Schemathesis is installed with pip, at a pinned version, into a virtual environment under
# ~/.cache (reused by the next run) when it is not there. The server runs on 127.0.0.1 with a
# throw-away SQLite file. The phases are `examples`, `fuzzing` (SCHEMATHESIS_EXAMPLES examples
# per operation, default 100) and `stateful` (links between operations: create, then read,
# update, list); `coverage` is left out, since its boundary cases of the create bodies alone
# take minutes. A fixed seed keeps a run repeatable; SCHEMATHESIS_SEED changes it. Schemathesis
# warns that `POST /webhooks/paddle` and `POST /webhooks/stripe` answered only 401: it cannot sign
# an event, as meant.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

version="4.32.5"
examples="${SCHEMATHESIS_EXAMPLES:-100}"
seed="${SCHEMATHESIS_SEED:-1}"
# The documents to test: '' is `GET /openapi.json` (requests without `?api=`), NAME is
# `GET /openapi.json?api=NAME`.
read -r -a documents <<<"${SCHEMATHESIS_DOCUMENTS:-''}"

venv="${XDG_CACHE_HOME:-$HOME/.cache}/customer-model/schemathesis-$version"
if ! "$venv/bin/schemathesis" --version 2>/dev/null | grep -q "$version"; then
  echo "schemathesis: installing schemathesis==$version with pip into $venv"
  rm -rf "$venv"
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check "schemathesis==$version"
fi

cargo build --quiet -p customer-model-server
target="${CARGO_TARGET_DIR:-$root/target}"
work="$(mktemp -d)"
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

# A free port on 127.0.0.1, chosen by the kernel.
port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
# With webhook secrets (fresh random ones), so that `POST /webhooks/paddle` and
# `POST /webhooks/stripe` check signatures (401 for Schemathesis's) rather than answering 503 for
# want of a secret.
PADDLE_WEBHOOK_SECRET="pdl_ntfset_$(python3 -c 'import secrets; print(secrets.token_hex(16))')" \
STRIPE_WEBHOOK_SECRET="whsec_$(python3 -c 'import secrets; print(secrets.token_hex(16))')" \
  "$target/debug/customer-model-server" --addr "127.0.0.1:$port" --db "$work/customers.db" \
  2>"$work/server.log" &
server_pid=$!
origin="http://127.0.0.1:$port"
for _ in $(seq 1 100); do
  if python3 -c "import urllib.request, sys; urllib.request.urlopen(sys.argv[1], timeout=1)" \
    "$origin/health" 2>/dev/null; then
    break
  fi
  if ! kill -0 "$server_pid" 2>/dev/null; then
    echo "schemathesis: the server did not start" >&2
    cat "$work/server.log" >&2
    exit 1
  fi
  sleep 0.1
done

status=0
for api in "${documents[@]}"; do
  api="${api//\'/}"
  url="$origin/openapi.json${api:+?api=$api}"
  echo "== schemathesis $version on $url: $examples examples per operation, seed $seed"
  # Run in the temporary folder: Schemathesis keeps its example database in the current one.
  (cd "$work" && "$venv/bin/schemathesis" --no-color run "$url" \
    --phases examples,fuzzing,stateful \
    --max-examples "$examples" \
    --seed "$seed" \
    --workers 2) || status=1
done

# Nothing the server logs may be a 5xx, whatever Schemathesis's checks say.
if grep -E -- '-> 5[0-9][0-9] ' "$work/server.log"; then
  echo "schemathesis: the server answered 5xx (above)" >&2
  status=1
fi
requests="$(grep -c -- ' -> ' "$work/server.log" || true)"
echo "schemathesis: $requests requests answered by the server"
exit "$status"
