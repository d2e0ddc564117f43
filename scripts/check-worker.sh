#!/usr/bin/env bash
# The reference worker (examples/worker) against a real PostgreSQL, started here from Debian's packages on a
# private socket and stopped at the end: twenty runs, one cancelled mid-run, and workers killed and paused while
# they hold a run (scripts/worker/check.py says what must hold).
set -euo pipefail
cd "$(dirname "$0")/.."
binary=$(realpath "${1:-.build/debug/speckit}")
venv=$(scripts/python-venv.sh)
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -x "$bin/initdb" ] || { echo "check-worker.sh: no PostgreSQL server (apt-get install postgresql; scripts/install-deps.sh --test does)" >&2; exit 1; }
tmp=$(mktemp -d)
chmod 755 "$tmp"
mkdir "$tmp/data" "$tmp/socket"
# initdb and the server refuse to run as root: run them as the postgres user Debian's package makes.
as_postgres() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
if [ "$(id -u)" = 0 ]; then chown postgres "$tmp/data" "$tmp/socket"; fi
stop() {
  as_postgres "$bin/pg_ctl" -D "$tmp/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$tmp"
}
trap stop EXIT
as_postgres "$bin/initdb" -D "$tmp/data" -U speckit -A trust -E UTF8 --no-sync >"$tmp/initdb.log" 2>&1 \
  || { cat "$tmp/initdb.log" >&2; exit 1; }
as_postgres "$bin/pg_ctl" -D "$tmp/data" -l "$tmp/data/server.log" -w \
  -o "-k $tmp/socket -c listen_addresses='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null \
  || { cat "$tmp/data/server.log" >&2; exit 1; }
"$venv/bin/python" -I scripts/worker/check.py --dsn "host=$tmp/socket user=speckit dbname=postgres" --speckit "$binary"
