# ./platform bench: the performance harness (bench/, ua.social.bench.Bench) on the running platform.
# Sourced by main.sh; uses the functions of lib.sh, postgres.sh and services.sh.

bench_usage() {
    cat <<USAGE
Usage: ./platform bench [--quick] [--cases N] [--out DIR] [--shared] [--cold] [-- HARNESS OPTIONS]

  --quick      a tiny dataset (200 cases) and scenarios of a second or two: checks the harness works;
               the figures are not the platform's performance (./platform test runs this mode)
  --cases N    cases to seed (default 1,000,000; two clients, 1.3 appeals, two services per case)
  --out DIR    where bench.json, bench.md and latency.svg go (default \$PLATFORM_HOME/bench/<time>)
  --shared     say in the report that the machine was shared with other work
  --cold       also time a cold ./platform up before the warm one (deletes the platform's data: down --purge,
               then up)

After --, options go to the harness as they are, e.g. -- --scenario-seconds 10 --read-rate 100
--referrals 50 (java -cp bench/target/bench.jar:bench/target/lib/* ua.social.bench.Bench --help).

Without --quick the run also times a warm ./platform up (down, then up, data kept) and copies its
report to docs/performance.md.
USAGE
}

# pgbench comes with Debian's PostgreSQL server package; postgresql-contrib where it does not.
bench_pgbench() {
    local d
    d=$(pg_bindir) && [ -x "$d/pgbench" ] && { echo "$d/pgbench"; return 0; }
    command -v pgbench >/dev/null && { command -v pgbench; return 0; }
    local sudo=""
    is_root || sudo=sudo
    command -v apt-get >/dev/null || die "pgbench is missing and there is no apt-get: install PostgreSQL's pgbench and retry"
    say "Installing pgbench (postgresql-contrib)..." >&2
    $sudo apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq postgresql-contrib >/dev/null \
        || die "apt-get install postgresql-contrib failed"
    d=$(pg_bindir) && [ -x "$d/pgbench" ] && { echo "$d/pgbench"; return 0; }
    command -v pgbench || die "pgbench not found after installing postgresql-contrib"
}

# A full run's report replaces the measured part of docs/performance.md (between the bench:report markers;
# the written analysis around it stays), its chart docs/performance-latency.svg.
bench_publish() {
    local out=$1 doc="$ROOT_DIR/docs/performance.md" report
    report=$(sed -e "s|(latency.svg)|(performance-latency.svg)|" -e 's|^## |### |' -e 's|^# `./platform bench` report|## The latest full run|' "$out/bench.md")
    cp "$out/latency.svg" "$ROOT_DIR/docs/performance-latency.svg"
    if [ -f "$doc" ] && grep -q '<!-- bench:report:start -->' "$doc"; then
        REPORT="$report" awk '
            /<!-- bench:report:start -->/ { print; print ENVIRON["REPORT"]; skip = 1; next }
            /<!-- bench:report:end -->/ { skip = 0 }
            !skip { print }' "$doc" > "$doc.tmp" && mv "$doc.tmp" "$doc"
    else
        printf '# Performance\n\n<!-- bench:report:start -->\n%s\n<!-- bench:report:end -->\n' "$report" > "$doc"
    fi
}

bench_all_running() {
    local c
    for c in postgres kafka keycloak $SERVICES; do running_pid "$c" >/dev/null || return 1; done
}

cmd_bench() {
    local quick="" cases="" out="" shared="" cold="" up_warm="" up_cold="" t extra=()
    while [ $# -gt 0 ]; do
        case $1 in
            --quick) quick=1 ;;
            --cases) cases=${2:?--cases needs a number}; shift ;;
            --out) out=${2:?--out needs a directory}; shift ;;
            --shared) shared=1 ;;
            --cold) cold=1 ;;
            -h|--help) bench_usage; return 0 ;;
            --) shift; extra=("$@"); break ;;
            *) bench_usage; die "unknown option of bench: $1" ;;
        esac
        shift
    done
    [ -n "$cases" ] && ! [[ "$cases" =~ ^[1-9][0-9]*$ ]] && die "--cases needs a positive whole number, got '$cases'"
    : "${out:=$PLATFORM_HOME/bench/$(date -u +%Y%m%dT%H%M%SZ)}"
    mkdir -p "$out"

    if [ -n "$cold" ] && [ -z "$quick" ]; then
        say "Timing a cold ./platform up (down --purge, then up)"
        cmd_down --purge
        t=$SECONDS; cmd_up; up_cold=$((SECONDS - t))
    fi
    if [ -z "$quick" ]; then
        # warm: installed, built, data kept, everything stopped
        bench_all_running || cmd_up
        say "Timing a warm ./platform up (down, then up; data kept)"
        cmd_down
        t=$SECONDS; cmd_up; up_warm=$((SECONDS - t))
    elif ! bench_all_running; then
        cmd_up
    fi
    pg_create_databases   # the scratch database "bench" of the pgbench baseline
    local pgbench; pgbench=$(bench_pgbench)

    say "Building the harness (bench/, log: $LOG_DIR/bench-build.log)"
    (cd "$ROOT_DIR" && "$MVN" -B package -pl contracts,bench -DskipTests > "$LOG_DIR/bench-build.log" 2>&1) \
        || { tail -n 40 "$LOG_DIR/bench-build.log" >&2; die "building the harness failed"; }

    local args=(--out "$out" --case-url "http://localhost:$CASE_SERVICE_PORT" --referral-url "http://localhost:$REFERRAL_SERVICE_PORT"
        --reporting-url "http://localhost:$REPORTING_SERVICE_PORT" --keycloak-url "http://localhost:$KEYCLOAK_PORT"
        --db-host 127.0.0.1 --db-port "$PG_PORT" --run-dir "$RUN_DIR" --pgbench "$pgbench")
    [ -n "$quick" ] && args+=(--quick)
    [ -n "$cases" ] && args+=(--cases "$cases")
    [ -n "$shared" ] && args+=(--shared)
    [ -n "$up_warm" ] && args+=(--up-warm-seconds "$up_warm")
    [ -n "$up_cold" ] && args+=(--up-cold-seconds "$up_cold")
    args+=("${extra[@]}")
    say "Running the bench${quick:+ (quick)}: figures in $out"
    "$(java_bin)" -cp "$ROOT_DIR/bench/target/bench.jar:$ROOT_DIR/bench/target/lib/*" ua.social.bench.Bench "${args[@]}" \
        || die "the bench failed"
    if [ -z "$quick" ]; then
        bench_publish "$out"
        say "Report copied to docs/performance.md"
    fi
    say "Report: $out/bench.md   Figures: $out/bench.json   Chart: $out/latency.svg"
}
