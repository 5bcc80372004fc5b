# Keycloak from its distribution artifact resolved by Maven, realm imported from identity/realm/.

KC_DIR="$PLATFORM_HOME/keycloak"
KC_REALM_FILE="$ROOT_DIR/identity/realm/social-services-realm.json"
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
    if running_pid keycloak >/dev/null; then info keycloak "already running on $KC_URL"; return 0; fi
    kc_install
    require_free_port "$KEYCLOAK_PORT" Keycloak KEYCLOAK_PORT
    local home sum; home=$(kc_home)
    mkdir -p "$home/data/import"
    # Keycloak skips importing a realm that already exists: when the realm file changed,
    # start from a fresh Keycloak database so the demo realm is what identity/ says.
    sum=$(sha256sum "$KC_REALM_FILE" | cut -c1-64)
    if [ "$(cat "$KC_DIR/realm.sha256" 2>/dev/null)" != "$sum" ]; then
        rm -rf "$home/data/h2"
    fi
    cp "$KC_REALM_FILE" "$home/data/import/social-services-realm.json"
    local java_home=${JAVA_HOME:-}
    [ -n "$java_home" ] || java_home=$(dirname "$(dirname "$(readlink -f "$(java_bin)")")")
    start_bg keycloak env JAVA_HOME="$java_home" \
        KC_BOOTSTRAP_ADMIN_USERNAME="$KEYCLOAK_ADMIN_USER" KC_BOOTSTRAP_ADMIN_PASSWORD="$KEYCLOAK_ADMIN_PASSWORD" \
        JAVA_OPTS_KC_HEAP="-Xms256m -Xmx768m" \
        "$home/bin/kc.sh" start-dev --http-host=127.0.0.1 --http-port="$KEYCLOAK_PORT" \
        --hostname="$KC_URL" --import-realm
    say "  keycloak           starting (about 45 s the first time, 15 s later)..."
    wait_until 240 "Keycloak realm social-services" keycloak kc_ready
    echo "$sum" > "$KC_DIR/realm.sha256"
    info keycloak "started on $KC_URL"
}

kc_stop() { stop_component keycloak; }
kc_purge() { rm -rf "$(kc_home)/data" "$KC_DIR/realm.sha256"; }
