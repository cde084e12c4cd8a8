#!/usr/bin/env bash
# Builds test/pss-reference (psa-eval: pods evaluated by k8s.io/pod-security-admission, the
# library the Kubernetes API server uses) for the differential test of the Pod Security rules.
# The binary is cached outside the repository, keyed by a hash of go.mod, go.sum and the source
# (so by the upstream version too): a second run only hashes and prints the path.
# Prints the binary's path on stdout. Environment: HARDENED_CACHE_DIR (default
# ~/.cache/pulumi-hardened).
set -euo pipefail

ROOT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
SOURCE_DIR="$ROOT_DIR/test/pss-reference"
CACHE_DIR="${HARDENED_CACHE_DIR:-$HOME/.cache/pulumi-hardened}/pss-reference"

command -v go >/dev/null || { echo "build-pss-reference: go is not on PATH" >&2; exit 1; }
key=$(cat "$SOURCE_DIR/go.mod" "$SOURCE_DIR/go.sum" "$SOURCE_DIR"/*.go | sha256sum | cut -c1-16)
version=$(awk '$1 == "k8s.io/pod-security-admission" { print $2 } $2 == "k8s.io/pod-security-admission" { print $3 }' "$SOURCE_DIR/go.mod" | head -n1)
binary="$CACHE_DIR/${version:-unknown}-$key/psa-eval"
if [ ! -x "$binary" ]; then
  printf '[pss-reference] building psa-eval against k8s.io/pod-security-admission %s\n' "$version" >&2
  mkdir -p "$(dirname "$binary")"
  (cd "$SOURCE_DIR" && go build -buildvcs=false -o "$binary.tmp" .) >&2
  mv "$binary.tmp" "$binary"
fi
printf '%s\n' "$binary"
