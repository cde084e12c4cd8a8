import { CredentialProvider } from "../../oci/docker-config";

/** The component's `registry` argument, resolved. */
export interface ResolvedRegistryArg {
  /** The registry server, e.g. `ghcr.io` or `https://ghcr.io`. */
  readonly server?: string;
  /** The user name. */
  readonly username?: string;
  /** The password or token. */
  readonly password?: string;
}

const DOCKER_HUB_ALIASES = new Set(["docker.io", "index.docker.io", "registry-1.docker.io"]);

/** The host (and port) a server address names, as image references name registries. */
function hostOf(server: string): string {
  const host = server
    .replace(/^[a-z]+:\/\//i, "")
    .split("/")[0]
    .toLowerCase();
  return DOCKER_HUB_ALIASES.has(host) ? "docker.io" : host;
}

/**
 * Credentials for reading the pushed image: the `registry` argument's user name and password for
 * its server (for `pushedTo`, the pushed image's registry, when it names no server), and
 * `fallback` (the Docker config) for every other registry, such as the base image's.
 */
export function registryArgCredentials(
  registry: ResolvedRegistryArg | undefined,
  pushedTo: string,
  fallback: CredentialProvider,
): CredentialProvider {
  if (registry?.username === undefined || registry.password === undefined) {
    return fallback;
  }
  const host = hostOf(registry.server ?? pushedTo);
  const basic = { username: registry.username, password: registry.password };
  return (asked) =>
    hostOf(asked) === host ? { basic, source: "HardenedImage args.registry" } : fallback(asked);
}
