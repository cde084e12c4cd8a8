import { readFileSync } from "fs";
import { homedir } from "os";
import { join } from "path";
import { DockerConfigError } from "./errors";

/** A user name and password (or token) for HTTP basic auth. */
export interface BasicCredentials {
  readonly username: string;
  readonly password: string;
}

/** What is known about the credentials for one registry. */
export interface RegistryCredentials {
  /** The credentials to send, when there are usable ones. */
  readonly basic?: BasicCredentials;
  /** Where `basic` came from (a file path, a flag), for error messages; never the secret itself. */
  readonly source: string;
  /**
   * Why credentials that exist for the registry cannot be used (a credential helper, an identity
   * token), for the message of an authentication error.
   */
  readonly unsupported?: string;
}

/** Looks up the credentials for a registry host; returns undefined when there are none. */
export type CredentialProvider = (registry: string) => RegistryCredentials | undefined;

interface DockerConfigFile {
  readonly auths?: Record<
    string,
    { auth?: string; username?: string; password?: string; identitytoken?: string }
  >;
  readonly credsStore?: string;
  readonly credHelpers?: Record<string, string>;
}

const DOCKER_HUB_ALIASES = new Set(["docker.io", "index.docker.io", "registry-1.docker.io"]);

/**
 * The Docker client config file: `$DOCKER_CONFIG/config.json` when `DOCKER_CONFIG` is set,
 * `~/.docker/config.json` otherwise.
 */
export function dockerConfigPath(
  env: NodeJS.ProcessEnv = process.env,
  home: string = homedir(),
): string {
  return env.DOCKER_CONFIG
    ? join(env.DOCKER_CONFIG, "config.json")
    : join(home, ".docker", "config.json");
}

/**
 * The registry host (and port) a Docker config key or server address names, as image references
 * name registries: `https://index.docker.io/v1/` → `docker.io`, `https://GHCR.io` → `ghcr.io`.
 */
export function registryHost(server: string): string {
  const host = server
    .replace(/^[a-z]+:\/\//i, "")
    .split("/")[0]
    .toLowerCase();
  return DOCKER_HUB_ALIASES.has(host) ? "docker.io" : host;
}

function readConfig(file: string): DockerConfigFile {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") {
      return {};
    }
    throw new DockerConfigError(file, `cannot read it: ${(error as Error).message}`);
  }
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
      throw new Error("the top level is not a JSON object");
    }
    return parsed as DockerConfigFile;
  } catch (error) {
    throw new DockerConfigError(file, `it is not valid JSON: ${(error as Error).message}`);
  }
}

function decodeAuth(file: string, key: string, auth: string): BasicCredentials {
  const decoded = Buffer.from(auth, "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon <= 0) {
    throw new DockerConfigError(file, `auths["${key}"].auth is not base64 of "user:password"`);
  }
  return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

/** The credentials a parsed config file holds for `registry`, following Docker's lookup order. */
function lookupIn(
  file: string,
  config: DockerConfigFile,
  registry: string,
): RegistryCredentials | undefined {
  const host = registryHost(registry);
  const helper =
    Object.entries(config.credHelpers ?? {}).find(([key]) => registryHost(key) === host)?.[1] ??
    config.credsStore;
  const entry = Object.entries(config.auths ?? {}).find(([key]) => registryHost(key) === host);
  if (entry !== undefined) {
    const [key, value] = entry;
    if (value.auth) {
      return { basic: decodeAuth(file, key, value.auth), source: file };
    }
    if (value.username && value.password) {
      return { basic: { username: value.username, password: value.password }, source: file };
    }
    if (value.identitytoken) {
      return {
        source: file,
        unsupported: `${file} holds an identity token for ${registry}, which hardened does not exchange; put "user:password" in auths["${key}"].auth`,
      };
    }
  }
  if (helper) {
    return {
      source: file,
      unsupported: `${file} delegates ${registry} to the credential helper docker-credential-${helper}, which hardened does not run; add an auths["${registry}"].auth entry (base64 of "user:password") to a config file and point DOCKER_CONFIG at its directory`,
    };
  }
  return undefined;
}

/**
 * A credential provider reading the Docker client config file (see `dockerConfigPath`) once, on
 * first use. It reads `auths.<host>.auth` (base64 `user:password`) and `username`/`password`;
 * credential helpers (`credsStore`, `credHelpers`) and identity tokens are not run or exchanged,
 * and are reported as such when the registry then refuses access. A missing file means no
 * credentials; an unreadable or malformed one throws `DockerConfigError`.
 */
export function dockerConfigCredentials(file: string = dockerConfigPath()): CredentialProvider {
  let config: DockerConfigFile | undefined;
  return (registry) => {
    config ??= readConfig(file);
    return lookupIn(file, config, registry);
  };
}
