import { EXAMPLE_DIGEST, RuleExample } from "../example";

/** A Pulumi YAML program with one resource `web` of `type` and the property lines `properties`. */
function program(type: string, properties: readonly string[]): string {
  return [
    "resources:",
    "  web:",
    `    type: ${type}`,
    "    properties:",
    ...properties.map((line) => `      ${line}`),
    "",
  ].join("\n");
}

const container = (...properties: string[]) =>
  program("docker:index/container:Container", [
    `image: ghcr.io/acme/web:1.4.2@${EXAMPLE_DIGEST}`,
    ...properties,
  ]);

const image = (...properties: string[]) =>
  program("docker-build:index:Image", [
    "context:",
    "  location: ./app",
    "push: true",
    ...properties,
  ]);

/** The examples of the rules over one Pulumi Docker resource, by rule id. */
export const DOCKER_RESOURCE_EXAMPLES: Readonly<Record<string, RuleExample>> = {
  "docker-privileged": {
    failing: container("privileged: true"),
    passing: container("privileged: false"),
  },
  "docker-non-root-user": {
    failing: container('user: "root"'),
    passing: container('user: "10001:10001"'),
  },
  "docker-read-only-root-filesystem": {
    failing: container("readOnly: false"),
    passing: container("readOnly: true"),
  },
  "docker-added-capabilities": {
    failing: container("capabilities:", "  adds: [NET_ADMIN]"),
    passing: container("capabilities:", "  drops: [ALL]"),
  },
  "docker-host-namespaces": {
    failing: container("networkMode: host"),
    passing: container("networkMode: bridge", "ports:", "  - internal: 8080", "    external: 8080"),
  },
  "docker-socket-mount": {
    failing: container(
      "mounts:",
      "  - type: bind",
      "    source: /var/run/docker.sock",
      "    target: /var/run/docker.sock",
    ),
    passing: container("mounts:", "  - type: tmpfs", "    target: /tmp"),
  },
  "docker-image-tag": {
    failing: image("tags:", "  - ghcr.io/acme/web:latest"),
    passing: image("tags:", "  - ghcr.io/acme/web:1.4.2"),
  },
  "docker-build-secret-args": {
    failing: image("tags:", "  - ghcr.io/acme/web:1.4.2", "buildArgs:", "  NPM_TOKEN: ${npmToken}"),
    passing: image("tags:", "  - ghcr.io/acme/web:1.4.2", "secrets:", "  npm_token: ${npmToken}"),
  },
};

const stack = (image: string) =>
  [
    "# the stack's resources as the policy pack sees them, outputs resolved",
    "resources:",
    "  web-image:",
    "    type: docker-build:index:Image",
    "    properties:",
    "      tags:",
    "        - ghcr.io/acme/web:1.4.2",
    `      ref: ghcr.io/acme/web:1.4.2@${EXAMPLE_DIGEST}`,
    "  web:",
    "    type: docker:index/container:Container",
    "    properties:",
    `      image: ${image}`,
    "",
  ].join("\n");

/** The examples of the stack rules, by rule id. */
export const STACK_EXAMPLES: Readonly<Record<string, RuleExample>> = {
  "built-image-by-digest": {
    failing: stack("ghcr.io/acme/web:1.4.2 # ${web-image.tags[0]}"),
    passing: stack(`ghcr.io/acme/web:1.4.2@${EXAMPLE_DIGEST} # \${web-image.ref}`),
  },
};
