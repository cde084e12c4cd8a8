#!/usr/bin/env bash
# Installs the renderers `hardened check` uses for kustomizations and Helm charts in the tests,
# each built with `go install` from the Go module proxy into a cache outside the repository (one
# folder per version), and links them where the tests look:
#   - kustomize (sigs.k8s.io/kustomize/kustomize/v5) in .ci/work/renderers/bin
#   - helm (helm.sh/helm/v4/cmd/helm, stamped with its version) in .ci/work/renderers/helm/bin
# Each gets its own folder so a test can put one renderer on PATH without the other.
# A second run finds the cache and returns at once.
# Environment: HARDENED_RENDERERS_CACHE (default ${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-hardened/renderers).
set -euo pipefail
ROOT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
KUSTOMIZE_VERSION="v5.7.1"
HELM_VERSION="v4.3.2"
CACHE_ROOT="${HARDENED_RENDERERS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-hardened/renderers}"

log() { printf '[renderers] %s\n' "$*" >&2; }

# install NAME VERSION TARGET PACKAGE VERSION_COMMAND [GO_FLAGS...]: builds PACKAGE@VERSION into
# TARGET/bin unless VERSION_COMMAND (run with TARGET/bin first on PATH) already prints VERSION.
install() {
  local name=$1 version=$2 target=$3 package=$4 version_command=$5
  shift 5
  if PATH="$target/bin:$PATH" bash -c "$version_command" 2>/dev/null | grep -qx "$version"; then
    return
  fi
  command -v go >/dev/null || {
    log "error: go is not on PATH; it builds $name from the Go module proxy"
    exit 1
  }
  mkdir -p "$CACHE_ROOT"
  local build
  build=$(mktemp -d "$CACHE_ROOT/.build-XXXXXX")
  log "building $package@$version (cached in $target)"
  local started
  started=$(date +%s)
  GOBIN="$build/bin" go install "$@" "$package@$version" >"$build/build.log" 2>&1 || {
    cat "$build/build.log" >&2
    rm -rf "$build"
    log "error: go install of $name failed"
    exit 1
  }
  printf '{"%s":"%s","buildSeconds":%s}\n' "$name" "$version" "$(($(date +%s) - started))" \
    >"$build/versions.json"
  rm -rf "$target"
  mv "$build" "$target"
  log "$name $version built in $(($(date +%s) - started)) s"
}

# link TARGET LINK: points LINK at TARGET/bin.
link() {
  mkdir -p "$(dirname "$2")"
  ln -sfn "$1/bin" "$2"
}

KUSTOMIZE_TARGET="$CACHE_ROOT/kustomize-$KUSTOMIZE_VERSION"
install kustomize "$KUSTOMIZE_VERSION" "$KUSTOMIZE_TARGET" \
  sigs.k8s.io/kustomize/kustomize/v5 "kustomize version"
link "$KUSTOMIZE_TARGET" "$ROOT_DIR/.ci/work/renderers/bin"
log "kustomize $KUSTOMIZE_VERSION in .ci/work/renderers/bin"

HELM_TARGET="$CACHE_ROOT/helm-$HELM_VERSION"
install helm "$HELM_VERSION" "$HELM_TARGET" helm.sh/helm/v4/cmd/helm \
  "helm version --template '{{.Version}}'" \
  -ldflags "-X helm.sh/helm/v4/internal/version.version=$HELM_VERSION"
link "$HELM_TARGET" "$ROOT_DIR/.ci/work/renderers/helm/bin"
log "helm $HELM_VERSION in .ci/work/renderers/helm/bin"
