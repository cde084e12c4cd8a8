import { strict as assert } from "assert";
import {
  DOCKER_BUILD_IMAGE_TYPE,
  DOCKER_CONTAINER_TYPE,
  DOCKER_IMAGE_TYPE,
  HARDENED_IMAGE_BUILD_TYPE,
  builtImageOf,
  checkBuiltImageUses,
  imageUsesOfDockerResource,
  imageUsesOfWorkload,
} from "../../../rules/docker-resource";
import { UnknownValueError } from "../../../rules/unknown";
import { hardenedPodSpec, setPath, workloadOf } from "../../fixtures/workloads";

const DIGEST = "sha256:4f53cda18c2baa0c0354bb5f9a3ecbe5ed12ab4d8e11ba873c2f11161202b945";

describe("built-image-by-digest", () => {
  const built = builtImageOf(DOCKER_IMAGE_TYPE, "api-image", {
    imageName: "ghcr.io/acme/api:1.4.2",
    repoDigest: `ghcr.io/acme/api@${DIGEST}`,
  });

  it("reads the pushed names and digest of both image resource types", () => {
    assert.deepEqual(built, {
      resourceName: "api-image",
      pushedAs: ["ghcr.io/acme/api:1.4.2"],
      digestRef: `ghcr.io/acme/api@${DIGEST}`,
    });
    assert.deepEqual(
      builtImageOf(DOCKER_BUILD_IMAGE_TYPE, "b", {
        tags: ["ghcr.io/acme/web:2", "ghcr.io/acme/web:latest"],
        ref: `ghcr.io/acme/web:2@${DIGEST}`,
      }),
      {
        resourceName: "b",
        pushedAs: ["ghcr.io/acme/web:2", "ghcr.io/acme/web:latest"],
        digestRef: `ghcr.io/acme/web:2@${DIGEST}`,
      },
    );
    assert.deepEqual(
      builtImageOf(HARDENED_IMAGE_BUILD_TYPE, "api", {
        tags: ["ghcr.io/acme/api:v1"],
        ref: `ghcr.io/acme/api@${DIGEST}`,
      }),
      {
        resourceName: "api",
        pushedAs: ["ghcr.io/acme/api:v1"],
        digestRef: `ghcr.io/acme/api@${DIGEST}`,
      },
      "HardenedImage's build step reads like a dockerbuild.Image",
    );
    assert.equal(builtImageOf(DOCKER_CONTAINER_TYPE, "c", {}), undefined);
  });

  it("reports a workload container that deploys a built image by tag, at its exact path", () => {
    const spec = hardenedPodSpec();
    setPath(spec, "containers[0].image", "ghcr.io/acme/api:1.4.2");
    setPath(spec, "initContainers[0].image", "ghcr.io/acme/api");
    const uses = imageUsesOfWorkload(workloadOf("CronJob", spec));
    const findings = checkBuiltImageUses(built ? [built] : [], uses);
    assert.deepEqual(
      findings.map((f) => [f.ruleId, f.kind, f.name, f.namespace, f.container, f.path]),
      [
        [
          "built-image-by-digest",
          "CronJob",
          "app",
          "shop",
          "init",
          "spec.jobTemplate.spec.template.spec.initContainers[0].image",
        ],
        [
          "built-image-by-digest",
          "CronJob",
          "app",
          "shop",
          "app",
          "spec.jobTemplate.spec.template.spec.containers[0].image",
        ],
      ],
    );
    assert.match(
      findings[1].message,
      /expected its digest reference such as "ghcr\.io\/acme\/api@sha256:/,
    );
  });

  it("accepts digest references and images the stack did not build", () => {
    const spec = hardenedPodSpec();
    setPath(spec, "containers[0].image", `ghcr.io/acme/api:1.4.2@${DIGEST}`);
    setPath(spec, "initContainers[0].image", "docker.io/library/busybox:1.36");
    assert.deepEqual(
      checkBuiltImageUses(
        built ? [built] : [],
        imageUsesOfWorkload(workloadOf("Deployment", spec)),
      ),
      [],
    );
  });

  it("covers docker.Container and skips images not known yet", () => {
    assert.deepEqual(
      checkBuiltImageUses(
        built ? [built] : [],
        imageUsesOfDockerResource(DOCKER_CONTAINER_TYPE, "api", {
          image: "ghcr.io/acme/api:1.4.2",
        }),
      ).map((f) => [f.kind, f.name, f.path, f.container]),
      [[DOCKER_CONTAINER_TYPE, "api", "image", null]],
    );
    const spec = hardenedPodSpec();
    const app = (spec.containers as Record<string, unknown>[])[0];
    Object.defineProperty(app, "image", {
      get() {
        throw new UnknownValueError("image");
      },
    });
    assert.deepEqual(
      imageUsesOfWorkload(workloadOf("Pod", spec)).map((u) => u.container),
      ["init", "debug"],
    );
  });
});
