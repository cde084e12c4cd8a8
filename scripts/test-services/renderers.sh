#!/usr/bin/env bash
# Installs the renderer `hardened check` uses for kustomizations in the tests: kustomize, built with
# `go install` from the Go module proxy into a cache outside the repository (one folder per version),
# and links .ci/work/renderers/bin to it. A second run finds the cache and returns at once.
# Helm is not installed: `go install helm.sh/helm/v4/cmd/helm@v4.3.2` builds most of Kubernetes'
# client libraries and had not finished after 12 minutes on the two-core machine (kustomize: 35 s
# cold); charts are rendered when helm is on PATH, and tested with helm absent (listed as skipped
# with the `helm template` command) and with a stand-in that records its arguments.
# Environment: HARDENED_RENDERERS_CACHE (default ${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-hardened/renderers).
set -euo pipefail
ROOT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
KUSTOMIZE_VERSION="v5.7.1"
CACHE_ROOT="${HARDENED_RENDERERS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-hardened/renderers}"
TARGET="$CACHE_ROOT/kustomize-$KUSTOMIZE_VERSION"
LINK="$ROOT_DIR/.ci/work/renderers/bin"

log() { printf '[renderers] %s\n' "$*" >&2; }

if ! "$TARGET/bin/kustomize" version 2>/dev/null | grep -qx "$KUSTOMIZE_VERSION"; then
  command -v go >/dev/null || {
    log "error: go is not on PATH; it builds kustomize from the Go module proxy"
    exit 1
  }
  mkdir -p "$CACHE_ROOT"
  build=$(mktemp -d "$CACHE_ROOT/.build-XXXXXX")
  trap 'rm -rf "$build"' EXIT
  log "building sigs.k8s.io/kustomize/kustomize/v5@$KUSTOMIZE_VERSION (cached in $TARGET)"
  started=$(date +%s)
  GOBIN="$build/bin" go install "sigs.k8s.io/kustomize/kustomize/v5@$KUSTOMIZE_VERSION" \
    >"$build/build.log" 2>&1 || {
    cat "$build/build.log" >&2
    log "error: go install of kustomize failed"
    exit 1
  }
  printf '{"kustomize":"%s","buildSeconds":%s}\n' "$KUSTOMIZE_VERSION" "$(($(date +%s) - started))" \
    >"$build/versions.json"
  rm -rf "$TARGET"
  mv "$build" "$TARGET"
  trap - EXIT
fi
mkdir -p "$(dirname "$LINK")"
ln -sfn "$TARGET/bin" "$LINK"
log "kustomize $KUSTOMIZE_VERSION in $LINK"
