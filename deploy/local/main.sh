#!/usr/bin/env bash
# The native local platform: PostgreSQL, Kafka and Keycloak without a container engine, and the
# three services. `./platform` at the repository root is the front door to this script.
set -uo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
. "$HERE/lib.sh"
. "$HERE/postgres.sh"
. "$HERE/kafka.sh"
. "$HERE/keycloak.sh"
. "$HERE/services.sh"
. "$HERE/browser.sh"
. "$HERE/node.sh"
. "$HERE/haproxy.sh"
. "$HERE/bench.sh"

usage() {
    cat <<USAGE
Usage: ./platform COMMAND

  up [--infra-only] [--replicas N]
                      install what is missing, start PostgreSQL, Kafka, Keycloak and the three
                      services, wait until healthy, print the URLs and demo accounts
                      (--infra-only: leave the services to you, e.g. ./mvnw quarkus:dev -pl case-service;
                      --replicas N: N instances of each service on their own ports, port + I*$REPLICA_PORT_STEP,
                      behind HAProxy on the standard ports, which checks /q/health/ready; default 1)
  down [--purge]      stop everything the platform started (data is kept; --purge deletes it)
  status              each component (each service instance and HAProxy), its port and whether it runs
  test [MAVEN ARGS]   bring up the infrastructure the tests need and run ./mvnw verify on all modules
  test --fast         only the tests of rules with no I/O (tag "fast"), nothing started
  logs [COMPONENT]    follow a component's log (postgres, kafka, keycloak, case-service, ...)
  demo                load the demo dataset into the running platform through its APIs (both demo
                      communities: clients, appeals, cases in every stage, partners, referrals in
                      every status) and print a partner API key; running it again adds nothing
  bench [--quick] [--cases N] [--out DIR] [--shared] [--cold]
                      measure the platform at national scale beside pgbench (starts what is missing):
                      seeding 1 M cases by COPY and its events through relay, Kafka and reporting,
                      write path, staff reads, ministry statistics, referral → timeline delay, replay,
                      memory, warm ./platform up; writes bench.json, bench.md and latency.svg
                      (--quick: tiny dataset, seconds; ./platform bench --help for the options)

State, logs and data live in ${PLATFORM_HOME}.
USAGE
}

infra_up() {
    pg_start
    kafka_start
    kc_start
}

print_urls() {
    cat <<TXT

The platform is up.

  Service             API (Swagger UI)                        Health
  case-service        http://localhost:$CASE_SERVICE_PORT/q/swagger-ui        http://localhost:$CASE_SERVICE_PORT/q/health
  referral-service    http://localhost:$REFERRAL_SERVICE_PORT/q/swagger-ui        http://localhost:$REFERRAL_SERVICE_PORT/q/health
  reporting-service   http://localhost:$REPORTING_SERVICE_PORT/q/swagger-ui        http://localhost:$REPORTING_SERVICE_PORT/q/health
  Ministry dashboard  http://localhost:$REPORTING_SERVICE_PORT/dashboard/  (sign in as analyst.ministry)
  Keycloak            $KC_URL/admin  (bootstrap admin: $KEYCLOAK_ADMIN_USER / $KEYCLOAK_ADMIN_PASSWORD)
  PostgreSQL          127.0.0.1:$PG_PORT   Kafka  127.0.0.1:$KAFKA_PORT
TXT
    if [ "$(svc_replicas)" -gt 1 ]; then
        cat <<TXT
  HAProxy balances $(svc_replicas) instances of each service on the ports above (each answer names its
  instance in X-Served-By; ./platform status lists the instances and their own ports).
TXT
    fi
    cat <<TXT

Demo accounts of realm social-services (password "demo"; demo only):
  Poltava (UA-53)     intake.poltava  manager1.poltava  manager2.poltava  supervisor.poltava
  Vinnytsia (UA-05)   intake.vinnytsia  manager1.vinnytsia  manager2.vinnytsia  supervisor.vinnytsia
  Ministry            analyst.ministry        Operator  admin.platform

A token for scripts:
  curl -s -d grant_type=password -d client_id=platform-cli -d username=manager1.poltava -d password=demo \\
       $KC_URL/realms/social-services/protocol/openid-connect/token
TXT
}

# The time of each phase of `up`, printed with the total at the end.
PHASES=""
phase() { PHASES+="${PHASES:+, }$1 $(($SECONDS - $2)) s"; }

cmd_up() {
    local infra_only="" replicas=1 svc t
    while [ $# -gt 0 ]; do
        case $1 in
            --infra-only) infra_only=1 ;;
            --replicas) shift; replicas=${1:-} ;;
            --replicas=*) replicas=${1#--replicas=} ;;
            *) usage; exit 2 ;;
        esac
        shift
    done
    [[ "$replicas" =~ ^[1-9][0-9]?$ ]] || die "--replicas takes a number of instances per service, 1 to 99 (got '$replicas')"
    local start=$SECONDS
    PHASES=""
    say "Starting the platform (state in $PLATFORM_HOME)"
    [ "$replicas" -gt 1 ] && [ -z "$infra_only" ] && haproxy_install
    t=$SECONDS; pg_start; phase postgres "$t"
    t=$SECONDS; kafka_start; phase kafka "$t"
    local kc_started=$SECONDS
    kc_launch
    export_infra_env
    if [ -z "$infra_only" ]; then
        local running_any="" name
        for svc in $SERVICES; do
            for name in $(svc_instances "$svc"); do running_pid "$name" >/dev/null && running_any=1; done
        done
        if [ -n "$running_any" ]; then
            [ "$(svc_replicas)" = "$replicas" ] || die "the services run with --replicas $(svc_replicas); ./platform down first to change it"
            # Never rebuild the jars under running services; a changed source waits for down + up.
            svc_stale && say "  note               sources changed since the running services were built: ./platform down && ./platform up"
        else
            echo "$replicas" > "$RUN_DIR/replicas"
            # Built while Keycloak boots: the two together take the longer of the two, not their sum.
            t=$SECONDS; svc_build; phase "build (while Keycloak starts)" "$t"
        fi
        kc_await; phase "keycloak ready" "$kc_started"
        t=$SECONDS
        for svc in $SERVICES; do svc_start "$svc"; done
        for svc in $SERVICES; do svc_wait "$svc"; done
        phase services "$t"
        if [ "$replicas" -gt 1 ]; then
            t=$SECONDS; haproxy_start "$replicas"; phase haproxy "$t"
        fi
        print_urls
    else
        kc_await; phase keycloak "$kc_started"
        say ""
        say "Infrastructure is up. Run a service against it, e.g.:"
        say "  export DB_HOST=$DB_HOST DB_PORT=$DB_PORT KAFKA_BOOTSTRAP_SERVERS=$KAFKA_BOOTSTRAP_SERVERS KEYCLOAK_URL=$KEYCLOAK_URL"
        say "  ./mvnw quarkus:dev -pl case-service"
    fi
    say ""
    say "Ready in $((SECONDS - start)) s ($PHASES)."
}

