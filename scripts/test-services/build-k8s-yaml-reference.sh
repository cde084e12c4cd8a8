#!/usr/bin/env bash
# Builds test/k8s-yaml-reference (a Go program that decodes YAML with sigs.k8s.io/yaml and the
# typed Kubernetes API, as kubectl and the API server do) from the Go module proxy, and prints the
# path of the binary. Cached in ~/.cache/pulumi-hardened/k8s-yaml-reference/<hash of the sources>,
# so a second run only hashes three files. Needs `go` on PATH.
set -euo pipefail
ROOT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
SRC="$ROOT_DIR/test/k8s-yaml-reference"
CACHE="${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-hardened/k8s-yaml-reference"
command -v go >/dev/null || {
  echo "k8s-yaml-reference: go is not installed" >&2
  exit 1
}
hash=$(cat "$SRC/go.mod" "$SRC/go.sum" "$SRC/main.go" | sha256sum | cut -c1-16)
bin="$CACHE/$hash/k8s-yaml-reference"
if [ ! -x "$bin" ]; then
  mkdir -p "$CACHE/$hash"
  (cd "$SRC" && GOFLAGS=-mod=readonly CGO_ENABLED=0 go build -trimpath -o "$bin.tmp" .) >&2
  mv "$bin.tmp" "$bin"
fi
printf '%s\n' "$bin"
