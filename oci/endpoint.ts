import { DEFAULT_REGISTRY } from "../rules/image-reference";

/** The API host of Docker Hub, which references name as `docker.io`. */
export const DOCKER_HUB_API_HOST = "registry-1.docker.io";

/** True when `registry` (host with optional port) is a loopback address: localhost, 127.0.0.0/8, [::1]. */
export function isLoopbackRegistry(registry: string): boolean {
  const host = registry.startsWith("[")
    ? registry.slice(0, registry.indexOf("]") + 1)
    : registry.split(":")[0];
  return host === "localhost" || host === "[::1]" || /^127(?:\.\d{1,3}){3}$/.test(host);
}

/**
 * The base URL of a registry's distribution API, without the `/v2/` path. Loopback registries
 * and the ones listed in `insecureRegistries` (host or host:port, as written in references) are
 * spoken to over plain HTTP; every other registry over HTTPS.
 */
export function registryBaseUrl(
  registry: string,
  insecureRegistries: readonly string[] = [],
): string {
  const host = registry === DEFAULT_REGISTRY ? DOCKER_HUB_API_HOST : registry;
  const insecure = isLoopbackRegistry(registry) || insecureRegistries.includes(registry);
  return `${insecure ? "http" : "https"}://${host}`;
}
