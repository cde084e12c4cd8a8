/** The registry Docker uses for references that name none. */
export const DEFAULT_REGISTRY = "docker.io";

/** A container image reference, split into its parts as the distribution spec defines them. */
export interface ImageReference {
  /** The reference as written. */
  readonly raw: string;
  /** Registry host (with port), normalized: `docker.io` when none is written. */
  readonly registry: string;
  /** True when the reference names its registry. */
  readonly explicitRegistry: boolean;
  /** Repository path within the registry, normalized (`library/nginx` for `nginx`). */
  readonly repository: string;
  /** The tag, when one is written. */
  readonly tag?: string;
  /** The text after `@`, when there is one (valid or not). */
  readonly digest?: string;
}

/** Thrown for text that is not an image reference at all. */
export class InvalidImageReferenceError extends Error {
  constructor(
    public readonly reference: string,
    reason: string,
  ) {
    super(`"${reference}" is not a valid image reference: ${reason}`);
    this.name = "InvalidImageReferenceError";
  }
}

const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const HOST =
  /^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*|\[[0-9a-fA-F:]+\])(?::\d+)?$/;
const SHA256_DIGEST = /^sha256:[a-f0-9]{64}$/;

/** True when `digest` is a complete sha256 digest: `sha256:` and 64 lower-case hex digits. */
export function isSha256Digest(digest: string | undefined): boolean {
  return digest !== undefined && SHA256_DIGEST.test(digest);
}

/**
 * Parses `[registry[:port]/]path[:tag][@digest]`. The first path component is a registry when it
 * contains `.` or `:` or is `localhost`, as Docker decides. Throws `InvalidImageReferenceError`
 * when the name or tag breaks the grammar; a malformed digest is kept for the caller to judge.
 */
export function parseImageReference(raw: string): ImageReference {
  if (raw.trim() === "") {
    throw new InvalidImageReferenceError(raw, "it is empty");
  }
  const at = raw.indexOf("@");
  const namePart = at === -1 ? raw : raw.slice(0, at);
  const digest = at === -1 ? undefined : raw.slice(at + 1);
  const slash = namePart.indexOf("/");
  const first = slash === -1 ? "" : namePart.slice(0, slash);
  const explicitRegistry =
    first !== "" && (first.includes(".") || first.includes(":") || first === "localhost");
  if (explicitRegistry && !HOST.test(first)) {
    throw new InvalidImageReferenceError(raw, `"${first}" is not a registry host`);
  }
  const rest = explicitRegistry ? namePart.slice(slash + 1) : namePart;
  const lastSlash = rest.lastIndexOf("/");
  const colon = rest.indexOf(":", lastSlash + 1);
  const path = colon === -1 ? rest : rest.slice(0, colon);
  const tag = colon === -1 ? undefined : rest.slice(colon + 1);
  const components = path.split("/");
  const bad = components.find((c) => !PATH_COMPONENT.test(c));
  if (bad !== undefined) {
    throw new InvalidImageReferenceError(
      raw,
      bad === ""
        ? "the repository name is empty"
        : `"${bad}" is not a valid repository path component (lower-case letters, digits and separators)`,
    );
  }
  if (tag !== undefined && !TAG.test(tag)) {
    throw new InvalidImageReferenceError(raw, `"${tag}" is not a valid tag`);
  }
  const registry = explicitRegistry ? first : DEFAULT_REGISTRY;
  const repository =
    registry === DEFAULT_REGISTRY && components.length === 1 ? `library/${path}` : path;
  return {
    raw,
    registry: registry === "index.docker.io" ? DEFAULT_REGISTRY : registry,
    explicitRegistry,
    repository,
    ...(tag !== undefined ? { tag } : {}),
    ...(digest !== undefined ? { digest } : {}),
  };
}

/** The reference's `registry/repository` without tag or digest, normalized. */
export function repositoryName(ref: ImageReference): string {
  return `${ref.registry}/${ref.repository}`;
}

/** What an `allowedRegistries` entry may be, for error messages. */
export const ALLOWED_REGISTRY_FORMS =
  "a registry host (ghcr.io, 127.0.0.1:5000, localhost:5000), a host and path prefix (ghcr.io/acme) or a wildcard host (*.corp.example, optionally with a path prefix)";

const HOST_LABEL = "[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?";
const ALLOWED_REGISTRY = new RegExp(
  `^(\\*\\.)?(${HOST_LABEL}(?:\\.${HOST_LABEL})*)(:[0-9]{1,5})?((?:/${PATH_COMPONENT.source.slice(1, -1)})*)/?$`,
);

/**
 * Why `entry` cannot be an `allowedRegistries` entry, or undefined when it can. Docker reads the
 * first component of a reference as a registry only when it has a `.` or a `:` or is `localhost`,
 * so `nginx`, `*` or `corp` would never match anything: they are refused.
 */
export function allowedRegistryProblem(entry: string): string | undefined {
  const match = ALLOWED_REGISTRY.exec(entry);
  const isHost = (host: string, port: string | undefined) =>
    host.includes(".") || port !== undefined || host === "localhost";
  if (match === null || (match[1] === undefined && !isHost(match[2], match[3]))) {
    return `"${entry}" is not ${ALLOWED_REGISTRY_FORMS}`;
  }
  if (match[1] !== undefined && !match[2].includes(".")) {
    return `"${entry}" is not ${ALLOWED_REGISTRY_FORMS}: a wildcard host needs a domain of two labels or more, like *.corp.example`;
  }
  return undefined;
}

function matchesEntry(registry: string, repository: string, entry: string): boolean {
  const match = ALLOWED_REGISTRY.exec(entry);
  if (match === null) {
    return false;
  }
  const [, wildcard, host, port, path] = match;
  const [registryHost, registryPort] = registry.split(/:(?=[0-9]+$)/);
  const hostMatches =
    wildcard === undefined
      ? registry.toLowerCase() === `${host}${port ?? ""}`.toLowerCase()
      : registryHost.toLowerCase().endsWith(`.${host.toLowerCase()}`) &&
        (port === undefined || `:${registryPort}` === port);
  if (!hostMatches) {
    return false;
  }
  const prefix = path.replace(/^\//, "");
  return prefix === "" || repository === prefix || repository.startsWith(`${prefix}/`);
}

/**
 * True when `ref` comes from one of `allowed` registries. An entry is a registry host
 * (`ghcr.io`, `127.0.0.1:5000`), a host with a path prefix (`ghcr.io/acme`), or a wildcard host
 * (`*.corp.example`: any host under that domain, not the domain itself), matched on whole path
 * components. An entry that {@link allowedRegistryProblem} refuses matches nothing. An empty list
 * allows every registry.
 */
export function isFromAllowedRegistry(ref: ImageReference, allowed: readonly string[]): boolean {
  if (allowed.length === 0) {
    return true;
  }
  return allowed.some((entry) => matchesEntry(ref.registry, ref.repository, entry));
}
