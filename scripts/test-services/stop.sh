#!/usr/bin/env bash
# Stops the registries and the dockerd that start.sh started (by their pid files; services started
# some other way are left alone). --purge also deletes the registries' storage; the debootstrap
# tarball cache is kept so the next start stays fast.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

# stop_pidfile NAME PIDFILE
stop_pidfile() {
  local name=$1 pidfile=$2 pid
  if ! pid_alive "$pidfile"; then
    rm -f "$pidfile"
    return 0
  fi
  pid=$(cat "$pidfile")
  log "stopping $name (pid $pid)"
  kill "$pid"
  local deadline=$(($(date +%s) + 30))
  while kill -0 "$pid" 2>/dev/null; do
    [ "$(date +%s)" -lt "$deadline" ] || die "$name (pid $pid) did not exit within 30 s"
    sleep 0.3
  done
  rm -f "$pidfile"
}

stop_pidfile "registry 5000" "$(registry_pidfile 5000)"
stop_pidfile "registry 5001" "$(registry_pidfile 5001)"
stop_pidfile dockerd "$DOCKERD_PIDFILE"
if [ "${1:-}" = "--purge" ]; then
  rm -rf "$WORK_DIR/registry-data-5000" "$WORK_DIR/registry-data-5001"
  log "registry storage deleted"
fi
