import { Readable } from "stream";
import {
  ImageReference,
  InvalidImageReferenceError,
  isSha256Digest,
  parseImageReference,
} from "../rules/image-reference";
import { authError, authorize } from "./auth";
import { guardedBody, readAllLimited } from "./body";
import { digestVerifier, sha256Digest } from "./digest";
import { CredentialProvider, dockerConfigCredentials } from "./docker-config";
import { registryBaseUrl } from "./endpoint";
import {
  BlobUnknownError,
  DigestMismatchError,
  ManifestUnknownError,
  RegistryResponseError,
  RegistryUnreachableError,
} from "./errors";
import { describeErrorResponse, RequestTarget, send } from "./http";
import { isIndexMediaType, MANIFEST_MEDIA_TYPES } from "./media-types";

/** Options of a `RegistryClient`. */
export interface RegistryClientOptions {
  /**
   * Where credentials come from.
   * @default dockerConfigCredentials(): `auths` of `$DOCKER_CONFIG/config.json` or `~/.docker/config.json`
   */
  readonly credentials?: CredentialProvider;
  /**
   * Registries (host or host:port, as written in references) to speak plain HTTP to, besides the
   * loopback ones (localhost, 127.0.0.0/8, [::1]) which always use HTTP.
   * @default []
   */
  readonly insecureRegistries?: readonly string[];
  /**
   * Time limit, in milliseconds, for each HTTP request to get its response headers, for a whole
   * manifest or config body to arrive, and for a layer body to send its next bytes.
   * @default 30000
   */
  readonly timeoutMs?: number;
  /**
   * Largest manifest accepted, in bytes (the limit containerd applies).
   * @default 4194304
   */
  readonly maxManifestBytes?: number;
  /**
   * Largest blob `readBlob` reads into memory (image configs), in bytes.
   * @default 67108864
   */
  readonly maxBlobBytes?: number;
}

/** A manifest fetched from a registry, with its verified digest and exact bytes. */
export interface FetchedManifest {
  /** The reference it was fetched for. */
  readonly reference: ImageReference;
  /** `sha256:` digest of `bytes`, equal to the registry's `Docker-Content-Digest` when it sent one. */
  readonly digest: string;
  /** The manifest's media type (one of `MANIFEST_MEDIA_TYPES`). */
  readonly mediaType: string;
  /** True for an OCI index or Docker manifest list (a multi-platform image). */
  readonly isIndex: boolean;
  /** The exact bytes the registry served. */
  readonly bytes: Buffer;
  /** The parsed JSON. */
  readonly json: Readonly<Record<string, unknown>>;
}

const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_MAX_MANIFEST_BYTES = 4 * 1024 * 1024;
const DEFAULT_MAX_BLOB_BYTES = 64 * 1024 * 1024;

function mediaTypeOf(response: Response, json: Readonly<Record<string, unknown>>): string {
  const header = (response.headers.get("content-type") ?? "").split(";")[0].trim();
  if (MANIFEST_MEDIA_TYPES.includes(header)) {
    return header;
  }
  return typeof json.mediaType === "string" ? json.mediaType : header;
}

/**
 * A client of the OCI distribution API (pull side): resolves tags to digests and fetches
 * manifests and blobs, verifying every digest. Authenticates with anonymous or credentialed
 * bearer tokens and basic auth; caches one `Authorization` value per repository.
 */
export class RegistryClient {
  private readonly credentials: CredentialProvider;
  private readonly insecureRegistries: readonly string[];
  private readonly timeoutMs: number;
  private readonly maxManifestBytes: number;
  private readonly maxBlobBytes: number;
  private readonly authorizations = new Map<string, string>();

  constructor(options: RegistryClientOptions = {}) {
    this.credentials = options.credentials ?? dockerConfigCredentials();
    this.insecureRegistries = options.insecureRegistries ?? [];
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.maxManifestBytes = options.maxManifestBytes ?? DEFAULT_MAX_MANIFEST_BYTES;
    this.maxBlobBytes = options.maxBlobBytes ?? DEFAULT_MAX_BLOB_BYTES;
  }

