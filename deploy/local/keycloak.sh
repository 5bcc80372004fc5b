# Keycloak from its distribution artifact resolved by Maven, realm imported from identity/realm/.
# The realm file is the production realm (no person accounts); the demo users are a separate file that
# only this local/test platform imports next to it (Keycloak's directory import reads
# <realm>-users-<n>.json after <realm>-realm.json).

KC_DIR="$PLATFORM_HOME/keycloak"
KC_REALM_FILE="$ROOT_DIR/identity/realm/social-services-realm.json"
KC_DEMO_USERS_FILE="$ROOT_DIR/identity/realm/demo-users.json"
KC_URL="http://localhost:$KEYCLOAK_PORT"

kc_home() { echo "$KC_DIR/keycloak-$KEYCLOAK_VERSION"; }

kc_install() {
    local home; home=$(kc_home)
    [ -x "$home/bin/kc.sh" ] && return 0
    say "Resolving Keycloak $KEYCLOAK_VERSION through Maven (first time only, ~180 MB)..."
    mkdir -p "$PLATFORM_HOME/downloads" "$KC_DIR"
    "$MVN" -q -B -f "$DEPLOY_DIR/artifacts/pom.xml" dependency:copy \
        -Dartifact="org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:zip" \
        -DoutputDirectory="$PLATFORM_HOME/downloads" >> "$LOG_DIR/keycloak.log" 2>&1 \
        || die "could not resolve Keycloak; see $LOG_DIR/keycloak.log"
    unzip -q -o "$PLATFORM_HOME/downloads/keycloak-quarkus-dist-$KEYCLOAK_VERSION.zip" -d "$KC_DIR" \
        || die "could not unpack Keycloak"
    rm -f "$PLATFORM_HOME/downloads/keycloak-quarkus-dist-$KEYCLOAK_VERSION.zip"
    [ -x "$home/bin/kc.sh" ] || die "Keycloak unpacked but $home/bin/kc.sh is missing"
}

kc_ready() { http_ok "$KC_URL/realms/social-services/.well-known/openid-configuration"; }

kc_start() {
    kc_launch
    kc_await
}

# Starts Keycloak in the background and returns at once (kc_await waits for it), so that `up` builds the
# services while Keycloak boots.
KC_LAUNCHED_SUM=""
kc_launch() {
    KC_LAUNCHED_SUM=""
    if running_pid keycloak >/dev/null; then
        info keycloak "already running on $KC_URL"
        return 0
    fi
    kc_install
    require_free_port "$KEYCLOAK_PORT" Keycloak KEYCLOAK_PORT
    local home sum; home=$(kc_home)
    mkdir -p "$home/data/import"
    # Keycloak skips importing a realm that already exists: when the realm file changed,
    # start from a fresh Keycloak database so the demo realm is what identity/ says.
    sum=$(cat "$KC_REALM_FILE" "$KC_DEMO_USERS_FILE" | sha256sum | cut -c1-64)
    if [ "$(cat "$KC_DIR/realm.sha256" 2>/dev/null)" != "$sum" ]; then
        rm -rf "$home/data/h2"
    fi
    cp "$KC_REALM_FILE" "$home/data/import/social-services-realm.json"
    # Demo users (password "demo"): local and test only. A production Keycloak imports the realm file alone.
    cp "$KC_DEMO_USERS_FILE" "$home/data/import/social-services-users-0.json"
    local java_home=${JAVA_HOME:-}
    [ -n "$java_home" ] || java_home=$(dirname "$(dirname "$(readlink -f "$(java_bin)")")")
    start_bg keycloak env JAVA_HOME="$java_home" \
        KC_BOOTSTRAP_ADMIN_USERNAME="$KEYCLOAK_ADMIN_USER" KC_BOOTSTRAP_ADMIN_PASSWORD="$KEYCLOAK_ADMIN_PASSWORD" \
        JAVA_OPTS_KC_HEAP="-Xms256m -Xmx768m" \
        "$home/bin/kc.sh" start-dev --http-host=127.0.0.1 --http-port="$KEYCLOAK_PORT" \
        --hostname="$KC_URL" --import-realm
    say "  keycloak           starting (about 45 s the first time, 15 s later)..."
    KC_LAUNCHED_SUM=$sum
}

