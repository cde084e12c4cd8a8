import { strict as assert } from "assert";
import { parseImageConfig } from "../../image/config";
import { parsePlatform, selectPlatform } from "../../image/platform";

describe("image config parsing", () => {
  it("reads the runtime config, converting the health check's nanoseconds", () => {
    const parsed = parseImageConfig(
      Buffer.from(
        JSON.stringify({
          os: "linux",
          architecture: "arm64",
          variant: "v8",
          config: {
            User: "10001",
            Env: ["A=1"],
            Entrypoint: ["/app"],
            Cmd: null,
            Healthcheck: { Test: ["CMD", "/app", "health"], Interval: 5e9, StartPeriod: 2e10 },
            ExposedPorts: { "8080/tcp": {} },
            Volumes: { "/data": {} },
            Labels: { a: "b", n: 1 },
          },
          history: [
            { created_by: "COPY . /app", empty_layer: false },
            { created_by: "USER 10001", empty_layer: true },
          ],
          rootfs: { type: "layers", diff_ids: ["sha256:1"] },
        }),
      ),
      "img",
    );
    assert.deepEqual(parsed, {
      config: {
        user: "10001",
        env: ["A=1"],
        entrypoint: ["/app"],
        cmd: [],
        healthcheck: {
          test: ["CMD", "/app", "health"],
          startPeriodSeconds: 20,
          intervalSeconds: 5,
          retries: 3,
        },
        exposedPorts: ["8080/tcp"],
        volumes: ["/data"],
        labels: { a: "b" },
      },
      history: [
        { createdBy: "COPY . /app", emptyLayer: false },
        { createdBy: "USER 10001", emptyLayer: true },
      ],
      platform: "linux/arm64/v8",
      diffIds: ["sha256:1"],
    });
  });

  it("reads an empty config as no user, no health check", () => {
    const parsed = parseImageConfig(Buffer.from("{}"), "img");
    assert.equal(parsed.config.user, "");
    assert.equal(parsed.config.healthcheck, undefined);
    assert.deepEqual(parsed.history, []);
  });
});

describe("platforms", () => {
  it("parses os/arch[/variant] and names a malformed value", () => {
    assert.deepEqual(parsePlatform("linux/arm64/v8"), {
      os: "linux",
      architecture: "arm64",
      variant: "v8",
    });
    assert.deepEqual(parsePlatform("linux/amd64"), { os: "linux", architecture: "amd64" });
    for (const bad of ["linux", "linux/amd64/v1/x", "Linux/AMD64", "linux//"]) {
      assert.throws(
        () => parsePlatform(bad),
        new RegExp(`platform "${bad}" is not of the form os/architecture`),
      );
    }
  });

  it("compares the variant only when one is asked for", () => {
    const manifests = [
      { digest: "sha256:a", platform: { os: "linux", architecture: "arm", variant: "v6" } },
      { digest: "sha256:b", platform: { os: "linux", architecture: "arm", variant: "v7" } },
    ];
    assert.equal(
      selectPlatform(manifests, parsePlatform("linux/arm/v7"), "img").digest,
      "sha256:b",
    );
    assert.equal(selectPlatform(manifests, parsePlatform("linux/arm"), "img").digest, "sha256:a");
  });
});
