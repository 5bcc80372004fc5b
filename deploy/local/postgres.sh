# PostgreSQL from the OS packages, on the platform's own data directory and port.
# One database and one login role per service, plus *_test (module tests), *_e2e (platform-tests) and
# *_replicas (platform-tests' ReplicasTest: two instances of each service share one database)
# databases for `./platform test`, and the scratch database `bench` of `./platform bench`.

pg_bindir() {
    local d
    for d in /usr/lib/postgresql/15/bin /usr/lib/postgresql/*/bin /usr/pgsql-*/bin; do
        [ -x "$d/initdb" ] && { echo "$d"; return 0; }
    done
    return 1
}

pg_install() {
    pg_bindir >/dev/null && return 0
    say "Installing PostgreSQL from the OS packages..."
    local sudo=""
    is_root || sudo=sudo
    command -v apt-get >/dev/null || die "PostgreSQL is missing and there is no apt-get: install PostgreSQL 15 and retry"
    $sudo apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq postgresql >/dev/null \
        || die "apt-get install postgresql failed"
    # The package starts a cluster of its own on 5432; the platform does not use it.
    pg_bindir >/dev/null || die "PostgreSQL installed but initdb not found"
}

# Where the data lives. As root the server runs as the 'postgres' user, which must be able to
# reach the directory; when it cannot (a clone under /root), the data goes under /var/lib/postgresql.
pg_home() {
    if [ -f "$PLATFORM_HOME/pg.location" ]; then cat "$PLATFORM_HOME/pg.location"; return; fi
    local home="$PLATFORM_HOME/pg"
    if is_root; then
        mkdir -p "$home"
        chown postgres "$home" 2>/dev/null
        if ! runuser -u postgres -- test -w "$home" 2>/dev/null; then
            home="/var/lib/postgresql/social-services-platform-$(printf '%s' "$PLATFORM_HOME" | md5sum | cut -c1-10)"
        fi
    fi
    mkdir -p "$home"
    echo "$home" > "$PLATFORM_HOME/pg.location"
    echo "$home"
}

as_pg() {
    if is_root; then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_psql() {
    local home; home=$(pg_home)
    as_pg "$(pg_bindir)/psql" -X -q -v ON_ERROR_STOP=1 -h "$home/run" -p "$PG_PORT" -U postgres -d postgres "$@"
}

pg_start() {
    if running_pid postgres >/dev/null; then
        pg_create_databases
        info postgres "already running on 127.0.0.1:$PG_PORT"
        return 0
    fi
    pg_install
    local bin home; bin=$(pg_bindir); home=$(pg_home)
    is_root && chown -R postgres "$home"
    if [ ! -f "$home/data/PG_VERSION" ]; then
        as_pg mkdir -p "$home/data" "$home/run"
        as_pg "$bin/initdb" -D "$home/data" -U postgres -E UTF8 --locale=C.UTF-8 \
            --auth-local=trust --auth-host=scram-sha-256 >> "$LOG_DIR/postgres.log" 2>&1 \
            || die "initdb failed; see $LOG_DIR/postgres.log"
    fi
    as_pg mkdir -p "$home/run"
    # One server holds every service's database and Keycloak's. Memory for pages and maintenance, and WAL
    # room between checkpoints: with the defaults (128 MB, 1 GB) a bulk load (./platform bench seeds millions
    # of rows) spends its time in checkpoints and full-page writes (docs/performance.md).
    local PG_SETTINGS="-c shared_buffers=512MB -c maintenance_work_mem=256MB -c max_wal_size=4GB -c checkpoint_timeout=15min -c wal_compression=on"
    require_free_port "$PG_PORT" PostgreSQL PG_PORT
    touch "$LOG_DIR/postgres.log"; is_root && chown postgres "$LOG_DIR/postgres.log"
    as_pg "$bin/pg_ctl" -D "$home/data" -l "$LOG_DIR/postgres.log" -w -t 60 \
        -o "-p $PG_PORT -c listen_addresses=127.0.0.1 -c unix_socket_directories=$home/run -c max_connections=200 $PG_SETTINGS" \
        start >/dev/null || die "PostgreSQL did not start; see $LOG_DIR/postgres.log"
    head -1 "$home/data/postmaster.pid" > "$(pid_file postgres)"
    pg_create_databases
    info postgres "started on 127.0.0.1:$PG_PORT"
}

pg_stop() {
    running_pid postgres >/dev/null || return 0
    local home; home=$(pg_home)
    as_pg "$(pg_bindir)/pg_ctl" -D "$home/data" -m fast -w stop >/dev/null 2>&1 || stop_component postgres
    rm -f "$(pid_file postgres)"
    info postgres "stopped"
}

# One login role per service (password = role name + "-local": local demo credentials only),
# owning the service's database and its test database.
pg_create_databases() {
    local svc db
    for svc in $SERVICES; do
        db=${svc//-/_}
        pg_psql <<SQL >> "$LOG_DIR/postgres.log" 2>&1 || die "could not create database $db; see $LOG_DIR/postgres.log"
SELECT 'CREATE ROLE $db LOGIN PASSWORD ''$db-local''' WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '$db')\gexec
SELECT 'CREATE DATABASE $db OWNER $db' WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = '$db')\gexec
SELECT 'CREATE DATABASE ${db}_test OWNER $db' WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = '${db}_test')\gexec
SELECT 'CREATE DATABASE ${db}_e2e OWNER $db' WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = '${db}_e2e')\gexec
SELECT 'CREATE DATABASE ${db}_replicas OWNER $db' WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = '${db}_replicas')\gexec
SQL
    done
    # scratch database of ./platform bench's pgbench baseline (a table of its own, nothing of the services)
    pg_psql <<SQL >> "$LOG_DIR/postgres.log" 2>&1 || die "could not create database bench; see $LOG_DIR/postgres.log"
SELECT 'CREATE DATABASE bench OWNER case_service' WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = 'bench')\gexec
SQL
}

pg_purge() {
    local home; home=$(pg_home)
    rm -rf "$home" "$PLATFORM_HOME/pg.location"
}
