#!/usr/bin/env bash
# Starts a throwaway PostgreSQL 15 cluster on 127.0.0.1 and prints its DATABASE_URL.
#   eval "$(scripts/pg_throwaway.sh start)"   ->  exports DATABASE_URL, PG_THROWAWAY_DIR
#   scripts/pg_throwaway.sh stop DIR
# PostgreSQL refuses to run as root, so as root the cluster runs as the `postgres` user.
set -euo pipefail
cmd=${1:-start}

bin_dir() {
  for d in /usr/lib/postgresql/15/bin /usr/lib/postgresql/*/bin; do
    [ -x "$d/initdb" ] && { echo "$d"; return; }
  done
  dirname "$(command -v initdb)"
}

as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

case "$cmd" in
  start)
    BIN=$(bin_dir)
    DIR=$(mktemp -d /tmp/pg-throwaway.XXXXXX)
    chmod 755 "$DIR"
    [ "$(id -u)" = 0 ] && chown postgres:postgres "$DIR"
    PORT=${PGPORT_THROWAWAY:-$(free_port)}
    as_pg "$BIN/initdb" -D "$DIR/data" -U postgres -A trust --no-sync -E UTF8 --locale=C.UTF-8 >"$DIR/initdb.log" 2>&1 \
      || { cat "$DIR/initdb.log" >&2; exit 1; }
    as_pg "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w -t 30 \
      -o "-h 127.0.0.1 -p $PORT -k $DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
      start >/dev/null || { cat "$DIR/server.log" >&2; exit 1; }
    echo "export DATABASE_URL=postgres://postgres@127.0.0.1:$PORT/postgres"
    echo "export PG_THROWAWAY_DIR=$DIR"
    ;;
  stop)
    DIR=${2:?usage: pg_throwaway.sh stop DIR}
    as_pg "$(bin_dir)/pg_ctl" -D "$DIR/data" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$DIR"
    ;;
  *)
    echo "usage: $0 start | stop DIR" >&2; exit 2 ;;
esac
