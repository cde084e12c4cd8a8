/**
 * Errors of the registry client. Each names the image reference, the registry and what happened,
 * in a message a user can act on; none needs a stack trace to be understood.
 */

/** Base class of every registry client error. */
export class RegistryError extends Error {
  constructor(
    /** The image reference being accessed, as written. */
    public readonly reference: string,
    /** The registry host (with port). */
    public readonly registry: string,
    message: string,
  ) {
    super(message);
    this.name = "RegistryError";
  }
}

/** The registry could not be reached: connection refused, DNS failure, TLS failure or timeout. */
export class RegistryUnreachableError extends RegistryError {
  constructor(reference: string, registry: string, url: string, cause: string) {
    super(
      reference,
      registry,
      `cannot reach registry ${registry} for ${reference} (${url}): ${cause}`,
    );
    this.name = "RegistryUnreachableError";
  }
}

/** The registry refused the request (401 or 403), with or without credentials. */
export class RegistryAuthError extends RegistryError {
  constructor(
    reference: string,
    registry: string,
    /** The HTTP status: 401 or 403. */
    public readonly status: number,
    /** Where the credentials that were sent came from, or null when none were sent. */
    public readonly credentialSource: string | null,
    hint: string,
  ) {
    super(
      reference,
      registry,
      credentialSource === null
        ? `registry ${registry} refused anonymous access to ${reference} (HTTP ${status}); ${hint}`
        : `registry ${registry} refused the credentials from ${credentialSource} for ${reference} (HTTP ${status}); ${hint}`,
    );
    this.name = "RegistryAuthError";
  }
}

/** The registry does not know the tag, digest or repository (404). */
export class ManifestUnknownError extends RegistryError {
  constructor(reference: string, registry: string, detail: string) {
    super(reference, registry, `registry ${registry} has no manifest for ${reference} (${detail})`);
    this.name = "ManifestUnknownError";
  }
}

/** The content does not hash to the digest it was requested by or announced with. */
export class DigestMismatchError extends RegistryError {
  constructor(reference: string, registry: string, what: string, expected: string, actual: string) {
    super(
      reference,
      registry,
      `${what} from registry ${registry} for ${reference} hashes to ${actual}, not ${expected}; the registry or a proxy altered it`,
    );
    this.name = "DigestMismatchError";
  }
}

/** Any other unexpected answer: a 5xx status, an unsupported manifest type, an oversized body. */
export class RegistryResponseError extends RegistryError {
  constructor(reference: string, registry: string, what: string) {
    super(
      reference,
      registry,
      `registry ${registry} answered unexpectedly for ${reference}: ${what}`,
    );
    this.name = "RegistryResponseError";
  }
}

/** The Docker client config file exists but cannot be used. */
export class DockerConfigError extends Error {
  constructor(
    /** The config file's path. */
    public readonly file: string,
    problem: string,
  ) {
    super(`Docker config ${file}: ${problem}`);
    this.name = "DockerConfigError";
  }
}

/** The registry does not know the blob (404). */
export class BlobUnknownError extends RegistryError {
  constructor(reference: string, registry: string, digest: string, detail: string) {
    super(
      reference,
      registry,
      `registry ${registry} has no blob ${digest} for ${reference} (${detail})`,
    );
    this.name = "BlobUnknownError";
  }
}
