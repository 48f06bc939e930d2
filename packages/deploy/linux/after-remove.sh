#!/bin/sh
# .deb post-remove: stop the service; keep /var/lib/hallkit (the device's outbox may hold unsynced events).
set -e
command -v systemctl >/dev/null && systemctl daemon-reload || true
