#!/bin/sh
# `arsipd` for admins on a server set up by docs/guide.md. Install it as /usr/local/bin/arsipd:
#   install -m 755 /opt/arsipd/systemd/arsipd-cli.sh /usr/local/bin/arsipd
# It runs the same program as the service with the same config file. Run by root, it reads the
# password file and then drops to user arsipd, so files it writes into the state folder or the
# share stay owned by arsipd (the service could not change them otherwise).
set -eu
: "${ARSIPD_CONFIG:=/etc/arsipd/arsipd.yaml}"
export ARSIPD_CONFIG
NODE=/usr/bin/node
MAIN=/opt/arsipd/dist/cli/main.js
if [ "$(id -u)" -eq 0 ]; then
  if [ -z "${ARSIPD_REMOTE_PASSWORD:-}" ] && [ -r /etc/arsipd/remote-password ]; then
    ARSIPD_REMOTE_PASSWORD="$(cat /etc/arsipd/remote-password)"
    export ARSIPD_REMOTE_PASSWORD
  fi
  cd /var/lib/arsipd 2>/dev/null || cd /
  # The password travels in the environment (readable only by arsipd and root), never in argv.
  HOME=/var/lib/arsipd
  export HOME
  exec setpriv --reuid=arsipd --regid=arsipd --init-groups -- "$NODE" "$MAIN" "$@"
fi
exec "$NODE" "$MAIN" "$@"
