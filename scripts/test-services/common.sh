# shellcheck shell=bash
# shellcheck disable=SC2034 # the settings are read by start.sh and stop.sh
# Shared settings for start.sh and stop.sh; sourced, not executed.
# Everything they create lives under WORK_DIR (gitignored), except Docker's own /var/lib/docker.

ROOT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
WORK_DIR="${HARDENED_TEST_SERVICES_DIR:-$ROOT_DIR/.ci/work/test-services}"

# Registry endpoints and the htpasswd user; dev/registry.ts documents the same values.
PLAIN_REGISTRY="127.0.0.1:5000"
AUTH_REGISTRY="127.0.0.1:5001"
AUTH_USER="hardened"
AUTH_PASSWORD="hardened-test-password"

DOCKERD_LOG="$WORK_DIR/dockerd.log"
DOCKERD_PIDFILE="$WORK_DIR/dockerd.pid"

log() { printf '[test-services] %s\n' "$*" >&2; }
die() {
  printf '[test-services] error: %s\n' "$*" >&2
  exit 1
}

# registry_pidfile PORT
registry_pidfile() { printf '%s/registry-%s.pid' "$WORK_DIR" "$1"; }

# pid_alive PIDFILE: true when the file names a running process.
pid_alive() {
  [ -s "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null
}
