import { strict as assert } from "assert";
import { allowedRegistries } from "../../../../rules/kubernetes/extras/allowed-registries";
import { imageDigest } from "../../../../rules/kubernetes/extras/image-digest";
import { imageTag } from "../../../../rules/kubernetes/extras/image-tag";
import { messagesOf, podWith, runRule } from "./run";

const HEX = "4f53cda18c2baa0c0354bb5f9a3ecbe5ed12ab4d8e11ba873c2f11161202b945";
const IMAGE_PATH = "spec.containers[0].image";
/** Where the fixture's other containers pull from. */
const FIXTURE_REGISTRY = "registry.example.com/team";

describe("image-digest", () => {
  const cases: readonly [image: unknown, problem: string | null][] = [
    [`nginx@sha256:${HEX}`, null],
    [`nginx:1.27@sha256:${HEX}`, null],
    [`localhost:5000/team/app@sha256:${HEX}`, null],
    [`[::1]:5000/app:1@sha256:${HEX}`, null],
    ["nginx:1.27", "is not pinned by digest"],
    ["nginx", "is not pinned by digest"],
    ["registry.example.com:5000/app", "is not pinned by digest"],
    ["nginx@sha256:abcdef1234567890", "is not a sha256 digest"],
    [`nginx@sha256:${HEX.toUpperCase()}`, "is not a sha256 digest"],
    [`nginx@sha512:${HEX}${HEX}`, "is not a sha256 digest"],
    [`nginx@${HEX}`, "is not a sha256 digest"],
    ["nginx:1.27@", "is not a sha256 digest"],
    [`Nginx@sha256:${HEX}`, "is not a valid image reference"],
    [`nginx:bad/tag@sha256:${HEX}`, "is not a valid image reference"],
    ["", "image is unset"],
    ["   ", "image is unset"],
    [undefined, "image is unset"],
    [42, "image is unset"],
  ];
  for (const [image, problem] of cases) {
    it(`${JSON.stringify(image)}: ${problem ?? "passes"}`, () => {
      const workload = podWith({ "containers[0].image": image });
      assert.deepEqual(
        runRule(imageDigest, workload),
        problem === null ? [] : [["image-digest", IMAGE_PATH, "app"]],
      );
      if (problem !== null) {
        assert.match(
          messagesOf(imageDigest, workload)[0],
          new RegExp(problem.replace(/[.*]/g, "\\$&")),
        );
      }
    });
  }
});

describe("image-tag", () => {
  const cases: readonly [image: unknown, problem: string | null][] = [
    ["nginx", "has no tag"],
    ["nginx:latest", 'uses the "latest" tag'],
    ["docker.io/library/nginx:latest", 'uses the "latest" tag'],
    ["localhost:5000/app", "has no tag"],
    ["registry.example.com:5000/team/app:latest", 'uses the "latest" tag'],
    ["nginx:1.27.3", null],
    ["nginx:Latest", null],
    [`nginx@sha256:${HEX}`, null],
    [`nginx:latest@sha256:${HEX}`, null],
    ["nginx:latest@sha256:abcdef1234567890", 'uses the "latest" tag'],
    ["Nginx:latest", null],
    [undefined, null],
  ];
  for (const [image, problem] of cases) {
    it(`${JSON.stringify(image)}: ${problem ?? "passes"}`, () => {
      const workload = podWith({ "containers[0].image": image });
      assert.deepEqual(
        runRule(imageTag, workload),
        problem === null ? [] : [["image-tag", IMAGE_PATH, "app"]],
      );
      if (problem !== null) {
        assert.ok(messagesOf(imageTag, workload)[0].includes(problem));
      }
    });
  }
});

describe("allowed-registries", () => {
  const cases: readonly [allowed: readonly string[], image: unknown, passes: boolean][] = [
    [[], "anything.example/evil/app:1", true],
    [["docker.io/library"], "nginx", true],
    [["docker.io/library"], "library/nginx:1", true],
    [["docker.io/library"], "docker.io/nginx", true],
    [["docker.io/library"], "index.docker.io/library/nginx", true],
    [["docker.io/library"], "bitnami/nginx", false],
    [["docker.io/library"], "docker.io/libraryx/nginx", false],
    [["docker.io"], "bitnami/nginx", true],
    [["registry.example.com:5000"], "registry.example.com:5000/team/app", true],
    [["registry.example.com:5000"], "registry.example.com/other/app", false],
    [["registry.example.com"], "registry.example.com:5000/team/app", false],
    [["localhost:5000"], "localhost:5000/app", true],
    [["ghcr.io/acme"], "ghcr.io/acme/app", true],
    [["ghcr.io/acme/"], "ghcr.io/acme/team/app", true],
    [["ghcr.io/acme"], "ghcr.io/acme-evil/app", false],
    [["ghcr.io/acme", "quay.io"], "quay.io/x/y", true],
    [["ghcr.io/acme"], undefined, true],
    [["ghcr.io/acme"], "NOT/valid", true],
  ];
  for (const [allowed, image, passes] of cases) {
    it(`${JSON.stringify(image)} with ${JSON.stringify(allowed)}: ${passes ? "passes" : "reported"}`, () => {
      assert.deepEqual(
        runRule(allowedRegistries, podWith({ "containers[0].image": image }), {
          allowedRegistries: allowed.length === 0 ? [] : [...allowed, FIXTURE_REGISTRY],
        }),
        passes ? [] : [["allowed-registries", IMAGE_PATH, "app"]],
      );
    });
  }

  it("names the normalized repository and the allowed list", () => {
    assert.deepEqual(
      messagesOf(allowedRegistries, podWith({ "containers[0].image": "bitnami/nginx:1" }), {
        allowedRegistries: ["ghcr.io/acme", "quay.io", FIXTURE_REGISTRY],
      }),
      [
        'image "bitnami/nginx:1" is docker.io/bitnami/nginx, from registry "docker.io"; expected an image from "ghcr.io/acme", "quay.io", "registry.example.com/team"',
      ],
    );
  });
});
