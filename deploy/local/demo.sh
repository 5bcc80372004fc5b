#!/usr/bin/env bash
# ./platform demo: loads a realistic demo dataset into the running platform through its public APIs
# only (the same calls a front office, case managers, a platform admin and partners make), so that
# the walkthrough's statistics and the ministry dashboard show real figures, and prints a partner
# API key for docs/partner-integration.md.
#
# For each demo community (Poltava UA-53, Vinnytsia UA-05): 36 clients, 42 appeals (6 repeat
# visits, 6 resolved without a case), 30 cases in every stage (8 of them closed), assessments,
# individual plans, 42 services delivered on cases and 3 on appeals, 3 partner organisations with a
# location, a service and an API key each, and 27 referrals, 3 in each status from DRAFT to CANCELLED.
#
# Idempotent: the dataset is recognised by its first partner in the directory, and a second run
# adds nothing. Addresses come from the environment (defaults: the ports of ./platform up):
#   CASE_URL REFERRAL_URL REPORTING_URL KEYCLOAK_URL   DEMO_STATE_FILE (where the key is kept)
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
. "$HERE/lib.sh"

: "${CASE_URL:=http://localhost:$CASE_SERVICE_PORT}"
: "${REFERRAL_URL:=http://localhost:$REFERRAL_SERVICE_PORT}"
: "${REPORTING_URL:=http://localhost:$REPORTING_SERVICE_PORT}"
: "${KEYCLOAK_URL:=http://localhost:$KEYCLOAK_PORT}"
: "${DEMO_STATE_FILE:=$PLATFORM_HOME/demo-partner.env}"
MARKER_PARTNER="Демо: Полтавський центр зайнятості"

need_jq() {
    command -v jq >/dev/null && return
    local sudo=""
    is_root || sudo="sudo"
    command -v apt-get >/dev/null || die "jq is missing and there is no apt-get: install jq and retry"
    say "Installing jq (Debian package)"
    $sudo apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq jq >/dev/null \
        || die "apt-get install jq failed"
}

# --- HTTP ---------------------------------------------------------------------------------------
# Tokens are fetched here, in the main shell (a function run inside $(...) cannot fill the cache),
# and again at the start of each phase, well within their lifetime.
declare -A TOKENS
refresh_tokens() {
    local user
    for user in "$@"; do
        TOKENS[$user]=$(curl -sf -d grant_type=password -d client_id=platform-cli -d "username=$user" -d password=demo \
            "$KEYCLOAK_URL/realms/social-services/protocol/openid-connect/token" | jq -r .access_token) \
            || die "Keycloak at $KEYCLOAK_URL gave no token for $user: is the platform up (./platform up)?"
    done
}
token() { printf '%s' "${TOKENS[$1]:?no token for $1}"; }

