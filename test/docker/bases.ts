import { DEBIAN_IMAGE, PLAIN_REGISTRY, uniqueRepository } from "../support/registry";
import { docker } from "../support/docker";

/**
 * Stand-ins for the public base images the presets default to, made from the local Debian image
 * (nothing can be pulled from public registries here) and pushed to the local registry.
 */

const DEBIAN = `${PLAIN_REGISTRY}/${DEBIAN_IMAGE}`;

/** `apt-get install` of `packages` in one layer, lists removed. */
function aptInstall(packages: readonly string[]): string {
  return `RUN apt-get update && apt-get install -y --no-install-recommends ${packages.join(" ")} && rm -rf /var/lib/apt/lists/*`;
}

/** The passwd and group lines of distroless's users: root, nobody and nonroot (65532). */
const USERS = [
  "RUN printf 'root:x:0:0:root:/root:/sbin/nologin\\nnobody:x:65534:65534:nobody:/nonexistent:/sbin/nologin\\nnonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin\\n' > /etc/passwd \\",
  "  && printf 'root:x:0:\\nnogroup:x:65534:\\nnonroot:x:65532:\\n' > /etc/group \\",
  "  && mkdir -p /home/nonroot && chown 65532:65532 /home/nonroot",
].join("\n");

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
} as const;

/** The name of each stand-in, as the presets' defaults would name the real image. */
const NAMES: Readonly<Record<keyof typeof BASE_DOCKERFILES, string>> = {
  python: "python:3.11-slim-bookworm",
  pythonRuntime: "distroless/python3-debian12:nonroot",
  golang: "golang:1.19-bookworm",
  staticRuntime: "distroless/static-debian12:nonroot",
  node: "node:18-bookworm-slim",
  nodeRuntime: "distroless/nodejs18-debian12:nonroot",
};

/** Stand-in base image references (tags, not pinned), by role. */
export type BaseImages = Readonly<Record<keyof typeof BASE_DOCKERFILES, string>>;

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
  const image = `${PLAIN_REGISTRY}/${prefix}/${NAMES[role]}`;
  docker(["build", "-q", "-t", image, "-"], { input: BASE_DOCKERFILES[role] });
  docker(["push", image]);
  built.set(role, image);
  return image;
}
