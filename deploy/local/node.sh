# Node.js and npm for identity's AsyncApiDocumentTest, which validates docs/events/asyncapi.yaml with
# docs/events/validation/validate.mjs (its npm packages are pinned there and installed by the script
# into $PLATFORM_HOME/asyncapi-validator). Debian's packages, installed when missing.

node_install() {
    command -v node >/dev/null && command -v npm >/dev/null && return 0
    local packages=""
    command -v node >/dev/null || packages="nodejs"
    command -v npm >/dev/null || packages="$packages npm"
    packages=${packages# }
    say "Installing $packages from the OS packages (AsyncAPI document test)..."
    local sudo=""
    is_root || sudo=sudo
    command -v apt-get >/dev/null || die "node/npm are missing and there is no apt-get: install Node.js 18.18+ with npm and retry"
    # shellcheck disable=SC2086
    $sudo apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq $packages >/dev/null \
        || die "apt-get install $packages failed"
    command -v node >/dev/null && command -v npm >/dev/null || die "$packages installed but node or npm is still not on the PATH"
}
