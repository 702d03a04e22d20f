#!/usr/bin/env bash
# Starts or stops a private MariaDB server for the tests: Debian's mariadb-server binaries, a data
# directory under .test-run/, loopback only, a free port. `start` writes .test-run/mariadb.env with
# JETPACK_WHMCS_TEST_MYSQL, a connection string for a user that may create and drop databases.
# MARIADB_PORT pins the port (so two worktrees' servers never race for the same free one); without it
# the first free port from 33306 is taken.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
run="$root/.test-run/mariadb"
envfile="$root/.test-run/mariadb.env"

free_port() {
    local port
    if [ -n "${MARIADB_PORT:-}" ]; then
        if (exec 3<>"/dev/tcp/127.0.0.1/$MARIADB_PORT") 2>/dev/null; then
            echo "port $MARIADB_PORT (MARIADB_PORT) is in use: choose another or unset MARIADB_PORT" >&2
            exit 1
        fi
        echo "$MARIADB_PORT"
        return
    fi
    for port in $(seq 33306 33406); do
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
    done
    echo "no free port between 33306 and 33406" >&2
    exit 1
}

start() {
    if [ -f "$run/mariadb.pid" ] && kill -0 "$(cat "$run/mariadb.pid")" 2>/dev/null; then
        echo "MariaDB already running; connection in $envfile"
        return
    fi
    rm -rf "$run"
    mkdir -p "$run/data"
    mariadb-install-db --no-defaults --datadir="$run/data" --user="$(id -un)" \
        --auth-root-authentication-method=socket --skip-test-db >"$run/install.log" 2>&1
    local port
    port=$(free_port)
    mariadbd --no-defaults --datadir="$run/data" --socket="$run/mariadb.sock" --port="$port" \
        --bind-address=127.0.0.1 --user="$(id -un)" --pid-file="$run/mariadb.pid" \
        --log-error="$run/error.log" --innodb-buffer-pool-size=128M --max-connections=500 \
        --innodb-flush-log-at-trx-commit=2 --skip-name-resolve >/dev/null 2>&1 &
    for _ in $(seq 1 100); do
        if mariadb --no-defaults --socket="$run/mariadb.sock" -uroot -e 'SELECT 1' >/dev/null 2>&1; then break; fi
        sleep 0.2
    done
    # A throwaway password for a throwaway server that listens on loopback only.
    local password="test-only-$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"
    mariadb --no-defaults --socket="$run/mariadb.sock" -uroot <<SQL
CREATE USER 'jetpack_test'@'127.0.0.1' IDENTIFIED BY '$password';
GRANT ALL PRIVILEGES ON *.* TO 'jetpack_test'@'127.0.0.1' WITH GRANT OPTION;
SQL
    echo "export JETPACK_WHMCS_TEST_MYSQL='Server=127.0.0.1;Port=$port;Uid=jetpack_test;Password=$password;SslMode=None;AllowPublicKeyRetrieval=true'" >"$envfile"
    echo "MariaDB started on 127.0.0.1:$port; connection in $envfile"
}

stop() {
    if [ -f "$run/mariadb.pid" ]; then
        local pid
        pid=$(cat "$run/mariadb.pid")
        kill "$pid" 2>/dev/null || true
        for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    fi
    rm -f "$envfile"
}

case "${1:-}" in
    start) start ;;
    stop) stop ;;
    *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
