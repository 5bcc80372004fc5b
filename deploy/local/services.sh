# The three Quarkus services, built with the Maven wrapper and run from their packaged jars.
# One instance each on the standard ports by default; with `up --replicas N` (N > 1), N instances each
# on their own ports (svc_instance_port) behind HAProxy on the standard ports (haproxy.sh).

svc_port() {
    case $1 in
        case-service) echo "$CASE_SERVICE_PORT" ;;
        referral-service) echo "$REFERRAL_SERVICE_PORT" ;;
        reporting-service) echo "$REPORTING_SERVICE_PORT" ;;
    esac
}

# Port of instance I (1..N) of a service in a replicated run: its standard port + I * REPLICA_PORT_STEP
# (8091, 8101, ... for case-service; 8092, 8102, ... for referral-service; 8093, 8103, ... for reporting).
svc_instance_port() { echo $(( $(svc_port "$1") + $2 * REPLICA_PORT_STEP )); }

# The number of instances of each service the running platform was started with (1 when not replicated).
svc_replicas() { cat "$RUN_DIR/replicas" 2>/dev/null || echo 1; }

# Components of a service: "case-service" alone, or "case-service-1 case-service-2 ..." when replicated.
svc_instances() {
    local svc=$1 n i; n=$(svc_replicas)
    if [ "$n" -le 1 ]; then echo "$svc"; return; fi
    for i in $(seq 1 "$n"); do printf '%s ' "$svc-$i"; done
}

# Port of a component named by svc_instances.
svc_component_port() {
    local name=$1 svc
    for svc in $SERVICES; do
        [ "$name" = "$svc" ] && { svc_port "$svc"; return; }
        [[ "$name" == "$svc"-* ]] && { svc_instance_port "$svc" "${name##*-}"; return; }
    done
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

# Starts every instance of the service (component names from svc_instances).
svc_start() {
    local svc=$1 name port java var
    java=$(java_bin)
    var="$(echo "${svc//-/_}" | tr '[:lower:]' '[:upper:]')_PORT"
    for name in $(svc_instances "$svc"); do
        port=$(svc_component_port "$name")
        if running_pid "$name" >/dev/null; then info "$name" "already running on http://localhost:$port"; continue; fi
        require_free_port "$port" "$name" "$var (instances: REPLICA_PORT_STEP)"
        # SERVICE_JAVA_OPTS (platform.env) is split into words on purpose
        # shellcheck disable=SC2086
        start_bg "$name" env PLATFORM_DEMO_SECRETS_ALLOWED=true QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT="$port" \
            MALLOC_ARENA_MAX="$SERVICE_MALLOC_ARENA_MAX" \
            "$java" $SERVICE_JAVA_OPTS -jar "$ROOT_DIR/$svc/target/quarkus-app/quarkus-run.jar"
    done
}

svc_wait() {
    local svc=$1 name port
    for name in $(svc_instances "$svc"); do
        port=$(svc_component_port "$name")
        wait_until 180 "$name to report UP on /q/health/ready" "$name" svc_ready "$port"
        info "$name" "UP on http://localhost:$port"
    done
}

# Stops the service's instances, whichever layout they were started with.
svc_stop() {
    local svc=$1 f name
    stop_component "$svc"
    for f in "$RUN_DIR/$svc"-[0-9]*.pid; do
        [ -e "$f" ] || continue
        name=$(basename "$f" .pid)
        stop_component "$name"
    done
}
