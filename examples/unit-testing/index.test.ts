import { strict as assert } from "assert";
import * as pulumi from "@pulumi/pulumi";

/** The value of an output, for assertions (unknown values come back undefined). */
function valueOf<T>(output: pulumi.Output<T>): Promise<T> {
  return new Promise((resolve) => output.apply(resolve));
}

pulumi.runtime.setMocks(
  {
    newResource: (args) => ({ id: `${args.name}-id`, state: args.inputs }),
    call: (args) => args.inputs,
  },
  "unit-testing",
  "test",
);

describe("the api stack", () => {
  let stack: typeof import("./index");

  before(async () => {
    stack = await import("./index");
  });

  it("deploys the image by digest", async () => {
    const ref = await valueOf(stack.api.ref);
    assert.match(ref, /^ghcr\.io\/acme\/api@sha256:[0-9a-f]{64}$/);
    const spec = await valueOf(stack.web.podSpec);
    const [container] = spec.containers as { image: string }[];
    assert.equal(container.image, ref);
  });

  it("runs the pod as the image's numeric user", async () => {
    const spec = await valueOf(stack.web.podSpec);
    assert.deepEqual(spec.securityContext, {
      runAsNonRoot: true,
      runAsUser: 65532,
      runAsGroup: 65532,
      fsGroup: 65532,
      seccompProfile: { type: "RuntimeDefault" },
    });
  });

  it("builds from digest-pinned bases", async () => {
    const bases = await valueOf(stack.api.baseImages);
    assert.ok(bases.length > 0);
    for (const base of bases) {
      assert.match(base.digest, /^sha256:[0-9a-f]{64}$/);
    }
  });
});
