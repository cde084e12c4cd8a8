import { strict as assert } from "assert";
import { ResourceValidationPolicy } from "@pulumi/policy";
import { hardenedPolicies } from "../../policies/pack";
import { UNKNOWN } from "../../preview/analyzer/properties";
import { DOCKER_BUILD_IMAGE_TYPE, HARDENED_IMAGE_BUILD_TYPE } from "../../rules/docker-resource";
import { DOCKERFILE_RULES } from "../../rules/dockerfile/rules";
import { runPolicy, violationsOf } from "../support/analyzer/run-policy";

const DIGEST = "sha256:4f53cda18c2baa0c0354bb5f9a3ecbe5ed12ab4d8e11ba873c2f11161202b945";

const POLICIES = new Map(
  hardenedPolicies().map((p) => [p.name, p as ResourceValidationPolicy] as const),
);

function policy(id: string): ResourceValidationPolicy {
  const found = POLICIES.get(id);
  assert.ok(found, id);
  return found;
}

function image(inline: unknown, extra: Record<string, unknown> = {}) {
  return {
    type: DOCKER_BUILD_IMAGE_TYPE,
    name: "api",
    props: { tags: ["ghcr.io/acme/api:1"], dockerfile: { inline }, push: true, ...extra },
  };
}

describe("Dockerfile rule policies (inline Dockerfiles of dockerbuild.Image)", () => {
  it("exist for every Dockerfile rule", () => {
    for (const rule of DOCKERFILE_RULES) {
      assert.ok(POLICIES.has(rule.id), rule.id);
    }
  });

  it("lint HardenedImage's build step like a dockerbuild.Image: its dockerfile.inline", async () => {
    const messages = violationsOf(
      await runPolicy(policy("dockerfile-base-digest"), {
        ...image("FROM node:20\nUSER 10001\n"),
        type: HARDENED_IMAGE_BUILD_TYPE,
      }),
    );
    assert.equal(messages.length, 1);
    assert.match(messages[0], /^dockerfile\.inline line 1, /);
  });

  it("report an unpinned base image with line and stage path", async () => {
    const messages = violationsOf(
      await runPolicy(policy("dockerfile-base-digest"), image("FROM node:20\nUSER 10001\n")),
    );
    assert.equal(messages.length, 1);
    assert.match(messages[0], /^dockerfile\.inline line 1, stage\[0\]\.FROM: /);
    assert.deepEqual(
      violationsOf(
        await runPolicy(
          policy("dockerfile-base-digest"),
          image(`FROM node:20@${DIGEST}\nUSER 10001\n`),
        ),
      ),
      [],
    );
  });

  it("lint the stage named by target, and honour pragmas and configured exemptions", async () => {
    const text = `FROM node:20@${DIGEST} AS build\nFROM node:20@${DIGEST} AS runtime\nUSER 10001\n`;
    const finalUser = policy("dockerfile-final-user");
    assert.deepEqual(violationsOf(await runPolicy(finalUser, image(text))), []);
    assert.equal(
      violationsOf(await runPolicy(finalUser, image(text, { target: "build" }))).length,
      1,
    );
    const exemptions = [{ rule: "dockerfile-final-user", reason: "builder image", name: "api" }];
    assert.deepEqual(
      violationsOf(
        await runPolicy(finalUser, { ...image(text, { target: "build" }), config: { exemptions } }),
      ),
      [],
    );
  });

  it("say why they do not apply: Dockerfile files, unparsable text, build-context rules", async () => {
    const notApplicable = { notApplicable: true };
    assert.deepEqual(
      await runPolicy(policy("dockerfile-base-digest"), {
        type: DOCKER_BUILD_IMAGE_TYPE,
        props: { dockerfile: { location: "./Dockerfile" } },
      }),
      notApplicable,
    );
    assert.deepEqual(
      await runPolicy(policy("dockerfile-base-digest"), {
        type: DOCKER_BUILD_IMAGE_TYPE,
        props: { context: { location: "." } },
      }),
      notApplicable,
    );
    assert.deepEqual(
      await runPolicy(policy("dockerfile-base-digest"), image("RUN echo no FROM\n")),
      notApplicable,
    );
    assert.deepEqual(
      await runPolicy(policy("dockerfile-context-copy-dockerignore"), image("FROM a\nCOPY . .\n")),
      notApplicable,
    );
    assert.deepEqual(
      await runPolicy(policy("dockerfile-base-digest"), {
        type: "docker:index/image:Image",
        props: {},
      }),
      notApplicable,
    );
  });

  it("report nothing for an inline Dockerfile or target not known yet", async () => {
    for (const resource of [
      image(UNKNOWN),
      image("FROM node:20\n", { target: UNKNOWN }),
      { type: DOCKER_BUILD_IMAGE_TYPE, props: { dockerfile: UNKNOWN } },
    ]) {
      assert.deepEqual(
        violationsOf(await runPolicy(policy("dockerfile-base-digest"), resource)),
        [],
      );
    }
  });

  it("never put a secret written in the Dockerfile in a message", async () => {
    const text = `FROM node:20@${DIGEST}\nENV DB_PASSWORD=pg-hunter2-secret\nUSER 10001\n`;
    const all: string[] = [];
    for (const rule of DOCKERFILE_RULES) {
      const outcome = await runPolicy(policy(rule.id), image(text));
      if ("violations" in outcome) {
        all.push(...outcome.violations);
      }
    }
    assert.ok(all.length > 0);
    assert.ok(
      all.every((m) => !m.includes("hunter2")),
      all.join("\n"),
    );
  });

  it("honour # hardened ignore pragmas of an advisory policy, unless allowExemptions leaves pragmas out", async () => {
    const inline =
      '# hardened ignore=dockerfile-base-digest reason="pinned at release"\nFROM node:20\nUSER 10001\n';
    const run = (config: Record<string, unknown>) =>
      runPolicy(policy("dockerfile-base-digest"), { ...image(inline), config }).then(violationsOf);
    assert.deepEqual(await run({}), []);
    const refused = await run({ allowExemptions: { from: ["config"] } });
    assert.equal(refused.length, 1);
    assert.match(
      refused[0],
      / \[exemption of "dockerfile-base-digest" from pragmas refused: allowExemptions\.from is \[config\]\]$/,
    );
  });

  it("show each honoured pragma exemption in the hardened policy, advisory, with line, reason and source", async () => {
    const inline =
      '# hardened ignore=dockerfile-base-digest reason="pinned at release"\nFROM node:20\nUSER 10001\n';
    const audit = policy("hardened");
    assert.equal(audit.enforcementLevel, "advisory");
    assert.deepEqual(violationsOf(await runPolicy(audit, image(inline))), [
      '"dockerfile-base-digest" exempted by pragmas (reason: pinned at release): dockerfile.inline line 2, stage[0].FROM: FROM uses "node:20", which is not pinned by digest; expected node:20@sha256:<digest>',
    ]);
    assert.deepEqual(violationsOf(await runPolicy(audit, image("FROM node:20\nUSER 10001\n"))), []);
  });
});
