import { strict as assert } from "assert";
import { join } from "path";
import { runProgram } from "../../preview/run-program";
import { UNKNOWN } from "../../preview/analyzer/properties";
import { RunningPack, startRunningPack } from "../support/analyzer/running-pack";

/** A program as a user writes it: an image built in the stack, deployed, with secrets. */
const PROGRAM = join(__dirname, "..", "fixtures", "programs", "leaky");

describe("a Pulumi program's resources, captured under mocks and sent to the pack", function () {
  this.timeout(180000);
  let running: RunningPack;

  before(async () => {
    running = await startRunningPack();
    await running.analyzer.configure({});
  });

  after(async () => {
    await running?.stop();
  });

  it("captures inputs as the engine gets them during preview: unknowns and secrets", async () => {
    const resources = await runProgram(PROGRAM);
    assert.deepEqual(
      resources.map((r) => [r.type, r.name]),
      [
        ["docker:index/image:Image", "api"],
        ["kubernetes:apps/v1:Deployment", "api"],
      ],
    );
    const deployment = resources[1].properties as {
      spec: { template: { spec: { containers: { image: unknown }[] } } };
    };
    assert.equal(deployment.spec.template.spec.containers[0].image, UNKNOWN);
  });

  it("reports the violations, skips what is unknown and never echoes a secret", async () => {
    const resources = await runProgram(PROGRAM);
    const byName: Record<string, string[]> = {};
    const messages: string[] = [];
    for (const resource of resources) {
      const diagnostics = await running.analyzer.analyze(resource);
      byName[resource.type] = diagnostics.map((d) => d.policyName);
      messages.push(...diagnostics.map((d) => d.message));
    }
    assert.deepEqual(byName["docker:index/image:Image"], ["docker-build-secret-args"]);
    const deployment = byName["kubernetes:apps/v1:Deployment"];
    assert.ok(deployment.includes("privileged"), deployment.join());
    assert.ok(deployment.includes("env-secret-literal"), deployment.join());
    assert.ok(!deployment.includes("image-digest"), deployment.join());
    assert.ok(messages.every((m) => !m.includes("hunter2")));
  });
});