  /**
   * Fetches the manifest `reference` names: by its digest when it has one, else by its tag
   * (`latest` when it has neither, as Docker does). For a multi-platform image this is the index
   * itself, not one platform's manifest.
   */
  async getManifest(reference: string | ImageReference): Promise<FetchedManifest> {
    const ref = typeof reference === "string" ? parseImageReference(reference) : reference;
    if (ref.digest !== undefined && !isSha256Digest(ref.digest)) {
      throw new InvalidImageReferenceError(ref.raw, `"${ref.digest}" is not a sha256 digest`);
    }
    const selector = ref.digest ?? ref.tag ?? "latest";
    const response = await this.get(ref, `manifests/${selector}`, {
      Accept: MANIFEST_MEDIA_TYPES.join(", "),
    });
    if (response.status === 404) {
      throw new ManifestUnknownError(ref.raw, ref.registry, await describeErrorResponse(response));
    }
    if (!response.ok) {
      throw new RegistryResponseError(ref.raw, ref.registry, await describeErrorResponse(response));
    }
    const declared = Number(response.headers.get("content-length") ?? "0");
    if (declared > this.maxManifestBytes) {
      await response.body?.cancel();
      throw new RegistryResponseError(
        ref.raw,
        ref.registry,
        `a manifest of ${declared} bytes, over the ${this.maxManifestBytes}-byte limit`,
      );
    }
    const bytes = await readAllLimited(this.body(response, ref, "the manifest"), {
      maxBytes: this.maxManifestBytes,
      totalMs: this.timeoutMs,
      tooLarge: () =>
        new RegistryResponseError(
          ref.raw,
          ref.registry,
          `a manifest of more than ${this.maxManifestBytes} bytes, over the limit`,
        ),
      stalled: () => this.stalled(ref, "the manifest", "in full"),
    });
    const digest = sha256Digest(bytes);
    const announced = response.headers.get("docker-content-digest");
    if (announced !== null && announced.startsWith("sha256:") && announced !== digest) {
      throw new DigestMismatchError(
        ref.raw,
        ref.registry,
        "the manifest (Docker-Content-Digest)",
        announced,
        digest,
      );
    }
    if (ref.digest !== undefined && ref.digest !== digest) {
      throw new DigestMismatchError(ref.raw, ref.registry, "the manifest", ref.digest, digest);
    }
    let json: Readonly<Record<string, unknown>>;
    try {
      json = JSON.parse(bytes.toString("utf8")) as Record<string, unknown>;
    } catch {
      throw new RegistryResponseError(ref.raw, ref.registry, "a manifest that is not JSON");
    }
    const mediaType = mediaTypeOf(response, json);
    if (!MANIFEST_MEDIA_TYPES.includes(mediaType)) {
      throw new RegistryResponseError(
        ref.raw,
        ref.registry,
        `a manifest of type "${mediaType}", which is not supported (supported: ${MANIFEST_MEDIA_TYPES.join(", ")})`,
      );
    }
    return { reference: ref, digest, mediaType, isIndex: isIndexMediaType(mediaType), bytes, json };
  }

  /**
   * Resolves `reference` to the digest of the manifest it names (for a multi-platform image, the
   * index digest that `docker pull` and Kubernetes pin).
   */
  async resolveDigest(
    reference: string | ImageReference,
  ): Promise<{ digest: string; mediaType: string }> {
    const { digest, mediaType } = await this.getManifest(reference);
    return { digest, mediaType };
  }