# call METHOD URL AUTH-HEADER [BODY]: prints the response body, dies on anything but 2xx.
call() {
    local method=$1 url=$2 auth=$3 body=${4:-} out code
    if [ -n "$body" ]; then
        out=$(curl -s -X "$method" -H "$auth" -H 'Content-Type: application/json' -d "$body" -w '\n%{http_code}' "$url")
    else
        out=$(curl -s -X "$method" -H "$auth" -w '\n%{http_code}' "$url")
    fi
    code=${out##*$'\n'}
    out=${out%$'\n'*}
    [[ "$code" == 2* ]] || die "$method $url answered $code: $out"
    printf '%s' "$out"
}
as() { local user=$1; shift; call "$1" "$2" "Authorization: Bearer $(token "$user")" "${3:-}"; }
as_partner() { local key=$1; shift; call "$1" "$2" "X-API-Key: $key" "${3:-}"; }

# --- the dataset --------------------------------------------------------------------------------
LAST_NAMES=(Коваленко Бондаренко Ткаченко Кравченко Олійник Шевчук Поліщук Мельник Бойко Савченко Руденко Марченко
    Гребенюк Лисенко Мороз Петренко Левченко Кузьменко Клименко Павленко Гончаренко Захарченко Литвиненко Василенко
    Тимошенко Романенко Остапенко Федоренко Сидоренко Панченко Кириленко Гаврилюк Костенко Яковенко Дмитренко Онищенко)
FEMALE=(Олена Тетяна Наталія Ірина Оксана Марія Світлана Людмила Галина Юлія Катерина Ганна)
MALE=(Андрій Сергій Олександр Володимир Микола Іван Петро Василь Дмитро Юрій Михайло Богдан)
VULNERABLE=(INTERNALLY_DISPLACED OLDER_PERSON DISABILITY FAMILY_WITH_CHILDREN_IN_DIFFICULTY VETERAN_OR_FAMILY UNEMPLOYED)
CHANNELS=(IN_PERSON PHONE ONLINE OUTREACH)
NEEDS=(HOUSING INCOME_AND_BENEFITS EMPLOYMENT PHYSICAL_HEALTH DOCUMENTS_AND_LEGAL FAMILY_AND_PARENTING MENTAL_HEALTH)
# the first 20 cases cycle through the models (CLINICAL's caseload limit is 10), then BROKERAGE
MODELS=(CLINICAL INTENSIVE STRENGTHS_BASED BROKERAGE)
SERVICES=(MATERIAL_ECONOMIC LEGAL PSYCHOLOGICAL MEDICAL EMPLOYMENT INFORMATION)
# stage each of the 30 cases ends in
TARGETS=(CONTACT CONTACT CONTACT CONTACT ASSESSMENT ASSESSMENT ASSESSMENT ASSESSMENT PLANNING PLANNING PLANNING PLANNING
    IMPLEMENTATION IMPLEMENTATION IMPLEMENTATION IMPLEMENTATION IMPLEMENTATION MONITORING MONITORING MONITORING
    MONITORING MONITORING CLOSED CLOSED CLOSED CLOSED CLOSED CLOSED CLOSED CLOSED)
CLOSURES=(GOALS_ACHIEVED GOALS_ACHIEVED GOALS_ACHIEVED GOALS_ACHIEVED GOALS_ACHIEVED MOVED_AWAY MOVED_AWAY
    REFUSED_FURTHER_WORK)
REFERRAL_STATUSES=(DRAFT REQUESTED ACCEPTED REJECTED IN_PROGRESS ON_HOLD COMPLETED FAILED CANCELLED)

# A date up to $1 days back, but never before 1 January of this year: the ministry's statistics answer
# whole calendar periods (the dashboard opens on the current year), so the demo's history stays inside it.
days_ago() {
    local n=$1 into_year=$((10#$(date -u +%j) - 1))
    [ "$n" -gt "$into_year" ] && n=$into_year
    date -u -d "-$n days" +%Y-%m-%d
}

client() { # intake index -> client id
    local intake=$1 i=$2 first sex
    if [ $((i % 3)) = 2 ]; then first=${MALE[$((i % 12))]}; sex=MALE; else first=${FEMALE[$((i % 12))]}; sex=FEMALE; fi
    as "$intake" POST "$CASE_URL/clients" "$(jq -nc --arg l "${LAST_NAMES[$i]}" --arg f "$first" --arg s "$sex" \
        --arg d "$((1950 + (i * 7) % 55))-$(printf %02d $((1 + i % 12)))-$(printf %02d $((1 + (i * 5) % 28)))" \
        --arg g "${VULNERABLE[$((i % 6))]}" \
        '{lastName: $l, firstName: $f, dateOfBirth: $d, sex: $s, vulnerableGroups: [$g], confirmedNotDuplicate: true}')" \
        | jq -r .id
}

appeal() { # intake client index -> appeal id (received over the last six months of this year)
    local intake=$1 clientId=$2 i=$3
    as "$intake" POST "$CASE_URL/appeals" "$(jq -nc --arg c "$clientId" --arg ch "${CHANNELS[$((i % 4))]}" \
        --arg n1 "${NEEDS[$((i % 7))]}" --arg n2 "${NEEDS[$(((i + 3) % 7))]}" \
        --arg at "$(days_ago $((1 + (i * 5) % 180)))T00:30:00Z" \
        '{clientId: $c, channel: $ch, receivedAt: $at, needDomains: [$n1, $n2], description: "Звернення до ЦНСП"}')" \
        | jq -r .id
}

move() { as "$1" POST "$CASE_URL/cases/$2/stage" "{\"stage\":\"$3\"}" >/dev/null; }

work_case() { # manager case-id target index: moves the case to its target stage with what each needs
    local m=$1 id=$2 target=$3 i=$4
    [ "$target" = CONTACT ] && return
    move "$m" "$id" ASSESSMENT
    [ "$target" = ASSESSMENT ] && return
    as "$m" POST "$CASE_URL/cases/$id/assessments" "$(jq -nc --arg n "${NEEDS[$((i % 7))]}" \
        --arg n2 "${NEEDS[$(((i + 3) % 7))]}" '{needs: [
        {domain: $n, severity: "HIGH", description: "Основна потреба"},
        {domain: $n2, severity: "MODERATE"}],
        strengths: [{kind: "PERSONAL", description: "Мотивація змінити ситуацію"}],
        risks: [{description: "Борги за комунальні послуги", severity: "MODERATE"}]}')" >/dev/null
    [ "$target" = CLOSED ] && [ $((i % 2)) = 0 ] && return
    move "$m" "$id" PLANNING
    [ "$target" = PLANNING ] && return
    as "$m" POST "$CASE_URL/cases/$id/plan/revisions" "$(jq -nc --arg n "${NEEDS[$((i % 7))]}" \
        --arg n2 "${NEEDS[$(((i + 3) % 7))]}" --arg m "$m" \
        --arg d1 "$(date -u -d '+14 days' +%Y-%m-%d)" --arg d2 "$(date -u -d '+45 days' +%Y-%m-%d)" \
        '{consultationFrequency: "щотижня", goals: [
          {description: "Задовольнити основну потребу", needDomains: [$n],
           actions: [{description: "Супровід до надавача послуг", responsibleKind: "STAFF", responsible: $m, deadline: $d1}]},
          {description: "Друга потреба з оцінки", needDomains: [$n2],
           actions: [{description: "Оформлення допомоги", responsibleKind: "STAFF", responsible: $m, deadline: $d2}]}]}')" \
        >/dev/null
    move "$m" "$id" IMPLEMENTATION
    local k
    for k in 0 1 2; do
        as "$m" POST "$CASE_URL/cases/$id/services" "$(jq -nc --arg c "${SERVICES[$(((i + k * 2) % 6))]}" \
            --arg d "$(days_ago $(((i * 11 + k * 37) % 170)))" \
            '{category: $c, deliveredOn: $d, provider: "ЦНСП громади", description: "Надано в межах плану"}')" >/dev/null
    done
    [ "$target" = IMPLEMENTATION ] && return
    [ "$target" = MONITORING ] && { move "$m" "$id" MONITORING; return; }
    return 0
}

