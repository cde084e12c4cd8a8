#!/usr/bin/env bash
# Builds the real Pulumi engine pieces from the Go module proxy, at the versions in versions.sh, into a
# cache outside the repository (one folder per version set), and links .ci/work/engine to it:
#   bin/pulumi                         the CLI (github.com/pulumi/pulumi/pkg/v3/cmd/pulumi)
#   bin/pulumi-resource-kubernetes     the Kubernetes provider, found on PATH as an ambient plugin
#   versions.json                      what was built, from which modules, and how long it took
# A second run finds the cache and returns in seconds. Pieces the proxy does not serve (the Node.js
# language host, the Docker provider) are recorded in versions.json as unavailable, with the error.
# Environment: HARDENED_ENGINE_CACHE (default ${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-hardened/engine).
set -euo pipefail
SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT_DIR="$(cd "$SCRIPT_DIR/../.." && pwd)"
# shellcheck source-path=SCRIPTDIR source=versions.sh
source "$SCRIPT_DIR/versions.sh"

# Bumped when the build recipe changes, so an old cache entry is not reused.
RECIPE=1
CACHE_ROOT="${HARDENED_ENGINE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-hardened/engine}"
KEY="r${RECIPE}-pulumi-${PULUMI_VERSION}-kubernetes-${KUBERNETES_PROVIDER_VERSION}"
TARGET="$CACHE_ROOT/$KEY"
LINK="$ROOT_DIR/.ci/work/engine"

log() { printf '[engine] %s\n' "$*" >&2; }
die() {
  printf '[engine] error: %s\n' "$*" >&2
  exit 1
}

# replace_flags GOMOD ALLOWED_LOCAL: prints `-replace=old=new@version` for each replace directive of
# GOMOD; a replacement by a local path is allowed only for the module ALLOWED_LOCAL (which the wrapper
# requires at a released version instead).
replace_flags() {
  go mod edit -json "$1" | node -e '
    const mod = JSON.parse(require("fs").readFileSync(0, "utf8"));
    const allowedLocal = process.argv[1];
    for (const r of mod.Replace ?? []) {
      const local = !r.New.Version;
      if (local) {
        if (r.Old.Path !== allowedLocal) {
          console.error(`unexpected local replace of ${r.Old.Path} => ${r.New.Path}`);
          process.exit(1);
        }
        continue;
      }
      const old = r.Old.Version ? `${r.Old.Path}@${r.Old.Version}` : r.Old.Path;
      console.log(`-replace=${old}=${r.New.Path}@${r.New.Version}`);
    }' "$2"
}

# module_dir MODULE@VERSION: downloads the module and prints its folder in the module cache.
module_dir() {
  go mod download -json "$1" | node -e '
    const m = JSON.parse(require("fs").readFileSync(0, "utf8"));
    if (m.Error) { console.error(m.Error); process.exit(1); }
    console.log(m.Dir);'
}

build_cli() {
  local work="$1/cli" out="$2" pkg_dir flags
  mkdir -p "$work"
  pkg_dir=$(module_dir "github.com/pulumi/pulumi/pkg/v3@$PULUMI_VERSION")
  (
    cd "$work"
    go mod init hardened.local/engine/cli >/dev/null 2>&1
    mapfile -t flags < <(replace_flags "$pkg_dir/go.mod" github.com/pulumi/pulumi/sdk/v3)
    go mod edit \
      -require="github.com/pulumi/pulumi/pkg/v3@$PULUMI_VERSION" \
      -require="github.com/pulumi/pulumi/sdk/v3@$PULUMI_VERSION" \
      "${flags[@]}"
    go get "github.com/pulumi/pulumi/pkg/v3/cmd/pulumi@$PULUMI_VERSION"
    CGO_ENABLED=0 go build -trimpath -o "$out/pulumi" \
      -ldflags "-s -w -X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=$PULUMI_VERSION" \
      github.com/pulumi/pulumi/pkg/v3/cmd/pulumi
  )
}

