#!/usr/bin/env bash
# Offline validation of deploy/kubernetes (Kustomize base and overlays), the services' Dockerfiles and
# deploy/compose/docker-compose.yml; see validate.mjs for what is checked. Installs what it needs when
# missing, like deploy/local does: yamllint and kubectl from the OS packages, the npm packages of
# package.json (versions pinned by package-lock.json) into $PLATFORM_HOME/k8s-validation.
#   deploy/kubernetes/validation/validate.sh                       validate (exit 1 on any problem)
#   deploy/kubernetes/validation/validate.sh --write-realm-import   regenerate the realm import
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../../.." && pwd)
: "${PLATFORM_HOME:=$ROOT/.platform}"
CACHE="$PLATFORM_HOME/k8s-validation"

die() { printf 'validate: %s\n' "$*" >&2; exit 2; }

apt_install() {
    local sudo=""
    [ "$(id -u)" = 0 ] || sudo=sudo
    command -v apt-get >/dev/null || die "$* missing and there is no apt-get: install $* and retry"
    echo "Installing $* from the OS packages (manifest validation)..."
    $sudo apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@" >/dev/null \
        || die "apt-get install $* failed"
}

command -v node >/dev/null && command -v npm >/dev/null || die "node and npm are needed (Node.js 20 or later)"
command -v yamllint >/dev/null || apt_install yamllint
# kubectl's built-in kustomize renders the overlays (no cluster is contacted). The overlays need
# kustomize v4 or later (kubectl 1.24 or later); Debian 12's kubernetes-client (1.20) is too old.
command -v kubectl >/dev/null || die "kubectl 1.24 or later is needed to render the overlays (kubectl kustomize); install it and retry"
kubectl version --client -o json 2>/dev/null | grep -q '"kustomizeVersion": *"v[4-9]' \
    || die "kubectl $(kubectl version --client 2>/dev/null | head -1) embeds a kustomize older than v4; install kubectl 1.24 or later"

mkdir -p "$CACHE"
(
    # One installer at a time (two test runs may share $PLATFORM_HOME).
    flock 9
    sum=$(cat "$HERE/package.json" "$HERE/package-lock.json" | sha256sum | cut -c1-64)
    if [ "$(cat "$CACHE/installed.sha256" 2>/dev/null)" != "$sum" ] || [ ! -d "$CACHE/node_modules" ]; then
        echo "Installing the validator's npm packages into $CACHE..."
        cp "$HERE/package.json" "$HERE/package-lock.json" "$CACHE/"
        (cd "$CACHE" && npm ci --no-audit --no-fund --loglevel=error --engine-strict=false >"$CACHE/npm.log" 2>&1) \
            || { cat "$CACHE/npm.log" >&2; die "npm ci failed; see $CACHE/npm.log"; }
        echo "$sum" > "$CACHE/installed.sha256"
    fi
) 9>"$CACHE/.lock"

cd "$ROOT"
exec node "$HERE/validate.mjs" --modules "$CACHE/node_modules" "$@"