close_case() {
    local m=$1 id=$2 reason=$3
    as "$m" POST "$CASE_URL/cases/$id/closure" "$(jq -nc --arg r "$reason" \
        '{reason: $r, outcomeEvaluation: "Оцінку результатів погоджено з отримувачем послуг"}')" >/dev/null
}

# partner sector category name oblast hromada city -> "id service-id key"
partner() {
    local sector=$1 category=$2 name=$3 oblast=$4 hromada=$5 city=$6 id loc svc key
    id=$(as admin.platform POST "$REFERRAL_URL/partners" "$(jq -nc --arg n "$name" --arg s "$sector" \
        '{name: $n, sector: $s, description: "Партнерська організація громади", phone: "+380 532 56 00 00"}')" | jq -r .id)
    loc=$(as admin.platform POST "$REFERRAL_URL/partners/$id/locations" "$(jq -nc --arg o "$oblast" --arg h "$hromada" \
        --arg c "$city" '{name: "Головний офіс", address: "вул. Соборна, 12", city: $c, postalCode: "36000",
        oblast: $o, hromada: $h, hours: [{days: ["MO","TU","WE","TH","FR"], opensAt: "08:00", closesAt: "17:00"}]}')" \
        | jq -r .id)
    svc=$(as admin.platform POST "$REFERRAL_URL/partners/$id/services" "$(jq -nc --arg c "$category" --arg l "$loc" \
        '{name: "Консультація та супровід", description: "Безоплатна послуга для отримувачів соціальних послуг",
        category: $c, feeFree: true, languages: ["uk"], locationIds: [$l]}')" | jq -r .id)
    key=$(as admin.platform POST "$REFERRAL_URL/partners/$id/api-keys" '{"label":"demo"}' | jq -r .key)
    printf '%s %s %s' "$id" "$svc" "$key"
}

