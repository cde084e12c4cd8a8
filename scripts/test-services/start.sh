#!/usr/bin/env bash
# Installs and starts what the Docker and registry tests need, on a Debian bookworm machine, as root:
#   - dockerd (Debian's docker.io), logging to $WORK_DIR/dockerd.log;
#   - two Debian docker-registry instances with our own configs:
#       127.0.0.1:5000 without auth, 127.0.0.1:5001 with htpasswd (bcrypt) basic auth;
#   - local base images, since nothing can be pulled from public registries:
#       127.0.0.1:5000/debian:bookworm-slim (debootstrap minbase, also on :5001) and
#       127.0.0.1:5000/tiny:latest (FROM scratch, one file);
#   - the Pulumi engine: the CLI and the Kubernetes provider built from Go modules (../engine);
#   - psa-eval, the Pod Security reference evaluator (build-pss-reference.sh);
#   - kustomize and helm, which `hardened check` renders kustomizations and charts with (renderers.sh).
# Idempotent: a second run checks everything and returns in seconds.
# Environment: HARDENED_TEST_SERVICES_DIR (work dir, default .ci/work/test-services),
#              DEBIAN_MIRROR (default http://deb.debian.org/debian).
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

PACKAGES=(docker.io docker-registry debootstrap apache2-utils curl ca-certificates iptables tar rpm)
DEBIAN_MIRROR="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
ROOTFS_TAR="$WORK_DIR/debian-bookworm-minbase.tar"
DEBIAN_TAG="debian:bookworm-slim"
TINY_TAG="tiny:latest"
STARTED_AT=$(date +%s)

apt_install() {
  apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends "$@" >"$WORK_DIR/apt.log" 2>&1
}

install_packages() {
  local missing=() pkg
  for pkg in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  log "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  local candidates_known=1
  for pkg in "${missing[@]}"; do
    apt-cache policy "$pkg" 2>/dev/null | grep -q 'Candidate: [0-9]' || candidates_known=0
  done
  if [ "$candidates_known" -eq 0 ]; then
    # A failing third-party source must not stop us when Debian's own lists arrive.
    apt-get -o DPkg::Lock::Timeout=300 update -qq || log "apt-get update reported errors; continuing"
  fi
  # Package scripts must not start the packaged services (the registry's would take port 5000).
  local policy_created=0
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d
    chmod 755 /usr/sbin/policy-rc.d
    policy_created=1
  fi
  local rc=0
  apt_install "${missing[@]}" || rc=$?
  if [ "$rc" -ne 0 ] && [ "$candidates_known" -eq 1 ]; then
    # Stale package lists name versions the mirror no longer has: refresh them and try once more.
    log "apt-get install failed; refreshing the package lists and retrying"
    apt-get -o DPkg::Lock::Timeout=300 update -qq || log "apt-get update reported errors; continuing"
    rc=0
    apt_install "${missing[@]}" || rc=$?
  fi
  [ "$policy_created" -eq 1 ] && rm -f /usr/sbin/policy-rc.d
  [ "$rc" -eq 0 ] || die "apt-get install ${missing[*]} failed (exit $rc); see $WORK_DIR/apt.log"
}

start_dockerd() {
  if docker info >/dev/null 2>&1; then
    return 0
  fi
  if ! pid_alive "$DOCKERD_PIDFILE"; then
    log "starting dockerd (log: $DOCKERD_LOG)"
    setsid nohup dockerd --pidfile "$DOCKERD_PIDFILE" >"$DOCKERD_LOG" 2>&1 </dev/null &
  fi
  local deadline=$(($(date +%s) + 60))
  until docker info >/dev/null 2>&1; do
    if [ "$(date +%s)" -ge "$deadline" ]; then
      tail -n 20 "$DOCKERD_LOG" >&2 || true
      die "dockerd did not answer 'docker info' within 60 s; see $DOCKERD_LOG"
    fi
    sleep 0.5
  done
}

