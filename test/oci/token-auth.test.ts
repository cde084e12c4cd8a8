import { strict as assert } from "assert";
import { createHash } from "crypto";
import { createServer, IncomingMessage, Server, ServerResponse } from "http";
import { AddressInfo } from "net";
import { RegistryClient } from "../../oci/client";
import { DigestMismatchError, RegistryAuthError, RegistryResponseError } from "../../oci/errors";
import { OCI_MANIFEST } from "../../oci/media-types";

/** The content the fake registry serves for every blob. */
const BLOB = Buffer.from("blob content ".repeat(10_000));
const sha256 = (bytes: Buffer) => `sha256:${createHash("sha256").update(bytes).digest("hex")}`;

/**
 * A fake registry on 127.0.0.1 that, like Docker Hub and GHCR, answers 401 with a Bearer challenge
 * and hands out pull tokens from its own token endpoint: anonymously for public/*, only with basic
 * credentials `u:p` for private/*. Every blob is `BLOB`, whatever its digest. Some repositories
 * misbehave on purpose.
 */
class FakeTokenRegistry {
  readonly requests: string[] = [];
  private readonly server: Server = createServer((req, res) => this.handle(req, res));
  readonly manifest = Buffer.from(
    JSON.stringify({ schemaVersion: 2, mediaType: OCI_MANIFEST, config: {}, layers: [] }),
  );
  readonly digest = sha256(this.manifest);

  get host(): string {
    return `127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  start(): Promise<void> {
    return new Promise((resolve) => this.server.listen(0, "127.0.0.1", resolve));
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? "/", `http://${this.host}`);
    this.requests.push(
      `${req.method} ${url.pathname}${url.search} ${req.headers.authorization ?? "-"}`,
    );
    if (url.pathname === "/token") {
      const scope = url.searchParams.get("scope") ?? "";
      const basic = `Basic ${Buffer.from("u:p").toString("base64")}`;
      if (scope.startsWith("repository:private/") && req.headers.authorization !== basic) {
        res.writeHead(401).end();
        return;
      }
      res
        .writeHead(200, { "Content-Type": "application/json" })
        .end(JSON.stringify({ access_token: `tok-${scope}` }));
      return;
    }
    const match = /^\/v2\/(.+)\/(?:manifests|blobs)\/([^/]+)$/.exec(url.pathname);
    const repository = match?.[1] ?? "";
    if (req.headers.authorization !== `Bearer tok-repository:${repository}:pull`) {
      res
        .writeHead(401, {
          "WWW-Authenticate": `Bearer realm="http://${this.host}/token",service="fake.test",scope="repository:${repository}:pull"`,
        })
        .end();
      return;
    }
    if (url.pathname.includes("/blobs/")) {
      res.writeHead(200, { "Content-Type": "application/octet-stream" }).end(BLOB);
      return;
    }
    if (repository.endsWith("tampered")) {
      res
        .writeHead(200, {
          "Content-Type": OCI_MANIFEST,
          "Docker-Content-Digest": `sha256:${"0".repeat(64)}`,
        })
        .end(this.manifest);
      return;
    }
    if (repository.endsWith("schema1")) {
      res
        .writeHead(200, {
          "Content-Type": "application/vnd.docker.distribution.manifest.v1+prettyjws",
        })
        .end("{}");
      return;
    }
    res
      .writeHead(200, { "Content-Type": OCI_MANIFEST, "Docker-Content-Digest": this.digest })
      .end(this.manifest);
  }
}

describe("RegistryClient with bearer-token registries", () => {
  const registry = new FakeTokenRegistry();
  before(() => registry.start());
  after(() => registry.stop());
  beforeEach(() => registry.requests.splice(0));

  const credentials = (registryHost: string) =>
    registryHost === registry.host
      ? { basic: { username: "u", password: "p" }, source: "test credentials" }
      : undefined;

  it("gets an anonymous pull token from the challenge's realm, then reuses it", async () => {
    const client = new RegistryClient({ credentials: () => undefined });
    const resolved = await client.resolveDigest(`${registry.host}/public/app:1`);
    assert.deepEqual(resolved, { digest: registry.digest, mediaType: OCI_MANIFEST });
    await client.resolveDigest(`${registry.host}/public/app:2`);
    assert.deepEqual(registry.requests, [
      "GET /v2/public/app/manifests/1 -",
      "GET /token?service=fake.test&scope=repository%3Apublic%2Fapp%3Apull -",
      "GET /v2/public/app/manifests/1 Bearer tok-repository:public/app:pull",
      "GET /v2/public/app/manifests/2 Bearer tok-repository:public/app:pull",
    ]);
  });

  it("sends basic credentials to the token endpoint for a private repository", async () => {
    const client = new RegistryClient({ credentials });
    assert.equal(
      (await client.resolveDigest(`${registry.host}/private/app:1`)).digest,
      registry.digest,
    );
    assert.equal(
      registry.requests[1],
      `GET /token?service=fake.test&scope=repository%3Aprivate%2Fapp%3Apull Basic ${Buffer.from("u:p").toString("base64")}`,
    );
  });

  it("throws RegistryAuthError when the token endpoint refuses anonymous access", async () => {
    const client = new RegistryClient({ credentials: () => undefined });
    await assert.rejects(client.resolveDigest(`${registry.host}/private/app:1`), (error: Error) => {
      assert.ok(error instanceof RegistryAuthError);
      assert.match(
        error.message,
        new RegExp(
          `^registry ${registry.host} refused anonymous access to ${registry.host}/private/app:1 \\(HTTP 401\\); the repository private/app is private or does not exist`,
        ),
      );
      return true;
    });
  });

  it("throws DigestMismatchError when Docker-Content-Digest is not the hash of the bytes", async () => {
    const client = new RegistryClient({ credentials });
    await assert.rejects(
      client.resolveDigest(`${registry.host}/public/tampered:1`),
      (error: Error) => {
        assert.ok(error instanceof DigestMismatchError);
        assert.equal(
          error.message,
          `the manifest (Docker-Content-Digest) from registry ${registry.host} for ${registry.host}/public/tampered:1 hashes to ${registry.digest}, not sha256:${"0".repeat(64)}; the registry or a proxy altered it`,
        );
        return true;
      },
    );
  });

  it("throws RegistryResponseError for a schema 1 manifest", async () => {
    const client = new RegistryClient({ credentials });
    await assert.rejects(
      client.resolveDigest(`${registry.host}/public/schema1:1`),
      (error: Error) =>
        error instanceof RegistryResponseError &&
        /a manifest of type "application\/vnd\.docker\.distribution\.manifest\.v1\+prettyjws", which is not supported/.test(
          error.message,
        ),
    );
  });
  it("streams a blob whose content matches its digest", async () => {
    const client = new RegistryClient({ credentials: () => undefined });
    assert.deepEqual(await client.readBlob(`${registry.host}/public/app`, sha256(BLOB)), BLOB);
  });

  it("fails a blob stream with DigestMismatchError when the content does not match", async () => {
    const client = new RegistryClient({ credentials: () => undefined });
    const expected = sha256(Buffer.from("other"));
    await assert.rejects(
      client.readBlob(`${registry.host}/public/app`, expected),
      (error: Error) => {
        assert.ok(error instanceof DigestMismatchError);
        assert.equal(
          error.message,
          `blob ${expected} from registry ${registry.host} for ${registry.host}/public/app hashes to ${sha256(BLOB)}, not ${expected}; the registry or a proxy altered it`,
        );
        return true;
      },
    );
  });
});
