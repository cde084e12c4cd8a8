import { CredentialProvider, registryHost } from "../../oci/docker-config";

/** The component's `registry` argument, resolved. */
export interface ResolvedRegistryArg {
  /** The registry server, e.g. `ghcr.io` or `https://ghcr.io`. */
  readonly server?: string;
  /** The user name. */
  readonly username?: string;
  /** The password or token. */
  readonly password?: string;
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
  const host = registryHost(registry.server ?? pushedTo);
  const basic = { username: registry.username, password: registry.password };
  return (asked) =>
    registryHost(asked) === host
      ? { basic, source: "HardenedImage args.registry" }
      : fallback(asked);
}
