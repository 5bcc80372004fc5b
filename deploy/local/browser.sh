# Headless Chromium for reporting-service's dashboard test (Selenium drives /usr/bin/chromium through
# /usr/bin/chromedriver; nothing is downloaded at test time). Debian's packages, installed when missing.

browser_install() {
    [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ] && return 0
    say "Installing Chromium and its driver from the OS packages (dashboard test)..."
    local sudo=""
    is_root || sudo=sudo
    command -v apt-get >/dev/null || die "chromium/chromedriver are missing and there is no apt-get: install Chromium and chromedriver and retry"
    $sudo apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium chromium-driver >/dev/null \
        || die "apt-get install chromium chromium-driver failed"
    [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ] || die "chromium installed but /usr/bin/chromium or /usr/bin/chromedriver not found"
}
