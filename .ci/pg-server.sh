#!/usr/bin/env bash
# A throwaway PostgreSQL server for the office-mode test tier (issue 8), on 127.0.0.1 only.
#   .ci/pg-server.sh start [port]   initdb in a fresh temp folder, start, print the test URL
#                                   (without a port: a free one between 20000 and 39999)
#   .ci/pg-server.sh stop           stop it and remove its folder
# ARTEINPE_PG_STATE names the file that remembers the server (default /tmp/arteinpe-pg.state),
# so that several servers (a developer's, a test run's) can live side by side.
# Works as root (initdb and the server run as the "postgres" user, which Debian's
# postgresql package creates) and as a normal user (they run as that user).
# The URL printed is what ARTEINPE_TEST_PG expects: postgres://arteinpe:…@127.0.0.1:PORT/postgres
set -euo pipefail

state=${ARTEINPE_PG_STATE:-/tmp/arteinpe-pg.state}
bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
[ -n "$bindir" ] || bindir=$(dirname "$(command -v pg_ctl 2>/dev/null || echo /nonexistent/pg_ctl)")
if [ ! -x "$bindir/pg_ctl" ]; then
  echo "PostgreSQL server binaries not found (apt-get install postgresql)" >&2
  exit 2
fi

as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "${1:-}" in
  start)
    port=${2:-}
    if [ -z "$port" ]; then
      for _ in 1 2 3 4 5 6 7 8 9 10; do
        port=$((20000 + RANDOM % 20000))
        (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || break
      done
    fi
    dir=$(mktemp -d /tmp/arteinpe-pg.XXXXXX)
    chmod 755 "$dir"
    [ "$(id -u)" = 0 ] && chown postgres: "$dir"
    pw=$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')
    printf '%s\n' "$pw" > "$dir/pw"
    [ "$(id -u)" = 0 ] && chown postgres: "$dir/pw"
    as_owner "$bindir/initdb" -D "$dir/data" -U arteinpe --pwfile="$dir/pw" \
      --auth-local=scram-sha-256 --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; exit 1; }
    # Throwaway: no fsync; enough connections for parallel test files and the concurrency tests.
    as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
      -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300 -c shared_buffers=128MB" \
      start >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
    echo "$dir" > "$state"
    echo "postgres://arteinpe:$pw@127.0.0.1:$port/postgres"
    ;;
  stop)
    [ -f "$state" ] || exit 0
    dir=$(cat "$state")
    as_owner "$bindir/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$dir" "$state"
    ;;
  *)
    echo "usage: $0 start [port] | stop" >&2
    exit 2
    ;;
esac
