#!/usr/bin/env bash
# Installs pre-commit from PyPI into a venv in a cache outside the repository (one folder per
# version), and links .ci/work/pre-commit to it, for the test that runs the repository's
# .pre-commit-hooks.yaml against a scratch git repository. A second run finds the cache and returns
# at once.
# Environment: HARDENED_PRE_COMMIT_CACHE (default ${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-hardened/pre-commit).
set -euo pipefail
ROOT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
PRE_COMMIT_VERSION="4.7.0"
CACHE_ROOT="${HARDENED_PRE_COMMIT_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-hardened/pre-commit}"
TARGET="$CACHE_ROOT/pre-commit-$PRE_COMMIT_VERSION"
LINK="$ROOT_DIR/.ci/work/pre-commit"

log() { printf '[pre-commit] %s\n' "$*" >&2; }

if ! "$TARGET/venv/bin/pre-commit" --version 2>/dev/null | grep -qx "pre-commit $PRE_COMMIT_VERSION"; then
  command -v python3 >/dev/null || {
    log "error: python3 is not on PATH; it installs pre-commit from PyPI"
    exit 1
  }
  mkdir -p "$CACHE_ROOT"
  build=$(mktemp -d "$CACHE_ROOT/.build-XXXXXX")
  trap 'rm -rf "$build"' EXIT
  log "installing pre-commit==$PRE_COMMIT_VERSION from PyPI (cached in $TARGET)"
  # The venv is made where it stays: its scripts name their interpreter by absolute path.
  rm -rf "$TARGET"
  python3 -m venv "$TARGET/venv" >"$build/install.log" 2>&1 &&
    timeout 600 "$TARGET/venv/bin/pip" install --no-input -q "pre-commit==$PRE_COMMIT_VERSION" \
      >>"$build/install.log" 2>&1 || {
    cat "$build/install.log" >&2
    rm -rf "$TARGET"
    log "error: pip install of pre-commit failed"
    exit 1
  }
fi
mkdir -p "$(dirname "$LINK")"
ln -sfn "$TARGET/venv/bin" "$LINK"
log "pre-commit $PRE_COMMIT_VERSION in $LINK"
