#!/usr/bin/env bash
# The browser tests drive Debian's Chromium (never a downloaded browser). On a fresh Debian
# machine where we are root, install it; anywhere else, say exactly what is missing.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Chromium is missing: installing Debian's chromium package for the browser tests…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  exit 0
fi
echo "The browser tests need Debian's Chromium at /usr/bin/chromium." >&2
echo "Install it with: sudo apt-get update && sudo apt-get install -y chromium" >&2
exit 1
