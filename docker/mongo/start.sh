#!/bin/sh
# Starts MongoDB as a single-node replica set with access control. A replica set with access
# control needs a key file for its members' authentication even with one member: it is made
# once, on the config volume, readable by the mongodb user only.
set -eu
KEYFILE=/data/configdb/kim-keyfile
if [ ! -s "$KEYFILE" ]; then
  head -c 756 /dev/urandom | base64 -w0 > "$KEYFILE"
fi
chown mongodb:mongodb "$KEYFILE"
chmod 400 "$KEYFILE"
exec docker-entrypoint.sh mongod --replSet rs0 --bind_ip_all --keyFile "$KEYFILE" --wiredTigerCacheSizeGB 0.25
