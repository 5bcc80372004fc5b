# The three Quarkus services, built with the Maven wrapper and run from their packaged jars.

svc_port() {
    case $1 in
        case-service) echo "$CASE_SERVICE_PORT" ;;
        referral-service) echo "$REFERRAL_SERVICE_PORT" ;;
        reporting-service) echo "$REPORTING_SERVICE_PORT" ;;
    esac
}

# Environment the services (and the tests) read: where the platform's infrastructure listens.
export_infra_env() {
    export DB_HOST=127.0.0.1 DB_PORT="$PG_PORT"
    export KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:$KAFKA_PORT"
    export KEYCLOAK_URL="http://localhost:$KEYCLOAK_PORT"
}

# True when a jar is missing or any source, resource or POM is newer than it.
svc_stale() {
    local svc stale=""
    for svc in $SERVICES; do
        local jar="$ROOT_DIR/$svc/target/quarkus-app/quarkus-run.jar"
        if [ ! -f "$jar" ] || [ -n "$(find "$ROOT_DIR/pom.xml" "$ROOT_DIR/identity/pom.xml" "$ROOT_DIR/identity/src/main" \
                "$ROOT_DIR/messaging/pom.xml" "$ROOT_DIR/messaging/src/main" \
                "$ROOT_DIR/$svc/pom.xml" "$ROOT_DIR/$svc/src/main" -newer "$jar" -type f -print -quit 2>/dev/null)" ]; then
            stale=1
        fi
    done
    [ -n "$stale" ]
}

svc_build() {
    svc_stale || return 0
    say "  building services  ./mvnw package -DskipTests (log: $LOG_DIR/build.log)"
    (cd "$ROOT_DIR" && "$MVN" -B package -DskipTests > "$LOG_DIR/build.log" 2>&1) \
        || { tail -n 40 "$LOG_DIR/build.log" >&2; die "the build failed; see $LOG_DIR/build.log"; }
}

svc_ready() { curl -fsS --max-time 5 "http://localhost:$1/q/health/ready" 2>/dev/null | grep -q '"status": *"UP"'; }

svc_start() {
    local svc=$1 port java
    port=$(svc_port "$svc"); java=$(java_bin)
    if running_pid "$svc" >/dev/null; then info "$svc" "already running on http://localhost:$port"; return 0; fi
    require_free_port "$port" "$svc" "$(echo "${svc//-/_}" | tr '[:lower:]' '[:upper:]')_PORT"
    start_bg "$svc" env PLATFORM_DEMO_SECRETS_ALLOWED=true QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT="$port" "$java" -Xmx384m -jar "$ROOT_DIR/$svc/target/quarkus-app/quarkus-run.jar"
}

svc_wait() {
    local svc=$1 port; port=$(svc_port "$svc")
    wait_until 120 "$svc to report UP on /q/health/ready" "$svc" svc_ready "$port"
    info "$svc" "UP on http://localhost:$port"
}

svc_stop() { stop_component "$1"; }
