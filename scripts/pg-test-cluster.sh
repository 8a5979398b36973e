#!/usr/bin/env bash
# A throw-away PostgreSQL cluster for the example server's tests: in a temp dir, on 127.0.0.1 and
# a free port, with its unix socket in the temp dir, trusting local connections (never use it for
# anything else). PostgreSQL refuses to run as root, so as root it runs as the `postgres` user.
#
#   eval "$(bash scripts/pg-test-cluster.sh start)"   # exports CUSTOMER_MODEL_TEST_PG, PG_TEST_CLUSTER_DIR
#   cargo test -p customer-model-server
#   bash scripts/pg-test-cluster.sh stop              # stops it and removes the dir
#
# `start` installs PostgreSQL from the distribution's packages when it is missing (Debian, as root:
# `apt-get install postgresql`). Only the `export` lines go to stdout; progress goes to stderr.
set -euo pipefail

say() { echo "pg-test-cluster: $*" >&2; }

# The bin dir of the newest PostgreSQL installed from Debian's packages, or of the one on PATH.
bindir() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [[ -n "$dir" && -x "$dir/initdb" ]]; then
    echo "$dir"
  elif command -v initdb >/dev/null 2>&1; then
    dirname "$(command -v initdb)"
  fi
}

install_postgres() {
  if [[ "$(id -u)" != 0 ]] || ! command -v apt-get >/dev/null 2>&1; then
    say "PostgreSQL is not installed, and this is not a root shell with apt-get: install it (the"
    say "postgresql package) and run again"
    exit 1
  fi
  say "installing PostgreSQL (apt-get install postgresql)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq --no-install-recommends postgresql >&2
}

# Runs a PostgreSQL program as the cluster's owner.
as_owner() {
  if [[ "$(id -u)" == 0 ]]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' 2>/dev/null \
    || echo $(( 20000 + RANDOM % 40000 ))
}

start() {
  local bin dir port
  bin=$(bindir)
  if [[ -z "$bin" ]]; then
    install_postgres
    bin=$(bindir)
  fi
  [[ -n "$bin" ]] || { say "no initdb after installing PostgreSQL"; exit 1; }
  if [[ "$(id -u)" == 0 ]] && ! id postgres >/dev/null 2>&1; then
    say "there is no postgres user to run the cluster as"
    exit 1
  fi
  dir=$(mktemp -d "${TMPDIR:-/tmp}/pg-test.XXXXXX")
  chmod 755 "$dir"
  mkdir "$dir/data" "$dir/socket"
  if [[ "$(id -u)" == 0 ]]; then
    chown postgres: "$dir/data" "$dir/socket"
  fi
  say "initdb in $dir ($("$bin/postgres" --version))"
  as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth=trust --encoding=UTF8 --no-locale \
    --no-sync >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
  local tries=0
  until
    port=$(free_port)
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/data/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $dir/socket -c fsync=off \
          -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
      start >&2
  do
    tries=$((tries + 1))
    if (( tries >= 3 )); then
      cat "$dir/data/server.log" >&2 || true
      say "PostgreSQL did not start"
      exit 1
    fi
  done
  say "PostgreSQL listens on 127.0.0.1:$port"
  echo "export CUSTOMER_MODEL_TEST_PG=postgres://postgres@127.0.0.1:$port/postgres"
  echo "export PG_TEST_CLUSTER_DIR=$dir"
}

stop() {
  local dir=${1:-${PG_TEST_CLUSTER_DIR:-}} bin
  [[ -n "$dir" && -d "$dir/data" ]] || { say "no cluster to stop"; return 0; }
  bin=$(bindir)
  as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >&2 || true
  rm -rf "$dir"
  say "stopped and removed $dir"
}

case "${1:-}" in
  start) start ;;
  stop) stop "${2:-}" ;;
  *) echo "usage: $0 start | stop [DIR]" >&2; exit 2 ;;
esac