# referral manager case partner-id service-id key status client-name
referral() {
    local m=$1 caseId=$2 pid=$3 sid=$4 key=$5 status=$6 who=$7 id s
    id=$(as "$m" POST "$REFERRAL_URL/referrals" "$(jq -nc --arg c "$caseId" --arg p "$pid" --arg s "$sid" --arg n "$who" \
        '{caseId: $c, partnerId: $p, serviceId: $s, urgency: "ROUTINE", reason: "Потрібна допомога партнера",
          client: {fullName: $n}}')" | jq -r .id)
    [ "$status" = DRAFT ] && return
    as "$m" POST "$REFERRAL_URL/referrals/$id/transitions" '{"status":"REQUESTED"}' >/dev/null
    case $status in
        REQUESTED) return ;;
        CANCELLED) as "$m" POST "$REFERRAL_URL/referrals/$id/transitions" \
            '{"status":"CANCELLED","reason":"Клієнт переїхав"}' >/dev/null; return ;;
        REJECTED) as_partner "$key" POST "$REFERRAL_URL/partner/referrals/$id/transitions" \
            '{"status":"REJECTED","reason":"Немає вільних місць"}' >/dev/null; return ;;
    esac
    as_partner "$key" POST "$REFERRAL_URL/partner/referrals/$id/transitions" '{"status":"ACCEPTED"}' >/dev/null
    [ "$status" = ACCEPTED ] && return
    as_partner "$key" POST "$REFERRAL_URL/partner/referrals/$id/transitions" '{"status":"IN_PROGRESS"}' >/dev/null
    case $status in
        ON_HOLD) as_partner "$key" POST "$REFERRAL_URL/partner/referrals/$id/transitions" \
            '{"status":"ON_HOLD","reason":"Клієнт на лікуванні"}' >/dev/null ;;
        COMPLETED) as_partner "$key" POST "$REFERRAL_URL/partner/referrals/$id/transitions" \
            '{"status":"COMPLETED","outcome":"Послугу надано повністю"}' >/dev/null ;;
        FAILED) as_partner "$key" POST "$REFERRAL_URL/partner/referrals/$id/transitions" \
            '{"status":"FAILED","reason":"Клієнт не з’явився"}' >/dev/null ;;
    esac
}

await_case_in_referrals() { # manager case-id: referral-service learns cases from case.events
    local i
    for i in $(seq 1 120); do
        curl -sf -o /dev/null -H "Authorization: Bearer $(token "$1")" "$REFERRAL_URL/cases/$2" && return
        sleep 0.5
    done
    die "referral-service did not learn case $2 from case.events within 60 s"
}

community() { # tag oblast hromada city adjective-stem
    local tag=$1 oblast=$2 hromada=$3 city=$4 adj=$5
    local intake=intake.$tag m1=manager1.$tag m2=manager2.$tag sup=supervisor.$tag
    local -a clients appeals cases managers
    local i m model body
    refresh_tokens "$intake" "$m1" "$m2" admin.platform
    say "  $tag: clients and appeals"
    for i in $(seq 0 35); do clients[$i]=$(client "$intake" "$i"); done
    for i in $(seq 0 35); do appeals[$i]=$(appeal "$intake" "${clients[$i]}" "$i"); done
    for i in $(seq 0 5); do appeal "$intake" "${clients[$i]}" $((i + 40)) >/dev/null; done
    for i in $(seq 30 35); do
        if [ $((i % 2)) = 0 ]; then
            body='{"outcome":"INFORMATION_PROVIDED"}'
        else
            body=$(jq -nc --arg d "$(days_ago $((i % 20)))" '{outcome: "ONE_OFF_SERVICES", services: [
                {category: "MATERIAL_ECONOMIC", deliveredOn: $d, provider: "ЦНСП громади", description: "Продуктовий набір"}]}')
        fi
        as "$intake" POST "$CASE_URL/appeals/${appeals[$i]}/resolution" "$body" >/dev/null
    done
    say "  $tag: cases in every stage"
    for i in $(seq 0 29); do
        [ $((i % 6)) = 0 ] && refresh_tokens "$intake" "$m1" "$m2" "$sup"
        if [ $((i % 2)) = 0 ]; then m=$m1; else m=$m2; fi
        managers[$i]=$m
        if [ "$i" -lt 20 ]; then model=${MODELS[$((i % 4))]}; else model=BROKERAGE; fi
        # The supervisor opens them: on a platform already in use the demo managers may be at their caseload
        # limit, and the demo must still load (the override reason is on each case's timeline).
        cases[$i]=$(as "$sup" POST "$CASE_URL/cases" "$(jq -nc --arg a "${appeals[$i]}" --arg mo "$model" \
            --arg m "$m" '{appealId: $a, criteria: ["ADDITIONAL_RESOURCES_NEEDED"], model: $mo, caseManager: $m,
            caseloadOverrideReason: "Демонстраційні дані",
            consent: {givenAt: "2026-01-15T10:00:00Z", processing: true, sharingWithPartners: true}}')" | jq -r .id)
        work_case "$m" "${cases[$i]}" "${TARGETS[$i]}" "$i"
    done
    say "  $tag: partners, services and API keys"
    refresh_tokens admin.platform
    local -a pids sids keys
    local sectors=(EMPLOYMENT HEALTH LEGAL_AID) categories=(EMPLOYMENT MEDICAL LEGAL)
    local names=("Демо: ${adj}ий центр зайнятості" "Демо: ${adj}а міська лікарня" "Демо: ${adj}е бюро правничої допомоги")
    [ "$tag" = poltava ] && names[0]=$MARKER_PARTNER
    for i in 0 1 2; do
        read -r pids[$i] sids[$i] keys[$i] <<< "$(partner "${sectors[$i]}" "${categories[$i]}" "${names[$i]}" \
            "$oblast" "$hromada" "$city")"
    done
    [ "$tag" = poltava ] && { DEMO_PARTNER_ID=${pids[0]}; DEMO_PARTNER_KEY=${keys[0]}; }
    say "  $tag: referrals in every status"
    local n=0 s c p
    for s in "${REFERRAL_STATUSES[@]}"; do
        refresh_tokens "$m1" "$m2"
        for p in 0 1 2; do
            c=$((n % 22)) # the 22 open cases
            await_case_in_referrals "${managers[$c]}" "${cases[$c]}"
            referral "${managers[$c]}" "${cases[$c]}" "${pids[$p]}" "${sids[$p]}" "${keys[$p]}" "$s" \
                "${FEMALE[$((c % 12))]} ${LAST_NAMES[$c]}"
            n=$((n + 1))
        done
    done
    say "  $tag: closures"
    refresh_tokens "$m1" "$m2"
    for i in $(seq 22 29); do close_case "${managers[$i]}" "${cases[$i]}" "${CLOSURES[$((i - 22))]}"; done
}

