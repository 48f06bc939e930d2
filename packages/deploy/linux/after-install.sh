#!/bin/sh
# .deb post-install: the dedicated user, the unit, udev rules, log rotation. Idempotent.
set -e
if ! id hallkit >/dev/null 2>&1; then
  useradd --system --home-dir /var/lib/hallkit --create-home --shell /usr/sbin/nologin hallkit
fi
for g in dialout plugdev lp video render input audio; do
  getent group "$g" >/dev/null && usermod -aG "$g" hallkit || true
done
install -d -o hallkit -g hallkit -m 0750 /var/lib/hallkit /var/log/hallkit
for dir in /opt/hallkit-*/share/hallkit; do
  [ -d "$dir" ] || continue
  install -m 0644 "$dir/hallkit@.service" /etc/systemd/system/hallkit@.service
  [ -f "$dir/hallkit.logrotate" ] && install -m 0644 "$dir/hallkit.logrotate" /etc/logrotate.d/hallkit
  [ -f "$dir/99-hallkit-devices.rules" ] && install -m 0644 "$dir/99-hallkit-devices.rules" /etc/udev/rules.d/99-hallkit-devices.rules
done
command -v udevadm >/dev/null && udevadm control --reload-rules || true
command -v systemctl >/dev/null && systemctl daemon-reload || true
echo "hallkit installed. Provision it, then: systemctl enable --now hallkit@<role>"