check_insecure_loopback() {
  local cidrs
  cidrs=$(docker info --format '{{range .RegistryConfig.InsecureRegistryCIDRs}}{{.}} {{end}}')
  case " $cidrs " in
    *" 127.0.0.0/8 "*) ;;
    *) die "dockerd does not treat 127.0.0.0/8 as insecure (plain HTTP) registries (it has: $cidrs); remove the 'insecure-registries' override from /etc/docker/daemon.json" ;;
  esac
}

# quiet CMD...: runs CMD with its output captured; prints the output only when CMD fails.
quiet() {
  local out rc=0
  out=$("$@" 2>&1) || rc=$?
  if [ "$rc" -ne 0 ]; then
    printf '%s\n' "$out" >&2
    die "'$*' failed (exit $rc)"
  fi
}

# http_status URL [curl args...]
http_status() {
  local url=$1
  shift
  curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$@" "$url" || true
}

# write_registry_config PORT AUTH(0|1)
write_registry_config() {
  local port=$1 auth=$2 config="$WORK_DIR/registry-$1.yml"
  mkdir -p "$WORK_DIR/registry-data-$port"
  {
    printf 'version: 0.1\nlog:\n  level: warn\n  accesslog:\n    disabled: true\n'
    printf 'storage:\n  filesystem:\n    rootdirectory: %s\n  delete:\n    enabled: true\n' "$WORK_DIR/registry-data-$port"
    printf 'http:\n  addr: 127.0.0.1:%s\n  secret: hardened-test-services-%s\n' "$port" "$port"
    if [ "$auth" -eq 1 ]; then
      printf 'auth:\n  htpasswd:\n    realm: hardened-test-registry\n    path: %s\n' "$WORK_DIR/htpasswd"
    fi
  } >"$config"
  printf '%s' "$config"
}

# start_registry PORT AUTH(0|1) EXPECTED_STATUS
start_registry() {
  local port=$1 auth=$2 expected=$3 url="http://127.0.0.1:$1/v2/" status
  status=$(http_status "$url")
  if [ "$status" = "$expected" ]; then
    return 0
  fi
  if [ "$status" != "000" ]; then
    die "port $port answers $url with HTTP $status, expected $expected: another service holds the port (the packaged docker-registry service?); stop it and rerun"
  fi
  local pidfile config
  pidfile=$(registry_pidfile "$port")
  if ! pid_alive "$pidfile"; then
    config=$(write_registry_config "$port" "$auth")
    log "starting docker-registry on 127.0.0.1:$port"
    setsid nohup docker-registry serve "$config" >"$WORK_DIR/registry-$port.log" 2>&1 </dev/null &
    echo $! >"$pidfile"
  fi
  local deadline=$(($(date +%s) + 20))
  until [ "$(http_status "$url")" = "$expected" ]; do
    if [ "$(date +%s)" -ge "$deadline" ]; then
      tail -n 20 "$WORK_DIR/registry-$port.log" >&2 || true
      die "docker-registry on 127.0.0.1:$port did not answer $url with HTTP $expected within 20 s; see $WORK_DIR/registry-$port.log"
    fi
    sleep 0.3
  done
}

write_htpasswd() {
  local file="$WORK_DIR/htpasswd"
  if [ -s "$file" ] && htpasswd -vb "$file" "$AUTH_USER" "$AUTH_PASSWORD" >/dev/null 2>&1; then
    return 0
  fi
  htpasswd -Bbn "$AUTH_USER" "$AUTH_PASSWORD" >"$file"
}

