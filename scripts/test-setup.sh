#!/usr/bin/env bash
# Installs what the test suite needs besides npm packages, from Debian's packages, if missing:
# Chromium (browser tests drive /usr/bin/chromium through playwright-core; never a browser
# download), nginx (the two-nodes-behind-a-balancer fault test runs its own instance on a free
# port; never the system service) and a private Dovecot IMAP server (email channel tests).
# Idempotent; run by `npm test`.
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt_update=1
apt_install() {
  if [ "$(id -u)" -ne 0 ]; then
    echo "test-setup: $* is missing; install it (as root: apt-get install -y $*) and run the tests again." >&2
    exit 1
  fi
  if [ "$need_apt_update" = 1 ]; then
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
    need_apt_update=0
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

if [ ! -x /usr/bin/chromium ]; then
  echo "test-setup: installing Debian's chromium for the browser tests"
  apt_install chromium
fi

if [ ! -x /usr/sbin/nginx ]; then
  echo "test-setup: installing Debian's nginx for the load-balancer fault test"
  apt_install nginx
fi

if [ -f .ci/setup-imap.sh ]; then
  if ! command -v dovecot >/dev/null 2>&1 && [ "$need_apt_update" = 1 ] && [ "$(id -u)" -eq 0 ]; then
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
    need_apt_update=0
  fi
  bash .ci/setup-imap.sh
fi