print_key() {
    say ""
    say "A partner for docs/partner-integration.md (section 2 on): $MARKER_PARTNER"
    say "  export PARTNER_ID=$DEMO_PARTNER_ID"
    say "  export KEY=$DEMO_PARTNER_KEY"
    say "  curl -s -H \"X-API-Key: \$KEY\" '$REFERRAL_URL/partner/referrals?status=REQUESTED' | jq '.items[] | {id, status}'"
}

main() {
    need_jq
    refresh_tokens admin.platform
    local found
    found=$(as admin.platform GET "$REFERRAL_URL/partners?q=$(jq -rn --arg q "$MARKER_PARTNER" '$q|@uri')") \
        || die "referral-service at $REFERRAL_URL does not answer: is the platform up (./platform up)?"
    DEMO_PARTNER_ID=$(jq -r --arg n "$MARKER_PARTNER" '[.items[] | select(.name == $n)][0].id // empty' <<< "$found")
    if [ -n "$DEMO_PARTNER_ID" ]; then
        say "The demo dataset is already loaded; nothing added."
        if [ -f "$DEMO_STATE_FILE" ] && grep -q "DEMO_PARTNER_ID=$DEMO_PARTNER_ID" "$DEMO_STATE_FILE"; then
            . "$DEMO_STATE_FILE"
        else
            DEMO_PARTNER_KEY=$(as admin.platform POST "$REFERRAL_URL/partners/$DEMO_PARTNER_ID/api-keys" \
                '{"label":"demo (reissued)"}' | jq -r .key)
            say "(its first key was printed by the run that loaded it; a new key is issued for you)"
            save_state
        fi
        print_key
        return
    fi
    local start=$SECONDS
    say "Loading the demo dataset through the public APIs ($CASE_URL, $REFERRAL_URL)"
    community poltava UA-53 UA53080370000025447 Полтава Полтавськ
    community vinnytsia UA-05 UA05020030000031457 Вінниця Вінницьк
    save_state
    say "Loaded in $((SECONDS - start)) s. Statistics: $REPORTING_URL/dashboard/ (analyst.ministry / demo)"
    print_key
}

save_state() {
    mkdir -p "$(dirname "$DEMO_STATE_FILE")"
    (umask 077; printf 'DEMO_PARTNER_ID=%s\nDEMO_PARTNER_KEY=%s\n' "$DEMO_PARTNER_ID" "$DEMO_PARTNER_KEY" > "$DEMO_STATE_FILE")
}

main "$@"
