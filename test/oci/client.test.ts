import assert from "assert";
import { RegistryClient } from "../../oci/client";
import { dockerConfigCredentials } from "../../oci/docker-config";
import {
  BlobUnknownError,
  ManifestUnknownError,
  RegistryAuthError,
  RegistryUnreachableError,
} from "../../oci/errors";
import {
  OCI_INDEX,
  DOCKER_MANIFEST_LIST,
  OCI_MANIFEST,
  DOCKER_MANIFEST,
} from "../../oci/media-types";
import {
  AUTH_REGISTRY,
  closedPort,
  DEBIAN_IMAGE,
  dockerConfigDir,
  PLAIN_REGISTRY,
  pushImage,
  pushMultiPlatformImage,
  REGISTRY_PASSWORD,
  REGISTRY_USER,
  requireRegistries,
  uniqueRepository,
} from "../../dev/registry";
import { join } from "path";

const withCredentials = (password: string) =>
  new RegistryClient({
    credentials: dockerConfigCredentials(
      join(dockerConfigDir({ [AUTH_REGISTRY]: { user: REGISTRY_USER, password } }), "config.json"),
    ),
  });

describe("RegistryClient against the local registries", function () {
  this.timeout(30_000);
  const client = withCredentials(REGISTRY_PASSWORD);

  before(async function () {
    await requireRegistries(this);
  });

  for (const registry of [PLAIN_REGISTRY, AUTH_REGISTRY]) {
    for (const format of ["oci", "docker"] as const) {
      it(`resolves a single-platform ${format} manifest on ${registry} to its digest`, async () => {
        const repository = uniqueRepository("single");
        const pushed = await pushImage(registry, repository, "1.0", { format });
        const resolved = await client.resolveDigest(`${registry}/${repository}:1.0`);
        assert.deepStrictEqual(resolved, {
          digest: pushed.digest,
          mediaType: format === "oci" ? OCI_MANIFEST : DOCKER_MANIFEST,
        });
      });

      it(`resolves a multi-platform ${format} image on ${registry} to its index digest`, async () => {
        const repository = uniqueRepository("multi");
        const { index, manifests } = await pushMultiPlatformImage(registry, repository, "2.0", {
          format,
        });
        const fetched = await client.getManifest(`${registry}/${repository}:2.0`);
        assert.strictEqual(fetched.digest, index.digest);
        assert.strictEqual(fetched.mediaType, format === "oci" ? OCI_INDEX : DOCKER_MANIFEST_LIST);
        assert.strictEqual(fetched.isIndex, true);
        assert.deepStrictEqual(
          (fetched.json.manifests as { digest: string }[]).map((m) => m.digest),
          manifests.map((m) => m.digest),
        );
      });
    }
  }

  it("resolves the Debian base image start.sh pushed to both registries to the same digest", async () => {
    const plain = await client.resolveDigest(`${PLAIN_REGISTRY}/${DEBIAN_IMAGE}`);
    const auth = await client.resolveDigest(`${AUTH_REGISTRY}/${DEBIAN_IMAGE}`);
    assert.match(plain.digest, /^sha256:[a-f0-9]{64}$/);
    assert.strictEqual(auth.digest, plain.digest);
  });

  it("fetches a manifest by digest and streams its config blob, verified", async () => {
    const repository = uniqueRepository("blob");
    const pushed = await pushImage(AUTH_REGISTRY, repository, "1", { marker: "blob-test" });
    const manifest = await client.getManifest(`${AUTH_REGISTRY}/${repository}@${pushed.digest}`);
    const config = manifest.json.config as { digest: string };
    const bytes = await client.readBlob(manifest.reference, config.digest);
    assert.strictEqual(JSON.parse(bytes.toString()).config.Labels["test.marker"], "blob-test");
  });

  it("throws BlobUnknownError for a blob the repository does not have", async () => {
    const repository = uniqueRepository("noblob");
    await pushImage(PLAIN_REGISTRY, repository, "1");
    const missing = `sha256:${"0".repeat(64)}`;
    await assert.rejects(
      client.readBlob(`${PLAIN_REGISTRY}/${repository}:1`, missing),
      (error: Error) => {
        assert.ok(error instanceof BlobUnknownError);
        assert.match(error.message, new RegExp(`has no blob ${missing}`));
        return true;
      },
    );
  });

  const failures: {
    name: string;
    reference: () => Promise<string>;
    client: () => RegistryClient;
    error: new (...args: never[]) => Error;
    message: RegExp;
  }[] = [
    {
      name: "an unknown tag",
      reference: async () => {
        const repository = uniqueRepository("tagless");
        await pushImage(PLAIN_REGISTRY, repository, "exists");
        return `${PLAIN_REGISTRY}/${repository}:missing`;
      },
      client: () => client,
      error: ManifestUnknownError,
      message:
        /^registry 127\.0\.0\.1:5000 has no manifest for 127\.0\.0\.1:5000\/hardened-test\/tagless-[^ ]+:missing \(HTTP 404, MANIFEST_UNKNOWN/,
    },
    {
      name: "a closed port",
      reference: async () => `127.0.0.1:${await closedPort()}/debian:bookworm-slim`,
      client: () => client,
      error: RegistryUnreachableError,
      message:
        /^cannot reach registry 127\.0\.0\.1:\d+ for 127\.0\.0\.1:\d+\/debian:bookworm-slim \(http:\/\/127\.0\.0\.1:\d+\/v2\/debian\/manifests\/bookworm-slim\): connection refused/,
    },
    {
      name: "a wrong password",
      reference: async () => `${AUTH_REGISTRY}/${DEBIAN_IMAGE}`,
      client: () => withCredentials("not-the-password"),
      error: RegistryAuthError,
      message:
        /^registry 127\.0\.0\.1:5001 refused the credentials from \/[^ ]+\/config\.json for 127\.0\.0\.1:5001\/debian:bookworm-slim \(HTTP 401\); check the user name and password/,
    },
    {
      name: "no credentials",
      reference: async () => `${AUTH_REGISTRY}/${DEBIAN_IMAGE}`,
      client: () => new RegistryClient({ credentials: () => undefined }),
      error: RegistryAuthError,
      message:
        /^registry 127\.0\.0\.1:5001 refused anonymous access to 127\.0\.0\.1:5001\/debian:bookworm-slim \(HTTP 401\); .*no credentials for 127\.0\.0\.1:5001 were found/,
    },
  ];
  for (const failure of failures) {
    it(`throws ${failure.error.name} for ${failure.name}`, async () => {
      const reference = await failure.reference();
      await assert.rejects(failure.client().resolveDigest(reference), (error: Error) => {
        assert.ok(error instanceof failure.error, `${error.name}: ${error.message}`);
        assert.match(error.message, failure.message);
        assert.ok(!error.message.includes(REGISTRY_PASSWORD));
        return true;
      });
    });
  }
});
