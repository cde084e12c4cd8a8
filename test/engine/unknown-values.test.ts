import * as assert from "assert";
import { existsSync, readdirSync } from "fs";
import { join } from "path";
import { createEngineWorkspace, EngineWorkspace } from "../../preview/engine/engine-workspace";
import { runEngineOperation } from "../../preview/engine/run-engine-operation";
import { requireDocker } from "../../dev/docker";
import { engineViolations, requireEngine } from "../support/engine";
import { requireRegistries } from "../../dev/registry";

const ROOT = join(__dirname, "..", "..");
const PROGRAM = join(ROOT, "test", "fixtures", "programs", "built-image");
const PACK = join(ROOT, "policies");
const NO_DOWNLOADS = { PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true" };

describe("an image built in the same update, under the real engine with the policy pack", function () {
  this.timeout(900_000);
  let engineBin: string;

  before(async function () {
    engineBin = requireEngine(this);
    requireDocker(this);
    await requireRegistries(this);
  });

  for (const byDigest of [true, false]) {
    describe(byDigest ? "deployed by digest" : "deployed by tag", () => {
      let workspace: EngineWorkspace;
      const run = (operation: "preview" | "up" | "destroy") =>
        runEngineOperation(workspace, operation, {
          engineBin,
          policyPacks: operation === "destroy" ? [] : [PACK],
          config: {
            "built-image:byDigest": String(byDigest),
            "built-image:renderDir": join(workspace.workDir, "rendered"),
          },
          env: NO_DOWNLOADS,
        });

      before(() => {
        workspace = createEngineWorkspace(PROGRAM, { stack: byDigest ? "digest" : "tag" });
      });
      after(async () => {
        if (workspace) {
          await run("destroy");
          workspace.dispose();
        }
      });

      it("passes pulumi preview: the image is not known yet, and no rule reports it", async () => {
        const result = await run("preview");
        assert.strictEqual(result.exitCode, 0, `${result.stdout}\n${result.stderr}`);
        assert.deepStrictEqual(
          engineViolations(result.stdout).filter((v) => v.level === "mandatory"),
          [],
        );
      });

      it(
        byDigest
          ? "passes pulumi up once the pushed digest is known"
          : "fails pulumi up on image-digest once the pushed tag is known, before the Deployment is created",
        async () => {
          const result = await run("up");
          const blocked = engineViolations(result.stdout).filter((v) => v.level === "mandatory");
          if (byDigest) {
            assert.strictEqual(result.exitCode, 0, `${result.stdout}\n${result.stderr}`);
            assert.match(
              String(result.outputs?.ref),
              /^127\.0\.0\.1:5000\/[^@]+@sha256:[0-9a-f]{64}$/,
            );
            assert.deepStrictEqual(blocked, []);
          } else {
            assert.notStrictEqual(result.exitCode, 0, result.stdout);
            assert.deepStrictEqual(
              blocked.map((v) => v.policy),
              ["image-digest"],
              result.stdout,
            );
            assert.match(
              result.stdout,
              /container "app": spec\.template\.spec\.containers\[0\]\.image: image "127\.0\.0\.1:5000\/hardened-engine-test\/app:engine-test" is not pinned by digest/,
            );
            const manifests = join(workspace.workDir, "rendered", "1-manifest");
            const written = existsSync(manifests) ? readdirSync(manifests) : [];
            assert.deepStrictEqual(
              written.filter((f) => /deployment/i.test(f)),
              [],
              "the blocked Deployment was written",
            );
          }
        },
      );
    });
  }
});