# Waits for the Keycloak that kc_launch started (if it started one), then applies the realm's hardening.
kc_await() {
    if [ -n "$KC_LAUNCHED_SUM" ]; then
        wait_until 240 "Keycloak realm social-services" keycloak kc_ready
        echo "$KC_LAUNCHED_SUM" > "$KC_DIR/realm.sha256"
        KC_LAUNCHED_SUM=""
        kc_apply_hardening
        info keycloak "started on $KC_URL"
    else
        kc_apply_hardening
    fi
}

# The realm's hardening, applied through the admin REST API so that a Keycloak which imported an older
# realm file (and keeps running, shared by others) gets it without a restart: brute-force detection with
# the realm file's values, its languages (login pages in Ukrainian by default, English selectable), and
# the audience mappers that put each service's client id into the `aud` of the tokens of platform-cli,
# front-office and ministry-dashboard (the services check it). Idempotent:
# the settings are PUT as they are in the file, a mapper is added only when no mapper of its name exists.
# On a fresh start the import has already done all of it and this changes nothing.
KC_REALM_SETTINGS='{"internationalizationEnabled":true,"supportedLocales":["uk","en"],"defaultLocale":"uk","bruteForceProtected":true,"permanentLockout":false,"failureFactor":5,"waitIncrementSeconds":60,"maxFailureWaitSeconds":900,"maxDeltaTimeSeconds":43200,"quickLoginCheckMilliSeconds":1000,"minimumQuickLoginWaitSeconds":60}'
KC_AUDIENCES="front-office:case-service front-office:referral-service ministry-dashboard:reporting-service platform-cli:case-service platform-cli:referral-service platform-cli:reporting-service"

kc_admin_token() {
    curl -fsS --max-time 10 -d grant_type=password -d client_id=admin-cli \
        --data-urlencode "username=$KEYCLOAK_ADMIN_USER" --data-urlencode "password=$KEYCLOAK_ADMIN_PASSWORD" \
        "$KC_URL/realms/master/protocol/openid-connect/token" | sed -E 's/.*"access_token":"([^"]*)".*/\1/'
}

kc_apply_hardening() {
    local token realm="$KC_URL/admin/realms/social-services" pair client aud id mappers
    if ! token=$(kc_admin_token) || [ -z "$token" ]; then
        info keycloak "WARNING: could not sign in as the bootstrap admin to apply the realm's hardening"
        return 0
    fi
    curl -fsS --max-time 10 -X PUT -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
        -d "$KC_REALM_SETTINGS" "$realm" >/dev/null \
        || info keycloak "WARNING: could not switch on brute-force detection and the Ukrainian default locale"
    for pair in $KC_AUDIENCES; do
        client=${pair%%:*}; aud=${pair##*:}
        id=$(curl -fsS --max-time 10 -H "Authorization: Bearer $token" "$realm/clients?clientId=$client" \
            | grep -o '"id":"[^"]*"' | head -n1 | cut -d'"' -f4)
        [ -n "$id" ] || { info keycloak "WARNING: client $client not found"; continue; }
        mappers=$(curl -fsS --max-time 10 -H "Authorization: Bearer $token" "$realm/clients/$id/protocol-mappers/models")
        [[ "$mappers" == *"\"audience-$aud\""* ]] && continue
        curl -fsS --max-time 10 -X POST -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
            -d '{"name":"audience-'"$aud"'","protocol":"openid-connect","protocolMapper":"oidc-audience-mapper","consentRequired":false,"config":{"included.client.audience":"'"$aud"'","id.token.claim":"false","access.token.claim":"true","introspection.token.claim":"true"}}' \
            "$realm/clients/$id/protocol-mappers/models" >/dev/null \
            && info keycloak "added audience $aud to the tokens of $client" \
            || info keycloak "WARNING: could not add audience $aud to $client"
    done
}

kc_stop() { stop_component keycloak; }
kc_purge() { rm -rf "$(kc_home)/data" "$KC_DIR/realm.sha256"; }
