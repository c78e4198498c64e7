#!/usr/bin/env bash
# The browser tests (tests/browser) drive Debian's headless Chromium through playwright-core; playwright's own browser
# download does not work offline. Installs the Debian package when it is missing and we may (root with apt-get).
set -euo pipefail
if command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ]; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's chromium for the browser tests…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  exit 0
fi
echo "The browser tests need Chromium at /usr/bin/chromium: install it (Debian/Ubuntu: sudo apt-get install chromium) and run npm test again." >&2
exit 1
