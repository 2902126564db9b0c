#!/usr/bin/env bash
# A throwaway PostgreSQL server for the register tests (shared-register mode).
#
# Installs Debian's postgresql if it is missing, starts a private cluster owned by the postgres user,
# listening on 127.0.0.1 on a free port (never the system cluster), and prints ONE line on stdout:
# a SQLAlchemy URL such as postgresql+psycopg://postgres@127.0.0.1:54329/postgres
# Idempotent: if the cluster in $TDKT_PG_DIR is already running, it prints its URL again.
# Stop it with:  scripts/pg-test-server.sh stop
set -euo pipefail

DIR="${TDKT_PG_DIR:-/tmp/tdkt-pg-test}"
log() { echo "pg-test-server: $*" >&2; }

as_pg() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

pg_bin() {
  local initdb
  initdb=$(ls -d /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -n 1 || true)
  [ -n "$initdb" ] && dirname "$initdb"
}

if [ -z "$(pg_bin)" ]; then
  if [ "$(id -u)" -ne 0 ]; then
    log "PostgreSQL is not installed and this is not root: apt-get install -y postgresql"
    exit 1
  fi
  log "installing Debian's postgresql"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq --no-install-recommends postgresql >&2
fi
BIN="$(pg_bin)"

if [ "${1:-}" = "stop" ]; then
  if [ -f "$DIR/data/postmaster.pid" ]; then
    as_pg "$BIN/pg_ctl" -D "$DIR/data" -m fast stop >&2
  fi
  exit 0
fi

if [ -f "$DIR/url" ] && as_pg "$BIN/pg_ctl" -D "$DIR/data" status >/dev/null 2>&1; then
  cat "$DIR/url"
  exit 0
fi

mkdir -p "$DIR"
if [ "$(id -u)" -eq 0 ]; then chown postgres: "$DIR"; fi
if [ ! -f "$DIR/data/PG_VERSION" ]; then
  log "initdb in $DIR/data"
  as_pg "$BIN/initdb" -D "$DIR/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
fi

# A free port: ask the kernel for one (python3 is always there: tdkt needs it).
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
log "starting on 127.0.0.1:$PORT"
as_pg "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w -t 60 \
  -o "-p $PORT -c listen_addresses=127.0.0.1 -k $DIR -c fsync=off -c max_connections=200" start >/dev/null

URL="postgresql+psycopg://postgres@127.0.0.1:$PORT/postgres"
echo "$URL" > "$DIR/url"
echo "$URL"
