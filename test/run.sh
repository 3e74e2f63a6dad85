#!/usr/bin/env bash
# The test command (README and CI run exactly this). On a fresh Debian/Ubuntu machine it
# installs what the tests need, then lints and runs the whole suite.
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian packages the tests use: real WebDAV servers (SabreDAV on PHP, rclone; Apache with
# mod_dav_fs, mod_php and PHP-FPM; nginx dav + dav-ext: test/servers/matrix.ts), Samba and
# smbclient as the staff PCs' file server and client (test/servers/samba.ts), a real
# spreadsheet (LibreOffice) to open the register with, poppler for PDF fixtures, systemd-analyze,
# chromium for the web page (driven by playwright-core), tesseract (Indonesian) and ghostscript
# to read and make scanned decrees.
PACKAGES=(php-cli php-sabre-dav rclone libreoffice-calc-nogui poppler-utils systemd
  apache2 libapache2-mod-php php-fpm nginx libnginx-mod-http-dav-ext samba smbclient chromium
  tesseract-ocr tesseract-ocr-ind ghostscript)
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ]; then
    echo "test/run.sh: installing ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  elif command -v sudo >/dev/null; then
    sudo apt-get update -qq
    sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "test/run.sh: missing Debian packages; install them with: apt-get install ${missing[*]}" >&2
    exit 1
  fi
fi

if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi

npm run lint
npx vitest run "$@"
