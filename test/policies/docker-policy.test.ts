import { strict as assert } from "assert";
import { ResourceValidationPolicy } from "@pulumi/policy";
import { hardenedPolicies } from "../../policies/pack";
import { UNKNOWN, secret } from "../../preview/analyzer/properties";
import {
  DOCKER_BUILD_IMAGE_TYPE,
  DOCKER_CONTAINER_TYPE,
  DOCKER_IMAGE_TYPE,
  DOCKER_PER_RESOURCE_RULES,
} from "../../rules/docker-resource";
import { runPolicy, violationsOf } from "../support/analyzer/run-policy";

const POLICIES = new Map(
  hardenedPolicies().map((p) => [p.name, p as ResourceValidationPolicy] as const),
);

const HARDENED: Readonly<Record<string, Record<string, unknown>>> = {
  [DOCKER_CONTAINER_TYPE]: {
    image: "ghcr.io/acme/api:1.4.2",
    user: "65532:65532",
    readOnly: true,
    capabilities: { drops: ["ALL"] },
  },
  [DOCKER_IMAGE_TYPE]: {
    imageName: "ghcr.io/acme/api:1.4.2",
    build: { context: ".", args: { VERSION: "1.4.2" } },
  },
  [DOCKER_BUILD_IMAGE_TYPE]: {
    tags: ["ghcr.io/acme/api:1.4.2"],
    buildArgs: { VERSION: "1.4.2" },
    push: true,
  },
};

/** For every Docker resource rule: a resource type and a change that violates it, with paths. */
const VIOLATIONS: Readonly<Record<string, [string, Record<string, unknown>, string[]][]>> = {
  "docker-privileged": [[DOCKER_CONTAINER_TYPE, { privileged: true }, ["privileged"]]],
  "docker-non-root-user": [[DOCKER_CONTAINER_TYPE, { user: "0" }, ["user"]]],
  "docker-read-only-root-filesystem": [[DOCKER_CONTAINER_TYPE, { readOnly: false }, ["readOnly"]]],
  "docker-added-capabilities": [
    [DOCKER_CONTAINER_TYPE, { capabilities: { adds: ["SYS_ADMIN"] } }, ["capabilities.adds[0]"]],
  ],
  "docker-host-namespaces": [[DOCKER_CONTAINER_TYPE, { pidMode: "host" }, ["pidMode"]]],
  "docker-socket-mount": [
    [
      DOCKER_CONTAINER_TYPE,
      { volumes: [{ hostPath: "/var/run/docker.sock", containerPath: "/s" }] },
      ["volumes[0].hostPath"],
    ],
  ],
  "docker-image-tag": [
    [DOCKER_IMAGE_TYPE, { imageName: "ghcr.io/acme/api" }, ["imageName"]],
    [DOCKER_BUILD_IMAGE_TYPE, { tags: ["ghcr.io/acme/api:latest"] }, ["tags[0]"]],
  ],
  "docker-build-secret-args": [
    [
      DOCKER_IMAGE_TYPE,
      { build: { args: { NPM_TOKEN: secret("npm_s3cr3t") } } },
      ["build.args.NPM_TOKEN"],
    ],
    [
      DOCKER_BUILD_IMAGE_TYPE,
      { buildArgs: { DB_PASSWORD: secret("pg_s3cr3t"), VERSION: UNKNOWN } },
      ["buildArgs.DB_PASSWORD"],
    ],
  ],
};

describe("Docker resource rule policies", () => {
  for (const rule of DOCKER_PER_RESOURCE_RULES) {
    const policy = POLICIES.get(rule.id);

    it(`${rule.id}: reports nothing for hardened resources and does not apply to others`, async () => {
      assert.ok(policy);
      for (const [type, props] of Object.entries(HARDENED)) {
        const outcome = await runPolicy(policy, { type, props });
        if (rule.resourceTypes.includes(type)) {
          assert.deepEqual(violationsOf(outcome), [], type);
        } else {
          assert.deepEqual(outcome, { notApplicable: true }, type);
        }
      }
      assert.deepEqual(
        await runPolicy(policy, { type: "kubernetes:apps/v1:Deployment", props: {} }),
        { notApplicable: true },
      );
    });

    it(`${rule.id}: reports each violation at its input path, without secret values`, async () => {
      assert.ok(policy);
      const cases = VIOLATIONS[rule.id];
      assert.ok(cases, `no violating case for ${rule.id}`);
      for (const [type, change, paths] of cases) {
        const messages = violationsOf(
          await runPolicy(policy, { type, props: { ...HARDENED[type], ...change } }),
        );
        assert.deepEqual(
          messages.map((m) => m.slice(0, m.indexOf(": "))),
          paths,
          messages.join("\n"),
        );
        assert.ok(
          messages.every((m) => !/s3cr3t/.test(m)),
          messages.join("\n"),
        );
      }
    });
  }

  it("carry their single resource type so the SDK skips other resources cheaply", () => {
    const container = POLICIES.get("docker-privileged")?.validateResource as unknown as {
      __pulumiType?: string;
    };
    const image = POLICIES.get("docker-image-tag")?.validateResource as unknown as {
      __pulumiType?: string;
    };
    assert.equal(container.__pulumiType, DOCKER_CONTAINER_TYPE);
    assert.equal(image.__pulumiType, undefined);
  });

  it("skip a rule whose value is unknown and honour configured exemptions", async () => {
    const policy = POLICIES.get("docker-non-root-user");
    assert.ok(policy);
    const type = DOCKER_CONTAINER_TYPE;
    assert.deepEqual(
      violationsOf(await runPolicy(policy, { type, props: { ...HARDENED[type], user: UNKNOWN } })),
      [],
    );
    const root = { ...HARDENED[type], user: "root" };
    const exemptions = [
      { rule: "docker-non-root-user", reason: "legacy image", kind: "docker:*", name: "leg*" },
    ];
    assert.deepEqual(
      violationsOf(
        await runPolicy(policy, { type, name: "legacy", props: root, config: { exemptions } }),
      ),
      [],
    );
    assert.equal(
      violationsOf(
        await runPolicy(policy, { type, name: "api", props: root, config: { exemptions } }),
      ).length,
      1,
    );
    const noConfigExemptions = { exemptions, allowExemptions: { from: ["annotations"] } };
    assert.equal(
      violationsOf(
        await runPolicy(policy, { type, name: "legacy", props: root, config: noConfigExemptions }),
      ).length,
      1,
      "allowExemptions.from without config refuses configured exemptions",
    );
    const hardened = POLICIES.get("hardened");
    assert.ok(hardened);
    assert.deepEqual(
      violationsOf(
        await runPolicy(hardened, { type, name: "legacy", props: root, config: { exemptions } }),
      ),
      [
        '"docker-non-root-user" exempted by config (reason: legacy image): user: user is "root", which is root; expected a non-root user such as "65532:65532"',
      ],
    );
  });
});
