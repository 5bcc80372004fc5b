# Shared helpers of the native local platform; sourced, never run.
# Layout of the platform's own state (all under $PLATFORM_HOME, default <repo>/.platform):
#   logs/<component>.log   run/<component>.pid   pg/   kafka/   keycloak/   downloads/

ROOT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
DEPLOY_DIR="$ROOT_DIR/deploy/local"
# shellcheck source=platform.env
. "$DEPLOY_DIR/platform.env"
: "${PLATFORM_HOME:=$ROOT_DIR/.platform}"
LOG_DIR="$PLATFORM_HOME/logs"
RUN_DIR="$PLATFORM_HOME/run"
mkdir -p "$LOG_DIR" "$RUN_DIR"

MVN="$ROOT_DIR/mvnw"

say()  { printf '%s\n' "$*"; }
info() { printf '  %-18s %s\n' "$1" "$2"; }
die()  { printf 'platform: %s\n' "$*" >&2; exit 1; }
is_root() { [ "$(id -u)" = 0 ]; }

pid_file() { echo "$RUN_DIR/$1.pid"; }

# pid of a running component started by the platform, or nothing.
running_pid() {
    local f pid
    f=$(pid_file "$1")
    [ -f "$f" ] || return 1
    pid=$(cat "$f")
    if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
        echo "$pid"
        return 0
    fi
    rm -f "$f"
    return 1
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Refuse to start on a port somebody else holds, naming who.
require_free_port() {
    local port=$1 what=$2 var=$3
    if port_open "$port"; then
        local who=""
        command -v ss >/dev/null && who=$(ss -ltnp "sport = :$port" 2>/dev/null | awk 'NR>1{print $NF}' | head -1)
        die "port $port needed by $what is taken by another process ${who:+($who)}; stop it or set $var to a free port"
    fi
}

# Start a command in its own session (so `down` can stop it with all its children).
start_bg() {
    local name=$1; shift
    local log="$LOG_DIR/$name.log"
    echo "---- $(date -Is) starting $name" >> "$log"
    setsid "$@" >> "$log" 2>&1 < /dev/null &
    echo $! > "$(pid_file "$name")"
}

# Stop a component by its recorded pid (its whole process group), waiting up to 30 s.
stop_component() {
    local name=$1 pid i
    pid=$(running_pid "$name") || return 0
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null
    for i in $(seq 1 60); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.5
    done
    if kill -0 "$pid" 2>/dev/null; then
        kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null
    fi
    rm -f "$(pid_file "$name")"
    info "$name" "stopped"
}

# wait_until SECONDS DESCRIPTION COMPONENT COMMAND...: poll COMMAND until it succeeds.
wait_until() {
    local timeout=$1 what=$2 component=$3; shift 3
    local start=$SECONDS
    until "$@" >/dev/null 2>&1; do
        if [ -n "$component" ] && ! running_pid "$component" >/dev/null; then
            tail -n 40 "$LOG_DIR/$component.log" >&2 2>/dev/null
            die "$component exited while waiting for $what; see $LOG_DIR/$component.log"
        fi
        if (( SECONDS - start > timeout )); then
            tail -n 40 "$LOG_DIR/$component.log" >&2 2>/dev/null
            die "timed out after ${timeout}s waiting for $what; see $LOG_DIR/$component.log"
        fi
        sleep 1
    done
}

http_ok() { curl -fsS -o /dev/null --max-time 5 "$1"; }

java_bin() {
    if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then echo "$JAVA_HOME/bin/java"; else command -v java; fi
}
