import { strict as assert } from "assert";
import { existsSync, readdirSync } from "fs";
import { join } from "path";
import * as pulumi from "@pulumi/pulumi";
import { HardenedImage } from "../../../components/hardened-image/hardened-image";
import { placeholderDigest } from "../../../components/hardened-image/run-mode";
import { closedPort } from "../../../dev/registry";
import { HARDENED_IMAGE_BUILD_TYPE } from "../../../rules/docker-resource";
import { contextWith, fakeDigest } from "./fixtures";
import { isKnown, mockResources, valueOf } from "./mocks";

const LOCKED = fakeDigest("a");

/** A Dockerfile that passes the lint, from `base`. */
function dockerfile(base: string): string {
  return `FROM ${base}\nUSER 65532:65532\nENTRYPOINT ["/app"]\nHEALTHCHECK CMD ["/app", "-healthcheck"]\n`;
}

/** A lock file holding `reference` at LOCKED. */
function lockWith(registry: string, reference: string): string {
  return JSON.stringify({
    version: 1,
    images: [
      {
        reference,
        registry,
        digest: LOCKED,
        mediaType: "application/vnd.oci.image.manifest.v1+json",
        resolvedAt: "2026-01-01T00:00:00.000Z",
      },
    ],
  });
}

/** Records `pulumi.log.warn` messages while `run` runs. */
async function warnings(run: () => Promise<void>): Promise<string[]> {
  const seen: string[] = [];
  const original = pulumi.log.warn;
  pulumi.log.warn = (message: string) => {
    seen.push(message);
    return Promise.resolve();
  };
  try {
    await run();
  } finally {
    pulumi.log.warn = original;
  }
  return seen;
}

describe("HardenedImage without a registry", () => {
  let registry: string;

  before(async () => {
    registry = `127.0.0.1:${await closedPort()}`;
  });

  describe("in a unit test (mocks, not a preview): offline by default", () => {
    it("pins to deterministic placeholders, writes nothing, and releases a placeholder ref", async () => {
      const registered = mockResources({ repoDigest: null });
      const base = `${registry}/base:1`;
      const context = contextWith({ Dockerfile: dockerfile(base) });
      const image = new HardenedImage("unit", { imageName: `${registry}/app:v1`, context });
      const text = await valueOf(image.dockerfile);
      const digest = placeholderDigest(`${registry}/base:1`);
      assert.match(text, new RegExp(`^FROM ${base}@${digest}$`, "m"));
      assert.equal(await valueOf(image.ref), `${registry}/app@${placeholderDigest(text)}`);
      assert.equal(await valueOf(image.report), undefined);
      assert.deepEqual(await valueOf(image.baseImages), [
        { name: `${registry}/base`, tag: "1", digest },
      ]);
      assert.deepEqual(readdirSync(context), ["Dockerfile"]);
      assert.equal(registered.filter((r) => r.type === HARDENED_IMAGE_BUILD_TYPE).length, 1);
    });

    it("takes a digest the lock file holds", async () => {
      mockResources();
      const base = `${registry}/base:1`;
      const context = contextWith({
        Dockerfile: dockerfile(base),
        "hardened.lock.json": lockWith(registry, base),
      });
      const image = new HardenedImage("locked", { imageName: `${registry}/app:v1`, context });
      assert.match(await valueOf(image.dockerfile), new RegExp(`^FROM ${base}@${LOCKED}$`, "m"));
    });

    it("contacts the registry with offline: false, and fails on an unreachable one", async () => {
      mockResources();
      const context = contextWith({ Dockerfile: dockerfile(`${registry}/base:1`) });
      const image = new HardenedImage("online", {
        imageName: `${registry}/app:v1`,
        context,
        offline: false,
      });
      await assert.rejects(valueOf(image.dockerfile), /cannot reach registry/);
    });
  });

  describe("in a preview that cannot reach the registry", () => {
    it("pins from the lock file and writes nothing", async () => {
      mockResources({ preview: true, repoDigest: null });
      const base = `${registry}/base:1`;
      const context = contextWith({
        Dockerfile: dockerfile(base),
        "hardened.lock.json": lockWith(registry, base),
      });
      const image = new HardenedImage("locked", { imageName: `${registry}/app:v1`, context });
      assert.match(await valueOf(image.dockerfile), new RegExp(`^FROM ${base}@${LOCKED}$`, "m"));
      assert.deepEqual(readdirSync(context).sort(), ["Dockerfile", "hardened.lock.json"]);
    });

    it("leaves the image unknown with a warning instead of failing, and writes nothing", async () => {
      mockResources({ preview: true, repoDigest: null });
      const context = contextWith({ Dockerfile: dockerfile(`${registry}/base:1`) });
      let image: HardenedImage | undefined;
      const warned = await warnings(async () => {
        image = new HardenedImage("unpinned", { imageName: `${registry}/app:v1`, context });
        assert.equal(await isKnown(image.dockerfile), false);
      });
      assert.equal(await isKnown(image!.ref), false);
      assert.equal(await isKnown(image!.user), false);
      assert.equal(warned.length, 1, warned.join("\n"));
      assert.match(
        warned[0],
        new RegExp(
          `^HardenedImage "unpinned": cannot pin the base images of .*Dockerfile: cannot reach registry ${registry.replace(/\./g, "\\.")} .*; the preview goes on with the image unknown`,
        ),
      );
      assert.equal(existsSync(join(context, "hardened.lock.json")), false);
    });
  });
});
