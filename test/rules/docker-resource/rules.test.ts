import { strict as assert } from "assert";
import {
  DOCKER_BUILD_IMAGE_TYPE,
  HARDENED_IMAGE_BUILD_TYPE,
  DOCKER_CONTAINER_TYPE,
  DOCKER_IMAGE_TYPE,
  DOCKER_PER_RESOURCE_RULES,
  evaluateDockerResource,
} from "../../../rules/docker-resource";
import { isSecretLikeName } from "../../../rules/docker-resource/build-secret-args";
import { isRootDockerUser } from "../../../rules/docker-resource/container-user";
import { hasAnyReference } from "../../../rules/references";
import { isRuleId } from "../../../rules/rule";
import { UnknownValueError } from "../../../rules/unknown";

/** A docker.Container with every hardened setting. */
function hardenedContainer(): Record<string, unknown> {
  return {
    name: "api",
    image:
      "ghcr.io/acme/api@sha256:4f53cda18c2baa0c0354bb5f9a3ecbe5ed12ab4d8e11ba873c2f11161202b945",
    user: "65532:65532",
    readOnly: true,
    privileged: false,
    capabilities: { drops: ["ALL"] },
    mounts: [{ type: "tmpfs", target: "/tmp" }],
    volumes: [{ hostPath: "/srv/data", containerPath: "/data" }],
  };
}

function findings(type: string, inputs: Record<string, unknown>): [string, string][] {
  return evaluateDockerResource({ type, name: "res", inputs }).map((f) => [f.ruleId, f.path]);
}

