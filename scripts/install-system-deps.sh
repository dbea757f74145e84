#!/usr/bin/env bash
# Installs what the tests need beyond Node and npm, from Debian's packages, only where missing:
# Chromium (widget and end-to-end tests) and PostgreSQL (the storage suite runs on it too).
set -euo pipefail

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
# systemd-analyze checks the unit file in deploy/.
[ -x /usr/bin/systemd-analyze ] || missing+=(systemd)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]} from Debian's packages"
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
# The Debian package starts a cluster of its own; the tests start their own throwaway one.
echo "Chromium: $(/usr/bin/chromium --version 2>/dev/null || echo missing)"
echo "PostgreSQL: $(ls -d /usr/lib/postgresql/*/bin | head -1)"
