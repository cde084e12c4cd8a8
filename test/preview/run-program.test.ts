import { strict as assert } from "assert";
import { mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { SecretValue, UNKNOWN } from "../../preview/analyzer/properties";
import { findProgramEntry } from "../../preview/program-entry";
import { runProgram } from "../../preview/run-program";
import { SDK_FALLBACK_ENV } from "../../policies/sdk-internals";

const PROGRAMS = join(__dirname, "..", "fixtures", "programs");
const MIXED = join(PROGRAMS, "mixed");

describe("runProgram", () => {
  it("captures every custom resource with its inputs as the engine receives them", async () => {
    const resources = await runProgram(MIXED, {
      config: { "mixed:apiToken": "s3cret-token" },
      secretKeys: ["mixed:apiToken"],
    });
    assert.deepEqual(
      resources.map((r) => [r.type, r.name, r.urn]),
      [
        ["docker:index/image:Image", "app", "urn:pulumi:dev::mixed::docker:index/image:Image::app"],
        [
          "kubernetes:apps/v1:Deployment",
          "app",
          "urn:pulumi:dev::mixed::kubernetes:apps/v1:Deployment::app",
        ],
      ],
    );
    const [image, deployment] = resources;
    const args = (image.properties.build as { args: Record<string, unknown> }).args;
    assert.ok(args.API_TOKEN instanceof SecretValue, "a secret config value stays secret");
    assert.equal(args.API_TOKEN.value, "s3cret-token");
    const spec = deployment.properties.spec as {
      template: { spec: { containers: { image: unknown }[] } };
    };
    assert.equal(
      spec.template.spec.containers[0].image,
      UNKNOWN,
      "the digest is not known during preview",
    );
  });

  it("runs the program anew on every call and fails with its error, naming the program", async () => {
    await assert.rejects(runProgram(MIXED), /mixed: the program failed: .*apiToken/);
  });

  it("applies the config defaults of Pulumi.yaml under the stack's values", async () => {
    const [configMap] = await runProgram(join(PROGRAMS, "defaults"));
    assert.deepEqual(configMap.properties.data, { greeting: "hello", replicas: "2" });
    const [overridden] = await runProgram(join(PROGRAMS, "defaults"), {
      config: { "defaults:greeting": "bonjour" },
    });
    assert.deepEqual(overridden.properties.data, { greeting: "bonjour", replicas: "2" });
  });

  it("reports an input that fails to resolve instead of hanging", async () => {
    await assert.rejects(
      runProgram(join(PROGRAMS, "failing-input")),
      /failing-input: the program failed: .*cannot reach registry 127\.0\.0\.1:5999/,
    );
  });

  it("captures the same resources when @pulumi/pulumi/runtime/settings is missing, saying so once", async () => {
    const run = {
      config: { "mixed:apiToken": "s3cret-token" },
      secretKeys: ["mixed:apiToken"],
    };
    const expected = await runProgram(MIXED, run);
    const printed: string[] = [];
    const error = console.error;
    process.env[SDK_FALLBACK_ENV] = "pulumi-runtime-settings";
    console.error = (line: string) => printed.push(line);
    try {
      assert.deepStrictEqual(await runProgram(MIXED, run), expected);
      assert.deepStrictEqual(await runProgram(MIXED, run), expected);
    } finally {
      console.error = error;
      delete process.env[SDK_FALLBACK_ENV];
    }
    assert.equal(printed.length, 1, printed.join("\n"));
    assert.match(
      printed[0],
      /^hardened: @pulumi\/pulumi \S+: @pulumi\/pulumi\/runtime\/settings is treated as missing \(HARDENED_SDK_FALLBACK\) \(pulumi-runtime-settings\); pulumi\.runtime\.disconnect\(\) waits/,
    );
  });

  it("refuses folders that are not Node.js Pulumi programs", () => {
    const dir = mkdtempSync(join(tmpdir(), "hardened-program-"));
    assert.throws(() => findProgramEntry(dir), /is not a Pulumi program: no Pulumi\.yaml/);
    writeFileSync(join(dir, "Pulumi.yaml"), "name: p\nruntime: python\n");
    assert.throws(
      () => findProgramEntry(dir),
      /runtime is "python"; hardened preview runs nodejs programs only/,
    );
    writeFileSync(join(dir, "Pulumi.yaml"), "name: p\nruntime:\n  name: nodejs\nmain: src/\n");
    assert.throws(() => findProgramEntry(dir), /no program entry point/);
  });
});
