#!/usr/bin/env bash
# Brings a fresh Debian machine with Node 20 to the point where the demo and the tests run:
# Debian packages (broker, PTYs, browser, CJK fonts, USB library, build tools), npm packages, and
# the native modules built for this Node. Idempotent: does nothing that is already done.
set -euo pipefail
cd "$(dirname "$0")/.."
export DEBIAN_FRONTEND=noninteractive
export ELECTRON_SKIP_BINARY_DOWNLOAD=1

debs=(mosquitto socat systemd chromium fonts-noto-cjk espeak-ng sox alsa-utils libusb-1.0-0 libudev1 openssl python3 make g++ ca-certificates)
missing=()
for d in "${debs[@]}"; do dpkg -s "$d" >/dev/null 2>&1 || missing+=("$d"); done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "setup: installing Debian packages: ${missing[*]}"
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

stamp=node_modules/.hallkit-installed
if [ ! -f "$stamp" ] || [ package-lock.json -nt "$stamp" ]; then
  echo "setup: npm ci"
  npm ci --no-audit --no-fund
  touch "$stamp"
fi
# npm 11 runs only install scripts approved in package.json "allowScripts"; make sure the native
# modules really load on this Node before anything uses them.
node -e 'new (require("better-sqlite3"))(":memory:").prepare("select 1").get()' 2>/dev/null || npm rebuild better-sqlite3
node -e 'require("@serialport/bindings-cpp")' 2>/dev/null || npm rebuild @serialport/bindings-cpp

echo "setup: building the web front ends"
npm run -s build:web