cmd_down() {
    local svc
    haproxy_stop
    for svc in $SERVICES; do svc_stop "$svc"; done
    rm -f "$RUN_DIR/replicas"
    kc_stop
    kafka_stop
    pg_stop
    if [ "${1:-}" = "--purge" ]; then
        kc_purge
        kafka_purge
        pg_purge
        rm -rf "$LOG_DIR" "$RUN_DIR"
        # made again at once: an up in the same shell (bench --cold) writes its logs there
        mkdir -p "$LOG_DIR" "$RUN_DIR"
        say "Data deleted."
    fi
}

cmd_status() {
    local name port pid svc entries=("postgres:$PG_PORT" "kafka:$KAFKA_PORT" "keycloak:$KEYCLOAK_PORT")
    if [ "$(svc_replicas)" -gt 1 ]; then
        entries+=("haproxy:$CASE_SERVICE_PORT-$REPORTING_SERVICE_PORT")
    fi
    for svc in $SERVICES; do
        for name in $(svc_instances "$svc"); do entries+=("$name:$(svc_component_port "$name")"); done
    done
    printf '  %-20s %-10s %-7s %s\n' COMPONENT PORT STATE PID
    for entry in "${entries[@]}"; do
        name=${entry%%:*}; port=${entry##*:}
        if pid=$(running_pid "$name"); then
            printf '  %-20s %-10s %-7s %s\n' "$name" "$port" running "$pid"
        else
            printf '  %-20s %-10s %-7s %s\n' "$name" "$port" stopped "-"
        fi
    done
}

# The fast tier: the tests of rules with no I/O (tagged "fast"), in well under a minute, with nothing started.
# Only what those tests need runs: compile and test-compile (incremental), then surefire; no jar, no
# Quarkus build or code generation. prod.mode.tests keeps quarkus-junit's launcher listener from building
# each service's application model while JUnit discovers the (excluded) @QuarkusTest classes: that
# discovery alone cost about a minute per service.
cmd_test_fast() {
    say "Running the fast tier: the tests tagged 'fast' (no PostgreSQL, Kafka or Keycloak needed)"
    (cd "$ROOT_DIR" && "$MVN" -B test-compile surefire:test -Dgroups=fast -Dsurefire.failIfNoSpecifiedTests=false \
        -Dquarkus.generate-code.skip=true -DargLine=-Dprod.mode.tests=true \
        -pl contracts,identity,messaging,case-service,referral-service,reporting-service "$@")
}

cmd_test() {
    if [ "${1:-}" = "--fast" ]; then
        shift
        cmd_test_fast "$@"
        return
    fi
    # Components this run starts are stopped again at the end; ones already running are left alone.
    # (Global on purpose: the EXIT trap runs after this function has returned.)
    TEST_ALREADY_RUNNING=" "
    local c
    for c in postgres kafka keycloak; do running_pid "$c" >/dev/null && TEST_ALREADY_RUNNING+="$c "; done
    cleanup() {
        local c
        for c in keycloak kafka postgres; do
            [[ "$TEST_ALREADY_RUNNING" == *" $c "* ]] && continue
            case $c in
                keycloak) kc_stop ;; kafka) kafka_stop ;; postgres) pg_stop ;;
            esac
        done
    }
    trap cleanup EXIT
    say "Bringing up the test infrastructure (state in $PLATFORM_HOME)"
    browser_install
    node_install
    haproxy_install
    infra_up
    export_infra_env
    say "Running ./mvnw verify $*"
    (cd "$ROOT_DIR" && "$MVN" -B verify "$@")
    local rc=$?
    return $rc
}

cmd_logs() {
    if [ -z "${1:-}" ]; then
        ls "$LOG_DIR"
        return
    fi
    [ -f "$LOG_DIR/$1.log" ] || die "no log for '$1' (have: $(ls "$LOG_DIR" | tr '\n' ' '))"
    tail -n 100 -F "$LOG_DIR/$1.log"
}

cmd_demo() {
    bash "$HERE/demo.sh" "$@"
}

main() {
    local cmd=${1:-help}
    [ $# -gt 0 ] && shift
    case $cmd in
        up) cmd_up "$@" ;;
        down) cmd_down "$@" ;;
        status) cmd_status ;;
        test) cmd_test "$@" ;;
        logs) cmd_logs "$@" ;;
        demo) cmd_demo "$@" ;;
        bench) cmd_bench "$@" ;;
        help|-h|--help) usage ;;
        *) usage; exit 2 ;;
    esac
}

main "$@"
