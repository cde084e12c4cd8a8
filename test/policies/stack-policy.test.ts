import { strict as assert } from "assert";
import { StackResource, stackPolicy, validateStackPolicy } from "../support/stack-policy";
import { UNKNOWN } from "../../preview/analyzer/properties";
import { hardenedPodSpec, setPath, workloadOf } from "../fixtures/workloads";

const DIGEST = "sha256:4f53cda18c2baa0c0354bb5f9a3ecbe5ed12ab4d8e11ba873c2f11161202b945";

const policy = stackPolicy("built-image-by-digest");

/** Runs the `built-image-by-digest` stack policy. */
function validate(
  resources: readonly StackResource[],
  config: Record<string, unknown> = {},
): Promise<[string, string | undefined][]> {
  return validateStackPolicy(policy, resources, config);
}

describe("built-image-by-digest stack policy", () => {
  const image: StackResource = {
    type: "docker:index/image:Image",
    name: "api-image",
    props: { imageName: "ghcr.io/acme/api:1.4.2", repoDigest: `ghcr.io/acme/api@${DIGEST}` },
  };
  const deployment = (imageRef: unknown): StackResource => {
    const spec = hardenedPodSpec();
    setPath(spec, "containers[0].image", imageRef);
    return {
      type: "kubernetes:apps/v1:Deployment",
      name: "api",
      props: workloadOf("Deployment", spec),
    };
  };

  it("reports a workload deploying a built image by its pushed tag, on the workload's URN", async () => {
    assert.deepEqual(await validate([image, deployment("ghcr.io/acme/api:1.4.2")]), [
      [
        `container "app": spec.template.spec.containers[0].image: image "ghcr.io/acme/api:1.4.2" was built in this stack by "api-image" but is deployed by tag; expected its digest reference such as "ghcr.io/acme/api@${DIGEST}"`,
        "urn:pulumi:dev::shop::kubernetes:apps/v1:Deployment::api",
      ],
    ]);
  });

  it("accepts digest references, unknown images and stacks that build nothing", async () => {
    assert.deepEqual(await validate([image, deployment(`ghcr.io/acme/api@${DIGEST}`)]), []);
    assert.deepEqual(await validate([image, deployment(UNKNOWN)]), []);
    assert.deepEqual(await validate([deployment("ghcr.io/acme/api:1.4.2")]), []);
    assert.deepEqual(
      await validate([
        { ...image, props: { imageName: UNKNOWN, repoDigest: UNKNOWN } },
        deployment("ghcr.io/acme/api:1"),
      ]),
      [],
    );
  });

  it("covers docker.Container, honours exemptions and the profile", async () => {
    const container: StackResource = {
      type: "docker:index/container:Container",
      name: "api",
      props: { image: "ghcr.io/acme/api:1.4.2" },
    };
    assert.equal((await validate([image, container])).length, 1);
    const exemptions = [{ rule: "built-image-by-digest", reason: "dev loop", urn: "*::api" }];
    assert.deepEqual(await validate([image, container], { exemptions }), []);
    assert.deepEqual(await validate([image, container], { profile: "restricted" }), []);
  });

  it("shows the honoured exemption in the hardened policy, advisory, on the exempted resource's URN", async () => {
    const container: StackResource = {
      type: "docker:index/container:Container",
      name: "api",
      props: { image: "ghcr.io/acme/api:1.4.2" },
    };
    const exemptions = [{ rule: "built-image-by-digest", reason: "dev loop", urn: "*::api" }];
    const audit = stackPolicy("hardened");
    assert.equal(audit.enforcementLevel, "advisory");
    assert.deepEqual(await validateStackPolicy(audit, [image, container], { exemptions }), [
      [
        `"built-image-by-digest" exempted by config (reason: dev loop): image: image "ghcr.io/acme/api:1.4.2" was built in this stack by "api-image" but is deployed by tag; expected its digest reference such as "ghcr.io/acme/api@${DIGEST}"`,
        "urn:pulumi:dev::shop::docker:index/container:Container::api",
      ],
    ]);
    assert.deepEqual(await validateStackPolicy(audit, [image, container]), []);
  });
});