# The provider's own main package embeds a generated copy of its schema; the wrapper's main does the
# same with the schema.json the module ships, stamped with the version.
build_kubernetes() {
  local work="$1/kubernetes" out="$2" provider_dir flags module=github.com/pulumi/pulumi-kubernetes
  mkdir -p "$work"
  provider_dir=$(module_dir "$module/provider/v4@$KUBERNETES_PROVIDER_VERSION")
  local cmd_dir="$provider_dir/cmd/pulumi-resource-kubernetes"
  node -e '
    const fs = require("fs");
    const [schemaPath, mappingPath, version, dir] = process.argv.slice(1);
    const schema = JSON.parse(fs.readFileSync(schemaPath, "utf8"));
    schema.version = version;
    fs.writeFileSync(`${dir}/schema-embed.json`, JSON.stringify(schema));
    fs.writeFileSync(`${dir}/terraform-mapping-embed.json`, JSON.stringify(JSON.parse(fs.readFileSync(mappingPath, "utf8"))));
  ' "$cmd_dir/schema.json" "$cmd_dir/terraform-mapping.json" "${KUBERNETES_PROVIDER_VERSION#v}" "$work"
  cat >"$work/main.go" <<'GO'
// Command pulumi-resource-kubernetes serves the Kubernetes provider with its embedded schema.
package main

import (
	_ "embed"

	"github.com/pulumi/pulumi-kubernetes/provider/v4/pkg/provider"
	"github.com/pulumi/pulumi-kubernetes/provider/v4/pkg/version"
)

//go:embed schema-embed.json
var schema []byte

//go:embed terraform-mapping-embed.json
var terraformMapping []byte

func main() {
	provider.Serve("kubernetes", version.Version, schema, terraformMapping)
}
GO
  (
    cd "$work"
    go mod init hardened.local/engine/kubernetes >/dev/null 2>&1
    mapfile -t flags < <(replace_flags "$provider_dir/go.mod" "$module/sdk/v4")
    go mod edit \
      -require="$module/provider/v4@$KUBERNETES_PROVIDER_VERSION" \
      -require="$module/sdk/v4@$KUBERNETES_SDK_VERSION" \
      "${flags[@]}"
    go mod tidy
    CGO_ENABLED=0 go build -trimpath -o "$out/pulumi-resource-kubernetes" \
      -ldflags "-s -w -X $module/provider/v4/pkg/version.Version=${KUBERNETES_PROVIDER_VERSION#v}" .
  )
}

# probe_unavailable MODULE: prints the proxy's answer for a module the engine would want.
probe_unavailable() {
  (cd "$1" && go list -m -versions "$2" 2>&1 | tr '\n' ' ' | sed 's/"/\\"/g') || true
}

main() {
  command -v go >/dev/null || die "go is not installed"
  command -v node >/dev/null || die "node is not installed"
  mkdir -p "$(dirname "$LINK")"
  if [ -x "$TARGET/bin/pulumi" ] && [ -x "$TARGET/bin/pulumi-resource-kubernetes" ] && [ -s "$TARGET/versions.json" ]; then
    ln -sfn "$TARGET" "$LINK"
    log "cached: $TARGET"
    return 0
  fi
  local staging work started cli_s k8s_s
  mkdir -p "$CACHE_ROOT"
  staging=$(mktemp -d "$CACHE_ROOT/.build-XXXXXX")
  work="$staging/work"
  mkdir -p "$staging/bin" "$work"
  export GOFLAGS=-mod=mod
  started=$(date +%s)
  log "building pulumi $PULUMI_VERSION (log: $staging/cli.log)"
  build_cli "$work" "$staging/bin" >"$staging/cli.log" 2>&1 || {
    tail -n 30 "$staging/cli.log" >&2
    die "building the pulumi CLI failed"
  }
  cli_s=$(($(date +%s) - started))
  started=$(date +%s)
  log "building pulumi-resource-kubernetes $KUBERNETES_PROVIDER_VERSION (log: $staging/kubernetes.log)"
  build_kubernetes "$work" "$staging/bin" >"$staging/kubernetes.log" 2>&1 || {
    tail -n 30 "$staging/kubernetes.log" >&2
    die "building the Kubernetes provider failed"
  }
  k8s_s=$(($(date +%s) - started))
  local nodejs_host docker_provider
  nodejs_host=$(probe_unavailable "$work/cli" github.com/pulumi/pulumi/sdk/nodejs/cmd/pulumi-language-nodejs/v3)
  docker_provider=$(probe_unavailable "$work/cli" github.com/pulumi/pulumi-docker/provider/v4)
  cat >"$staging/versions.json" <<JSON
{
  "pulumi": { "module": "github.com/pulumi/pulumi/pkg/v3", "version": "$PULUMI_VERSION", "buildSeconds": $cli_s },
  "kubernetes": { "module": "github.com/pulumi/pulumi-kubernetes/provider/v4", "version": "$KUBERNETES_PROVIDER_VERSION", "sdk": "$KUBERNETES_SDK_VERSION", "buildSeconds": $k8s_s },
  "go": "$(go env GOVERSION)",
  "unavailable": {
    "github.com/pulumi/pulumi/sdk/nodejs/cmd/pulumi-language-nodejs/v3": "$nodejs_host",
    "github.com/pulumi/pulumi-docker/provider/v4": "$docker_provider"
  }
}
JSON
  rm -rf "$work" "$TARGET"
  mv "$staging" "$TARGET"
  ln -sfn "$TARGET" "$LINK"
  log "built in $((cli_s + k8s_s))s: $TARGET"
}

main "$@"
