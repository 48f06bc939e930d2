#!/bin/sh
# Installs the center bundle (scripts/bundle-center.mjs) as a service on Debian: the system user, the
# directories with their modes, the secrets (created now, 0600 in a 0700 directory), the shipped
# Mosquitto configuration and both systemd units. Run as root from the unpacked bundle:
#   sudo sh deploy/install-center.sh && sudo systemctl enable --now hallkit-mosquitto hallkit-center
# Idempotent: what exists (settings, secrets, data) is kept. HALLKIT_INSTALL_ROOT=/some/dir installs
# under that folder without touching users, packages or systemd (tests; packaging into an image),
# with HALLKIT_INSTALL_USER as the owner.
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
root=${HALLKIT_INSTALL_ROOT:-}
user=${HALLKIT_INSTALL_USER:-hallkit-center}
prefix=$root/opt/hallkit-center
etc=$root/etc/hallkit
data=$root/var/lib/hallkit-center
backups=$root/var/backups/hallkit-center
units=$root/etc/systemd/system

say() { printf 'install-center: %s\n' "$*"; }

if [ -z "$root" ]; then
  [ "$(id -u)" -eq 0 ] || { say 'run as root (sudo)'; exit 1; }
  node -e 'process.exit(Number(process.versions.node.split(".")[0]) >= 20 ? 0 : 1)' 2>/dev/null || { say 'Node.js 20 or newer is needed at /usr/bin/node'; exit 1; }
  missing=''
  for p in mosquitto python3; do dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"; done
  if [ -n "$missing" ]; then say "installing$missing"; apt-get install -y --no-install-recommends $missing; fi
  # Debian's own mosquitto unit would start a second broker on :1883.
  systemctl disable --now mosquitto.service >/dev/null 2>&1 || true
  id -u "$user" >/dev/null 2>&1 || useradd --system --user-group --home-dir /var/lib/hallkit-center --shell /usr/sbin/nologin "$user"
fi
group=$(id -gn "$user")

if [ "$here" != "$prefix" ]; then
  mkdir -p "$prefix"
  rm -rf "$prefix/server" "$prefix/web" "$prefix/halls" "$prefix/node_modules" "$prefix/deploy"
  cp -R "$here/server" "$here/web" "$here/halls" "$here/node_modules" "$here/deploy" "$here/package.json" "$prefix/"
fi
chmod -R go-w "$prefix"

install -d -m 0755 "$etc"
install -d -m 0700 -o "$user" -g "$group" "$etc/secrets"
chmod 0700 "$etc/secrets"
install -d -m 0750 -o "$user" -g "$group" "$data" "$data/mosquitto" "$backups"
[ -f "$etc/mosquitto.conf" ] || install -m 0644 "$prefix/deploy/mosquitto/hallkit-mosquitto.conf" "$etc/mosquitto.conf"
[ -f "$etc/center.env" ] || install -m 0640 -g "$group" "$prefix/deploy/center.env.example" "$etc/center.env"
[ -f "$data/mosquitto/passwd" ] || install -m 0600 -o "$user" -g "$group" /dev/null "$data/mosquitto/passwd"

# The center's secrets now (not at first start) so the broker knows the center's password before both run.
as_user() { if [ -z "$root" ]; then runuser -u "$user" -- "$@"; else "$@"; fi; }
as_user env HALLKIT_DATA_DIR="$data" HALLKIT_SECRETS_DIR="$etc/secrets" /usr/bin/env node "$prefix/server/hallkit-center.mjs" secrets init --mosquitto-password-file="$data/mosquitto/passwd"

install -d -m 0755 "$units"
install -m 0644 "$prefix/deploy/hallkit-center.service" "$prefix/deploy/hallkit-mosquitto.service" "$units/"
if [ -z "$root" ]; then
  systemctl daemon-reload
  say 'done. Edit /etc/hallkit/center.env, then: systemctl enable --now hallkit-mosquitto hallkit-center'
else
  say "installed under $root"
fi