describe("Docker resource rules", () => {
  it("have complete metadata with CIS Docker or documentation references", () => {
    for (const rule of DOCKER_PER_RESOURCE_RULES) {
      assert.ok(isRuleId(rule.id), rule.id);
      assert.equal(rule.target, "docker-resource", rule.id);
      assert.ok(rule.title && rule.description && rule.remediation, rule.id);
      assert.ok(hasAnyReference(rule.references), rule.id);
      assert.ok(rule.profiles.length > 0, rule.id);
    }
  });

  it("find nothing in a hardened docker.Container", () => {
    assert.deepEqual(findings(DOCKER_CONTAINER_TYPE, hardenedContainer()), []);
  });

  const containerCases: [string, Record<string, unknown>, [string, string][]][] = [
    ["privileged", { privileged: true }, [["docker-privileged", "privileged"]]],
    ["no user", { user: undefined }, [["docker-non-root-user", "user"]]],
    ["empty user", { user: " " }, [["docker-non-root-user", "user"]]],
    ["root by name", { user: "root" }, [["docker-non-root-user", "user"]]],
    ["root by uid with group", { user: "0:1000" }, [["docker-non-root-user", "user"]]],
    [
      "writable root filesystem",
      { readOnly: false },
      [["docker-read-only-root-filesystem", "readOnly"]],
    ],
    [
      "added capabilities",
      { capabilities: { adds: ["NET_ADMIN", "SYS_TIME"], drops: ["ALL"] } },
      [
        ["docker-added-capabilities", "capabilities.adds[0]"],
        ["docker-added-capabilities", "capabilities.adds[1]"],
      ],
    ],
    [
      "host namespaces",
      { networkMode: "host", pidMode: "host", ipcMode: "host", usernsMode: "host" },
      [
        ["docker-host-namespaces", "networkMode"],
        ["docker-host-namespaces", "pidMode"],
        ["docker-host-namespaces", "ipcMode"],
        ["docker-host-namespaces", "usernsMode"],
      ],
    ],
    ["bridge network is private", { networkMode: "bridge", pidMode: "container:db" }, []],
    [
      "Docker socket by bind mount and by volume",
      {
        mounts: [
          { type: "tmpfs", target: "/tmp" },
          { type: "bind", source: "/var/run/docker.sock", target: "/var/run/docker.sock" },
        ],
        volumes: [{ hostPath: "/run/", containerPath: "/host-run" }],
      },
      [
        ["docker-socket-mount", "mounts[1].source"],
        ["docker-socket-mount", "volumes[0].hostPath"],
      ],
    ],
    [
      "a named volume called like the socket is not a bind mount",
      { mounts: [{ type: "volume", source: "/var/run/docker.sock", target: "/x" }] },
      [],
    ],
  ];
  for (const [name, change, expected] of containerCases) {
    it(`docker.Container: ${name}`, () => {
      const inputs = { ...hardenedContainer(), ...change };
      assert.deepEqual(findings(DOCKER_CONTAINER_TYPE, inputs), expected);
    });
  }

  const imageCases: [string, string, Record<string, unknown>, [string, string][]][] = [
    ["version tag", DOCKER_IMAGE_TYPE, { imageName: "ghcr.io/acme/api:1.4.2" }, []],
    [
      "latest",
      DOCKER_IMAGE_TYPE,
      { imageName: "ghcr.io/acme/api:latest" },
      [["docker-image-tag", "imageName"]],
    ],
    [
      "no tag",
      DOCKER_IMAGE_TYPE,
      { imageName: "ghcr.io/acme/api" },
      [["docker-image-tag", "imageName"]],
    ],
    [
      "registry port is not a tag",
      DOCKER_IMAGE_TYPE,
      { imageName: "localhost:5000/api" },
      [["docker-image-tag", "imageName"]],
    ],
    [
      "invalid name",
      DOCKER_IMAGE_TYPE,
      { imageName: "ghcr.io/Acme/API:1" },
      [["docker-image-tag", "imageName"]],
    ],
    [
      "docker-build tags",
      DOCKER_BUILD_IMAGE_TYPE,
      { tags: ["ghcr.io/acme/api:1.4.2", "ghcr.io/acme/api:latest"] },
      [["docker-image-tag", "tags[1]"]],
    ],
    [
      "secret-like build args (docker.Image)",
      DOCKER_IMAGE_TYPE,
      {
        imageName: "ghcr.io/acme/api:1",
        build: { args: { NODE_ENV: "production", DB_PASSWORD: "x", npmToken: "y" } },
      },
      [
        ["docker-build-secret-args", "build.args.DB_PASSWORD"],
        ["docker-build-secret-args", "build.args.npmToken"],
      ],
    ],
    [
      "HardenedImage build step: latest tag and secret-like build args",
      HARDENED_IMAGE_BUILD_TYPE,
      { tags: ["ghcr.io/acme/api:latest"], buildArgs: { GITHUB_TOKEN: "z" } },
      [
        ["docker-image-tag", "tags[0]"],
        ["docker-build-secret-args", "buildArgs.GITHUB_TOKEN"],
      ],
    ],
    [
      "secret-like build args (dockerbuild.Image)",
      DOCKER_BUILD_IMAGE_TYPE,
      { tags: ["ghcr.io/acme/api:1"], buildArgs: { "aws-secret-access-key": "z", VERSION: "1" } },
      [["docker-build-secret-args", 'buildArgs["aws-secret-access-key"]']],
    ],
  ];
  for (const [name, type, inputs, expected] of imageCases) {
    it(`${type}: ${name}`, () => {
      assert.deepEqual(findings(type, inputs), expected);
    });
  }

  it("never put a build argument's value in a message", () => {
    const all = evaluateDockerResource({
      type: DOCKER_IMAGE_TYPE,
      name: "img",
      inputs: { imageName: "a:1", build: { args: { API_KEY: "s3cr3t-value" } } },
    });
    assert.equal(all.length, 1);
    assert.ok(!all[0].message.includes("s3cr3t-value"));
  });

  it("skip only the rule that reads a value that is not known yet", () => {
    const inputs = { ...hardenedContainer(), privileged: true };
    Object.defineProperty(inputs, "user", {
      enumerable: true,
      get() {
        throw new UnknownValueError("user");
      },
    });
    assert.deepEqual(findings(DOCKER_CONTAINER_TYPE, inputs), [
      ["docker-privileged", "privileged"],
    ]);
  });

  it("apply only to their resource types and profile, and honour exemptions", () => {
    const inputs = { ...hardenedContainer(), privileged: true, readOnly: false };
    assert.deepEqual(findings(DOCKER_IMAGE_TYPE, inputs), []);
    assert.deepEqual(
      evaluateDockerResource(
        { type: DOCKER_CONTAINER_TYPE, name: "c", inputs },
        { profile: "baseline" },
      ).map((f) => f.ruleId),
      ["docker-privileged"],
      "the baseline profile has the privileged container but not the writable root filesystem",
    );
    const exempted = evaluateDockerResource(
      { type: DOCKER_CONTAINER_TYPE, name: "c", inputs },
      {
        rules: DOCKER_PER_RESOURCE_RULES,
        exemptions: [{ ruleId: "docker-privileged", reason: "runs the CNI installer" }],
      },
    );
    assert.deepEqual(
      exempted.map((f) => [f.ruleId, f.exempted ?? false, f.kind, f.name]),
      [
        ["docker-privileged", true, DOCKER_CONTAINER_TYPE, "c"],
        ["docker-read-only-root-filesystem", false, DOCKER_CONTAINER_TYPE, "c"],
      ],
    );
  });

  it("recognise root users and secret-like names", () => {
    assert.deepEqual(
      ["root", "0", "000:0", "root:root", "1000", "app", "10001:0"].map(isRootDockerUser),
      [true, true, true, true, false, false, false],
    );
    assert.deepEqual(
      ["GITHUB_TOKEN", "db-password", "SecretKey", "NODE_ENV", "VERSION", "AUTHOR"].map(
        isSecretLikeName,
      ),
      [true, true, true, false, false, false],
    );
  });
});