  /**
   * Opens the blob `digest` of `reference`'s repository as a stream that fails with
   * `DigestMismatchError` at its end when the content does not hash to `digest`. Consumers must
   * read it to the end (or destroy it) before trusting what they read.
   */
  async openBlob(reference: string | ImageReference, digest: string): Promise<Readable> {
    const ref = typeof reference === "string" ? parseImageReference(reference) : reference;
    if (!isSha256Digest(digest)) {
      throw new InvalidImageReferenceError(
        `${ref.registry}/${ref.repository}@${digest}`,
        "not a sha256 digest",
      );
    }
    const response = await this.get(ref, `blobs/${digest}`, {});
    if (response.status === 404) {
      throw new BlobUnknownError(
        ref.raw,
        ref.registry,
        digest,
        await describeErrorResponse(response),
      );
    }
    if (!response.ok || response.body === null) {
      throw new RegistryResponseError(
        ref.raw,
        ref.registry,
        `blob ${digest}: ${await describeErrorResponse(response)}`,
      );
    }
    const verifier = digestVerifier(
      digest,
      (actual) => new DigestMismatchError(ref.raw, ref.registry, `blob ${digest}`, digest, actual),
    );
    const body = this.body(response, ref, `blob ${digest}`);
    body.on("error", (error) => verifier.destroy(error));
    verifier.on("close", () => body.destroy());
    return body.pipe(verifier);
  }

  /**
   * Reads the whole blob `digest` into memory, verified; for configs and other small blobs. More
   * than `maxBlobBytes`, or a body not complete within the timeout, is a `RegistryError`.
   */
  async readBlob(reference: string | ImageReference, digest: string): Promise<Buffer> {
    const ref = typeof reference === "string" ? parseImageReference(reference) : reference;
    return readAllLimited(await this.openBlob(ref, digest), {
      maxBytes: this.maxBlobBytes,
      totalMs: this.timeoutMs,
      tooLarge: () =>
        new RegistryResponseError(
          ref.raw,
          ref.registry,
          `blob ${digest} is larger than ${this.maxBlobBytes} bytes, the limit for configs`,
        ),
      stalled: () => this.stalled(ref, `blob ${digest}`, "in full"),
    });
  }

  private stalled(ref: ImageReference, what: string, how: string): RegistryUnreachableError {
    return new RegistryUnreachableError(
      ref.raw,
      ref.registry,
      registryBaseUrl(ref.registry, this.insecureRegistries),
      `${what} did not arrive ${how} within ${this.timeoutMs / 1000} s`,
    );
  }

  /** The response body, failing when the registry sends nothing for the timeout. */
  private body(response: Response, ref: ImageReference, what: string): Readable {
    if (response.body === null) {
      return Readable.from([]);
    }
    return guardedBody(response.body, this.timeoutMs, () =>
      this.stalled(ref, what, "(the body stalled)"),
    );
  }

  /** GET `/v2/<repository>/<path>`, answering one authentication challenge. */
  private async get(
    ref: ImageReference,
    path: string,
    headers: Record<string, string>,
  ): Promise<Response> {
    const url = `${registryBaseUrl(ref.registry, this.insecureRegistries)}/v2/${ref.repository}/${path}`;
    const target: RequestTarget = { reference: ref.raw, registry: ref.registry };
    const key = `${ref.registry}/${ref.repository}`;
    const cached = this.authorizations.get(key);
    let response = await send(
      target,
      url,
      { headers: this.withAuth(headers, cached) },
      this.timeoutMs,
    );
    if (response.status === 401) {
      const challenge = response.headers.get("www-authenticate");
      await response.body?.cancel();
      const credentials = this.credentials(ref.registry);
      const authorization = await authorize(
        target,
        ref.repository,
        challenge,
        credentials,
        this.timeoutMs,
      );
      this.authorizations.set(key, authorization);
      response = await send(
        target,
        url,
        { headers: this.withAuth(headers, authorization) },
        this.timeoutMs,
      );
    }
    if (response.status === 401 || response.status === 403) {
      await response.body?.cancel();
      throw authError(target, ref.repository, response.status, this.credentials(ref.registry));
    }
    return response;
  }

  private withAuth(
    headers: Record<string, string>,
    authorization: string | undefined,
  ): Record<string, string> {
    return authorization === undefined ? headers : { ...headers, Authorization: authorization };
  }
}
