#!/usr/bin/env bash
# Prints the HAProxy configuration of a replicated local run (./platform up --replicas N) on stdout.
# Also used by platform-tests' ReplicasTest, so the test balances exactly as the script does.
#
# usage: haproxy-config.sh NAME:PORT:BACKEND_PORT[,BACKEND_PORT...] ...
#   e.g. haproxy-config.sh case-service:8081:8091,8101 referral-service:8082:8092,8102
# For each NAME: a frontend on 127.0.0.1:PORT, round-robin over the instances NAME-1, NAME-2, ... on
# 127.0.0.1:BACKEND_PORT, each checked on GET /q/health/ready every second (out after 2 failures, back
# after 2 successes). A request whose instance dies before answering (refused connection, connection
# closed without a response) is retried once more on another instance: every POST of the platform that
# creates something takes an Idempotency-Key and the other writes are state transitions, so a retry
# never applies a change twice. Each answer names the instance that served it in X-Served-By.
set -euo pipefail
[ $# -gt 0 ] || { echo "usage: $0 NAME:PORT:BACKEND_PORT[,BACKEND_PORT...] ..." >&2; exit 2; }

cat <<'CFG'
global
    maxconn 4096
    log stdout format raw local0 info

defaults
    mode http
    log global
    option httplog
    timeout connect 2s
    timeout client 60s
    timeout server 60s
    timeout http-request 15s
    timeout queue 15s
    retries 2
    option redispatch 1
    retry-on conn-failure empty-response
    default-server inter 1s fall 2 rise 2
CFG

for spec in "$@"; do
    IFS=: read -r name port backends <<<"$spec"
    [ -n "$name" ] && [ -n "$port" ] && [ -n "$backends" ] || { echo "bad spec '$spec'" >&2; exit 2; }
    cat <<CFG

frontend $name
    bind 127.0.0.1:$port
    default_backend $name

backend $name
    balance roundrobin
    option httpchk
    http-check send meth GET uri /q/health/ready
    http-check expect status 200
    http-response set-header X-Served-By %[srv_name]
CFG
    i=0
    for b in ${backends//,/ }; do
        i=$((i + 1))
        echo "    server $name-$i 127.0.0.1:$b check"
    done
done