# in_registry REGISTRY NAME:TAG [curl args...]: true when the registry has that tag.
in_registry() {
  local registry=$1 name=${2%%:*} tag=${2#*:}
  shift 2
  [ "$(http_status "http://$registry/v2/$name/manifests/$tag" -I \
    -H 'Accept: application/vnd.docker.distribution.manifest.v2+json' \
    -H 'Accept: application/vnd.oci.image.manifest.v1+json' "$@")" = "200" ]
}

build_rootfs_tarball() {
  [ -s "$ROOTFS_TAR" ] && return 0
  local rootfs="$WORK_DIR/rootfs"
  log "debootstrap --variant=minbase bookworm from $DEBIAN_MIRROR (cached in $ROOTFS_TAR)"
  rm -rf "$rootfs"
  debootstrap --variant=minbase bookworm "$rootfs" "$DEBIAN_MIRROR" >"$WORK_DIR/debootstrap.log" 2>&1 ||
    die "debootstrap failed; see $WORK_DIR/debootstrap.log"
  rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/*
  tar --numeric-owner -C "$rootfs" -cf "$ROOTFS_TAR.tmp" .
  mv "$ROOTFS_TAR.tmp" "$ROOTFS_TAR"
  rm -rf "$rootfs"
}

push_debian() {
  local plain="$PLAIN_REGISTRY/$DEBIAN_TAG" authed="$AUTH_REGISTRY/$DEBIAN_TAG"
  if ! in_registry "$PLAIN_REGISTRY" "$DEBIAN_TAG"; then
    if ! docker image inspect "$plain" >/dev/null 2>&1; then
      build_rootfs_tarball
      log "importing $plain"
      quiet docker import --change 'CMD ["bash"]' "$ROOTFS_TAR" "$plain"
    fi
    quiet docker push -q "$plain"
  fi
  if ! in_registry "$AUTH_REGISTRY" "$DEBIAN_TAG" -u "$AUTH_USER:$AUTH_PASSWORD"; then
    quiet docker pull -q "$plain"
    quiet docker tag "$plain" "$authed"
    # A private client config, so the machine's ~/.docker/config.json is left alone.
    local config="$WORK_DIR/docker-config"
    mkdir -p "$config"
    DOCKER_CONFIG="$config" quiet docker login -u "$AUTH_USER" -p "$AUTH_PASSWORD" "$AUTH_REGISTRY"
    DOCKER_CONFIG="$config" quiet docker push -q "$authed"
  fi
}

push_tiny() {
  local image="$PLAIN_REGISTRY/$TINY_TAG" context="$WORK_DIR/tiny-context"
  in_registry "$PLAIN_REGISTRY" "$TINY_TAG" && return 0
  mkdir -p "$context"
  printf 'hardened test image\n' >"$context/hello.txt"
  printf 'FROM scratch\nCOPY hello.txt /hello.txt\nUSER 65532:65532\n' >"$context/Dockerfile"
  DOCKER_BUILDKIT=0 quiet docker build -q -t "$image" "$context"
  quiet docker push -q "$image"
}

main() {
  [ "$(id -u)" -eq 0 ] || die "run as root (it installs packages and starts dockerd)"
  mkdir -p "$WORK_DIR"
  install_packages
  start_dockerd
  check_insecure_loopback
  write_htpasswd
  start_registry 5000 0 200
  start_registry 5001 1 401
  push_debian
  push_tiny
  bash "$ROOT_DIR/scripts/engine/install.sh"
  PSS_REFERENCE=$(bash "$ROOT_DIR/scripts/test-services/build-pss-reference.sh")
  bash "$ROOT_DIR/scripts/test-services/renderers.sh"
  bash "$ROOT_DIR/scripts/test-services/pre-commit.sh"
  YAML_REFERENCE=$(bash "$ROOT_DIR/scripts/test-services/build-k8s-yaml-reference.sh")
  printf 'test services ready in %ss (work dir %s)\n' "$(($(date +%s) - STARTED_AT))" "$WORK_DIR"
  printf '  dockerd     %s\n' "$(docker info --format '{{.ServerVersion}} ({{.Driver}})')"
  printf '  registry    http://%s (no auth)\n' "$PLAIN_REGISTRY"
  printf '  registry    http://%s (basic auth %s)\n' "$AUTH_REGISTRY" "$AUTH_USER"
  printf '  images      %s/%s, %s/%s, %s/%s\n' "$PLAIN_REGISTRY" "$DEBIAN_TAG" "$AUTH_REGISTRY" "$DEBIAN_TAG" "$PLAIN_REGISTRY" "$TINY_TAG"
  printf '  engine      %s\n' "$(readlink "$ROOT_DIR/.ci/work/engine")"
  printf '  psa-eval    %s\n' "$PSS_REFERENCE"
  printf '  yaml-ref    %s\n' "$YAML_REFERENCE"
}

main "$@"
