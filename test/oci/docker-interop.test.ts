import { strict as assert } from "assert";
import { mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { RegistryClient } from "../../oci/client";
import { dockerConfigCredentials } from "../../oci/docker-config";
import { buildAndPush, docker, requireDocker } from "../../dev/docker";
import { runCli } from "../support/run-cli";
import {
  AUTH_REGISTRY,
  DEBIAN_IMAGE,
  describeManifest,
  dockerConfigDir,
  PLAIN_REGISTRY,
  pushIndex,
  REGISTRY_PASSWORD,
  REGISTRY_USER,
  requireRegistries,
  uniqueRepository,
} from "../../dev/registry";

describe("registry client and hardened pin agree with Docker", function () {
  this.timeout(180_000);
  const config = dockerConfigDir({
    [AUTH_REGISTRY]: { user: REGISTRY_USER, password: REGISTRY_PASSWORD },
  });
  const client = new RegistryClient({
    credentials: dockerConfigCredentials(join(config, "config.json")),
  });

  before(async function () {
    await requireRegistries(this);
    requireDocker(this);
  });

  for (const registry of [PLAIN_REGISTRY, AUTH_REGISTRY]) {
    it(`resolves an image docker pushed to ${registry} to the digest docker reported`, async () => {
      const image = `${registry}/${uniqueRepository("docker")}:1`;
      const dockerfile = `FROM ${PLAIN_REGISTRY}/${DEBIAN_IMAGE}\nRUN echo ${image} > /marker\nUSER 65532\n`;
      const pushed = buildAndPush(image, dockerfile, { DOCKER_CONFIG: config });
      assert.equal((await client.resolveDigest(image)).digest, pushed);
    });
  }

  it("resolves an index over an image docker pushed to the index digest, and docker pulls it", async () => {
    const repository = uniqueRepository("docker-index");
    const image = `${PLAIN_REGISTRY}/${repository}:single`;
    const pushed = buildAndPush(image, `FROM ${PLAIN_REGISTRY}/${DEBIAN_IMAGE}\nUSER 65532\n`);
    const manifest = await describeManifest(PLAIN_REGISTRY, repository, pushed);
    const index = await pushIndex(PLAIN_REGISTRY, repository, "multi", [
      { manifest, platform: { os: "linux", architecture: "amd64" } },
    ]);
    assert.equal(
      (await client.resolveDigest(`${PLAIN_REGISTRY}/${repository}:multi`)).digest,
      index.digest,
    );
    const pinned = `${PLAIN_REGISTRY}/${repository}:multi@${index.digest}`;
    docker(["pull", "-q", pinned]);
    docker(["rmi", pinned]);
  });

  it("pins a Dockerfile that docker then builds from the pinned digests", () => {
    const dir = mkdtempSync(join(tmpdir(), "hardened-pin-build-"));
    const dockerfile = join(dir, "Dockerfile");
    writeFileSync(
      dockerfile,
      `FROM ${AUTH_REGISTRY}/${DEBIAN_IMAGE}\nCOPY --from=${PLAIN_REGISTRY}/tiny /hello.txt /hello.txt\nUSER 65532\n`,
    );
    const saved = process.env.DOCKER_CONFIG;
    process.env.DOCKER_CONFIG = config;
    try {
      const run = runCli(["pin", dockerfile, "--write"]);
      assert.equal(run.code, 0, run.stderr);
    } finally {
      if (saved === undefined) {
        delete process.env.DOCKER_CONFIG;
      } else {
        process.env.DOCKER_CONFIG = saved;
      }
    }
    const tag = `hardened-test-pinned:${process.pid}`;
    docker(["build", "-q", "-t", tag, dir], { env: { DOCKER_CONFIG: config } });
    assert.equal(docker(["run", "--rm", tag, "cat", "/hello.txt"]), "hardened test image\n");
    docker(["rmi", tag]);
  });
});
