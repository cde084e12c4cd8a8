import { DEBIAN_IMAGE, PLAIN_REGISTRY, uniqueRepository } from "./registry";
import { docker } from "./docker";

/**
 * Stand-ins for the public base images the presets default to, made from the local Debian image
 * (nothing can be pulled from public registries here) and pushed to the local registry.
 */

const DEBIAN = `${PLAIN_REGISTRY}/${DEBIAN_IMAGE}`;

/** `apt-get install` of `packages` in one layer, lists removed. */
function aptInstall(packages: readonly string[]): string {
  return `RUN apt-get update && apt-get install -y --no-install-recommends ${packages.join(" ")} && rm -rf /var/lib/apt/lists/*`;
}

/**
 * Writes the passwd and group lines of distroless's users: root, nobody and nonroot (65532), into
 * the file system at `root` ("" for the image's own).
 */
function usersAt(root: string): string {
  return [
    `RUN printf 'root:x:0:0:root:/root:/sbin/nologin\\nnobody:x:65534:65534:nobody:/nonexistent:/sbin/nologin\\nnonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin\\n' > ${root}/etc/passwd \\`,
    `  && printf 'root:x:0:\\nnogroup:x:65534:\\nnonroot:x:65532:\\n' > ${root}/etc/group \\`,
    `  && mkdir -p ${root}/home/nonroot && chown 65532:65532 ${root}/home/nonroot`,
  ].join("\n");
}

/** The distroless users in the image's own /etc. */
const USERS = usersAt("");

/**
 * A shell-less runtime in the distroless way: `packages` installed on Debian, then apt, dpkg and
 * every shell removed, and the file system copied into scratch.
 */
function shellLess(packages: readonly string[]): string {
  return [
    `FROM ${DEBIAN} AS full`,
    aptInstall(packages),
    USERS,
    "RUN rm -rf /etc/apt /var/lib/dpkg /var/cache/apt /var/log/* /usr/bin/apt* /usr/bin/dpkg* /usr/lib/apt \\",
    "  && rm -f /usr/bin/bash /usr/bin/rbash /usr/bin/dash /usr/bin/sh",
    "FROM scratch",
    "COPY --from=full / /",
  ].join("\n");
}

/**
 * A distroless-like Python runtime: the interpreter, its standard library (without ensurepip,
 * idlelib, lib2to3, pydoc_data, tkinter, turtledemo and the build config), the shared libraries
 * that `ldd` says it and its extension modules load, the CA bundle and the distroless users, copied
 * into scratch. No shell, no package manager, no setuid programs.
 */
const PYTHON_MINIMAL_RUNTIME = [
  `FROM ${DEBIAN} AS full`,
  aptInstall(["python3", "ca-certificates"]),
  "RUN mkdir -p /rootfs/usr/bin /rootfs/usr/lib /rootfs/etc/ssl/certs /rootfs/tmp /rootfs/home/nonroot \\",
  "  && cp -a /usr/lib/python3.11 /rootfs/usr/lib/python3.11 \\",
  "  && (cd /rootfs/usr/lib/python3.11 && rm -rf ensurepip idlelib lib2to3 pydoc_data tkinter turtledemo config-3.11-*) \\",
  "  && cp /usr/bin/python3.11 /rootfs/usr/bin/python3.11 && ln -s python3.11 /rootfs/usr/bin/python3 \\",
  '  && for f in /usr/bin/python3.11 /usr/lib/python3.11/lib-dynload/*.so; do ldd "$f"; done \\',
  "     | awk '$2 == \"=>\" && $3 ~ /^\\// {print $3} $1 ~ /^\\// {print $1}' | sort -u \\",
  "     | xargs -I{} cp -L --parents {} /rootfs \\",
  "  && cp /etc/ssl/certs/ca-certificates.crt /rootfs/etc/ssl/certs/ \\",
  "  && chmod 1777 /rootfs/tmp",
  usersAt("/rootfs"),
  "FROM scratch",
  "COPY --from=full /rootfs /",
].join("\n");

/**
 * The full image a Python service usually starts from (what `python:3.12` is: Debian with
 * build-essential, Python headers, git and the usual -dev libraries), with Debian's Python 3.11.
 */
const PYTHON_FULL = [
  `FROM ${DEBIAN}`,
  aptInstall([
    "build-essential",
    "python3",
    "python3-dev",
    "python3-pip",
    "python3-venv",
    "git",
    "curl",
    "ca-certificates",
    "libssl-dev",
    "libffi-dev",
    "zlib1g-dev",
    "libbz2-dev",
    "libreadline-dev",
    "libsqlite3-dev",
    "liblzma-dev",
    "libncursesw5-dev",
    "libxml2-dev",
    "libxslt1-dev",
    "libjpeg-dev",
    "libpq-dev",
    "libyaml-dev",
  ]),
].join("\n");

/** The stand-in images: tag in the registry → Dockerfile that builds it. */
export const BASE_DOCKERFILES = {
  python: [`FROM ${DEBIAN}`, aptInstall(["python3", "python3-pip"])].join("\n"),
  pythonRuntime: shellLess(["python3"]),
  golang: [`FROM ${DEBIAN}`, aptInstall(["golang-go", "ca-certificates"])].join("\n"),
  staticRuntime: [
    `FROM ${DEBIAN} AS full`,
    aptInstall(["ca-certificates"]),
    USERS,
    "FROM scratch",
    "COPY --from=full /etc/passwd /etc/group /etc/",
    "COPY --from=full /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/ca-certificates.crt",
    "COPY --from=full --chown=65532:65532 /home/nonroot /home/nonroot",
  ].join("\n"),
  node: [`FROM ${DEBIAN}`, aptInstall(["nodejs", "npm"])].join("\n"),
  nodeRuntime: shellLess(["nodejs"]),
  pythonFull: PYTHON_FULL,
  pythonMinimalRuntime: PYTHON_MINIMAL_RUNTIME,
} as const;

/** The name of each stand-in, as the presets' defaults would name the real image. */
export const BASE_NAMES: Readonly<Record<keyof typeof BASE_DOCKERFILES, string>> = {
  python: "python:3.11-slim-bookworm",
  pythonRuntime: "distroless/python3-debian12:nonroot",
  golang: "golang:1.19-bookworm",
  staticRuntime: "distroless/static-debian12:nonroot",
  node: "node:18-bookworm-slim",
  nodeRuntime: "distroless/nodejs18-debian12:nonroot",
  pythonFull: "python:3.11-bookworm",
  pythonMinimalRuntime: "distroless/python3-debian12:nonroot-minimal",
};

const built = new Map<string, string>();
const prefix = uniqueRepository("bases");

/**
 * Builds (classic builder) and pushes one stand-in base under this run's unique repository
 * prefix, once per run; returns its tagged reference.
 */
export function baseImage(role: keyof typeof BASE_DOCKERFILES): string {
  const cached = built.get(role);
  if (cached !== undefined) {
    return cached;
  }
  const image = `${PLAIN_REGISTRY}/${prefix}/${BASE_NAMES[role]}`;
  docker(["build", "-q", "-t", image, "-"], { input: BASE_DOCKERFILES[role] });
  docker(["push", image]);
  built.set(role, image);
  return image;
}
