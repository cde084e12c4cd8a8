import { strict as assert } from "assert";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { runCli } from "../support/run-cli";
import {
  AUTH_REGISTRY,
  closedPort,
  dockerConfigDir,
  PLAIN_REGISTRY,
  pushImage,
  pushMultiPlatformImage,
  REGISTRY_PASSWORD,
  REGISTRY_USER,
  requireRegistries,
  uniqueRepository,
} from "../../dev/registry";

function project(dockerfile: string): { dir: string; dockerfile: string; lock: string } {
  const dir = mkdtempSync(join(tmpdir(), "hardened-pin-"));
  writeFileSync(join(dir, "Dockerfile"), dockerfile);
  return { dir, dockerfile: join(dir, "Dockerfile"), lock: join(dir, "hardened.lock.json") };
}

/** Runs `hardened pin` with `DOCKER_CONFIG` pointing at credentials for the auth registry. */
function pin(args: readonly string[], password = REGISTRY_PASSWORD) {
  const saved = process.env.DOCKER_CONFIG;
  process.env.DOCKER_CONFIG = dockerConfigDir({
    [AUTH_REGISTRY]: { user: REGISTRY_USER, password },
  });
  try {
    return runCli(["pin", ...args]);
  } finally {
    if (saved === undefined) {
      delete process.env.DOCKER_CONFIG;
    } else {
      process.env.DOCKER_CONFIG = saved;
    }
  }
}

