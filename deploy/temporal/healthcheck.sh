#!/bin/sh
# Health check for the temporalio/server container. The server binds its gRPC frontend to the
# container's own address (BIND_ON_IP, defaulting to the IP the hostname resolves to), not to
# 127.0.0.1, so probe that address. Prefer a real gRPC health check with the CLI the image
# ships; fall back to "the port is open" on images that have no CLI.
set -eu

ip=${BIND_ON_IP:-}
if [ -z "$ip" ] || [ "$ip" = "0.0.0.0" ] || [ "$ip" = "::0" ]; then
  ip=$(getent hosts "$(hostname)" | awk '{ print $1; exit }')
fi
port=${FRONTEND_GRPC_PORT:-7233}
case $ip in
  *:*) address="[$ip]:$port" ;;
  *) address="$ip:$port" ;;
esac

if command -v temporal >/dev/null 2>&1; then
  temporal operator cluster health --address "$address" | grep -q SERVING
elif command -v tctl >/dev/null 2>&1; then
  tctl --address "$address" cluster health | grep -q SERVING
else
  nc -z "$ip" "$port"
fi
