import { strict as assert } from "assert";
import { gzipSync } from "zlib";
import { parsePlatform } from "../../image/platform";
import { readImageFromRegistry } from "../../image/registry-reader";
import { RegistryClient } from "../../oci/client";
import {
  MEDIA,
  PLAIN_REGISTRY,
  pushBlob,
  pushManifest,
  requireRegistries,
  uniqueRepository,
} from "../../dev/registry";
import { digestOf, tarOf } from "./tar-fixtures";

describe("registry reader on an image whose config lies about its layers (local registry)", function () {
  this.timeout(60_000);
  before(async function () {
    await requireRegistries(this);
  });

  it("refuses a layer that does not match rootfs.diff_ids", async () => {
    const repository = uniqueRepository("diff-ids");
    const tar = await tarOf([{ name: "bin/sh", mode: 0o755, content: "shell" }]);
    const claimed = digestOf(await tarOf([{ name: "app", content: "harmless" }]));
    const layer = gzipSync(tar);
    const config = Buffer.from(
      JSON.stringify({
        os: "linux",
        architecture: "amd64",
        config: {},
        rootfs: { type: "layers", diff_ids: [claimed] },
      }),
    );
    const manifest = {
      schemaVersion: 2,
      mediaType: MEDIA.ociManifest,
      config: {
        mediaType: MEDIA.ociConfig,
        digest: await pushBlob(PLAIN_REGISTRY, repository, config),
        size: config.length,
      },
      layers: [
        {
          mediaType: MEDIA.ociLayer,
          digest: await pushBlob(PLAIN_REGISTRY, repository, layer),
          size: layer.length,
        },
      ],
    };
    await pushManifest(PLAIN_REGISTRY, repository, "1", manifest, MEDIA.ociManifest);
    const reference = `${PLAIN_REGISTRY}/${repository}:1`;
    await assert.rejects(
      readImageFromRegistry(reference, {
        client: new RegistryClient(),
        platform: parsePlatform("linux/amd64"),
        resolveBase: false,
      }),
      {
        name: "ImageReadError",
        message: `${reference}: layer 0 (${digestOf(layer)}) does not match rootfs.diff_ids[0] of the config: expected ${claimed}, got ${digestOf(tar)}`,
      },
    );
  });
});