describe("hardened pin against the local registries", function () {
  this.timeout(60_000);

  before(async function () {
    await requireRegistries(this);
  });

  it("prints the Dockerfile pinned to digests (index digest for multi-platform, with and without auth) and writes the lock", async () => {
    const multi = uniqueRepository("pin-multi");
    const single = uniqueRepository("pin-single");
    const { index } = await pushMultiPlatformImage(PLAIN_REGISTRY, multi, "1.0");
    const image = await pushImage(AUTH_REGISTRY, single, "2.0", { format: "docker" });
    const text = `FROM ${PLAIN_REGISTRY}/${multi}:1.0 AS build\nFROM ${AUTH_REGISTRY}/${single}:2.0\nCOPY --from=build /a /a\n`;
    const p = project(text);
    const run = pin([p.dockerfile]);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(
      run.stdout,
      `FROM ${PLAIN_REGISTRY}/${multi}:1.0@${index.digest} AS build\nFROM ${AUTH_REGISTRY}/${single}:2.0@${image.digest}\nCOPY --from=build /a /a\n`,
    );
    assert.equal(
      run.stderr,
      `${p.dockerfile}:1 ${PLAIN_REGISTRY}/${multi}:1.0 -> ${PLAIN_REGISTRY}/${multi}:1.0@${index.digest} (resolved at ${PLAIN_REGISTRY})\n` +
        `${p.dockerfile}:2 ${AUTH_REGISTRY}/${single}:2.0 -> ${AUTH_REGISTRY}/${single}:2.0@${image.digest} (resolved at ${AUTH_REGISTRY})\n` +
        `2 pinned (0 from ${p.lock}, 2 resolved), 0 kept; wrote ${p.lock}\n`,
    );
    assert.equal(readFileSync(p.dockerfile, "utf8"), text);
    const lock = JSON.parse(readFileSync(p.lock, "utf8"));
    assert.equal(lock.version, 1);
    assert.deepEqual(
      lock.images.map((e: Record<string, string>) => [
        e.reference,
        e.registry,
        e.digest,
        e.mediaType,
      ]),
      [
        [
          `${PLAIN_REGISTRY}/${multi}:1.0`,
          PLAIN_REGISTRY,
          index.digest,
          "application/vnd.oci.image.index.v1+json",
        ],
        [
          `${AUTH_REGISTRY}/${single}:2.0`,
          AUTH_REGISTRY,
          image.digest,
          "application/vnd.docker.distribution.manifest.v2+json",
        ],
      ].sort((a, b) => (a[0] < b[0] ? -1 : 1)),
    );
    assert.ok(
      lock.images.every((e: { resolvedAt: string }) => !Number.isNaN(Date.parse(e.resolvedAt))),
    );
  });

  it("keeps pins stable when the tag moves, until --update", async () => {
    const repository = uniqueRepository("pin-moving");
    const first = await pushImage(PLAIN_REGISTRY, repository, "stable", { marker: "first" });
    const text = `FROM ${PLAIN_REGISTRY}/${repository}:stable\nUSER 65532\n`;
    const p = project(text);
    const lockFile = join(p.dir, "custom.lock.json");
    const written = pin([p.dockerfile, "--write", "--lock", lockFile]);
    assert.equal(written.code, 0, written.stderr);
    assert.equal(
      readFileSync(p.dockerfile, "utf8"),
      `FROM ${PLAIN_REGISTRY}/${repository}:stable@${first.digest}\nUSER 65532\n`,
    );
    assert.ok(existsSync(lockFile) && !existsSync(p.lock));

    const second = await pushImage(PLAIN_REGISTRY, repository, "stable", { marker: "second" });
    assert.notEqual(second.digest, first.digest);
    writeFileSync(p.dockerfile, text);
    const stable = pin([p.dockerfile, "--lock", lockFile]);
    assert.equal(stable.code, 0, stable.stderr);
    assert.equal(
      stable.stdout,
      `FROM ${PLAIN_REGISTRY}/${repository}:stable@${first.digest}\nUSER 65532\n`,
    );
    assert.match(
      stable.stderr,
      /\(from the lock file\)\n1 pinned \(1 from .*custom\.lock\.json, 0 resolved\), 0 kept; nothing written\n$/,
    );

    const updated = pin([p.dockerfile, "--write", "--update", "--lock", lockFile]);
    assert.equal(updated.code, 0, updated.stderr);
    assert.equal(
      readFileSync(p.dockerfile, "utf8"),
      `FROM ${PLAIN_REGISTRY}/${repository}:stable@${second.digest}\nUSER 65532\n`,
    );
    const lock = JSON.parse(readFileSync(lockFile, "utf8"));
    assert.deepEqual(
      lock.images.map((e: { digest: string }) => e.digest),
      [second.digest],
    );

    const again = pin([p.dockerfile, "--write", "--lock", lockFile]);
    assert.equal(again.code, 0, again.stderr);
    assert.match(
      again.stdout,
      /kept .*: it is already pinned; run with --update to move it to the tag's current digest\n0 pinned \(0 from .*, 0 resolved\), 1 kept; nothing written\n$/,
    );
  });

  const failures: {
    name: string;
    image: () => Promise<string>;
    password?: string;
    message: RegExp;
  }[] = [
    {
      name: "an unknown tag",
      image: async () => {
        const repository = uniqueRepository("pin-unknown");
        await pushImage(PLAIN_REGISTRY, repository, "exists");
        return `${PLAIN_REGISTRY}/${repository}:missing`;
      },
      message:
        /has no manifest for 127\.0\.0\.1:5000\/hardened-test\/pin-unknown-[^ ]+:missing \(HTTP 404, MANIFEST_UNKNOWN: manifest unknown\)$/,
    },
    {
      name: "a closed port",
      image: async () => `127.0.0.1:${await closedPort()}/debian:bookworm-slim`,
      message:
        /cannot reach registry 127\.0\.0\.1:\d+ for 127\.0\.0\.1:\d+\/debian:bookworm-slim \(http:.*\): connection refused/,
    },
    {
      name: "a wrong password",
      image: async () => `${AUTH_REGISTRY}/debian:bookworm-slim`,
      password: "wrong",
      message:
        /registry 127\.0\.0\.1:5001 refused the credentials from .*config\.json for 127\.0\.0\.1:5001\/debian:bookworm-slim \(HTTP 401\); check the user name and password/,
    },
  ];
  for (const failure of failures) {
    it(`exits 2 for ${failure.name}, writing nothing and printing no stack trace`, async () => {
      const text = `FROM ${PLAIN_REGISTRY}/debian:bookworm-slim\nFROM ${await failure.image()}\n`;
      const p = project(text);
      const run = pin([p.dockerfile, "--write"], failure.password);
      assert.equal(run.code, 2);
      assert.equal(run.stdout, "");
      assert.ok(run.stderr.startsWith(`hardened: cannot pin ${p.dockerfile}: `), run.stderr);
      assert.match(run.stderr.trim(), failure.message);
      assert.equal(run.stderr.trim().split("\n").length, 1);
      assert.ok(!run.stderr.includes("wrong"));
      assert.equal(readFileSync(p.dockerfile, "utf8"), text);
      assert.ok(!existsSync(p.lock));
    });
  }
});

describe("hardened pin input errors", function () {
  this.timeout(60_000);

  it("exits 2 for a Dockerfile that cannot be read or parsed", () => {
    const missing = runCli(["pin", join(tmpdir(), "no-such-hardened-dir", "Dockerfile")]);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /^hardened: cannot read .*Dockerfile: ENOENT\n$/);
    const p = project("RUN true\n");
    const bad = runCli(["pin", p.dockerfile]);
    assert.equal(bad.code, 2);
    assert.ok(
      bad.stderr.startsWith(`hardened: cannot pin ${p.dockerfile}: ${p.dockerfile}:1: `),
      bad.stderr,
    );
  });
});
