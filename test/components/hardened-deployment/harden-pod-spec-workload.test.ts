import { strict as assert } from "assert";
import { readFileSync } from "fs";
import { join } from "path";
import { hardenPodSpec } from "../../../components/harden-pod-spec";
import {
  HardenedArgsError,
  HardeningViolationError,
} from "../../../components/hardened-deployment";
import { IMAGE, PROBE } from "./fixtures";

const DOCS = readFileSync(
  join(__dirname, "..", "..", "..", "docs", "hardened-deployment.md"),
  "utf8",
);

/** A pod spec with one container that sets `securityContext`. */
function specWith(securityContext: Record<string, unknown>): Record<string, unknown> {
  return {
    serviceAccountName: "db",
    containers: [
      {
        name: "db",
        image: IMAGE,
        resources: { requests: { cpu: "100m", memory: "256Mi" }, limits: { memory: "256Mi" } },
        livenessProbe: PROBE,
        readinessProbe: PROBE,
        securityContext,
      },
    ],
  };
}

function violation(fn: () => unknown): HardeningViolationError {
  try {
    fn();
  } catch (error) {
    assert.ok(error instanceof HardeningViolationError, String(error));
    return error;
  }
  assert.fail("expected a HardeningViolationError");
}

describe("hardenPodSpec with options.workload", () => {
  it("names the workload and gives its real paths, exactly as the docs show", () => {
    const error = violation(() =>
      hardenPodSpec(specWith({ privileged: true }), {
        workload: { kind: "StatefulSet", name: "db", namespace: "shop" },
      }),
    );
    const marker = "an error then names the workload and the field where\nthe spec sits in it,";
    const start = DOCS.indexOf(marker);
    assert.ok(start >= 0, "the docs show the error");
    const open = DOCS.indexOf("```\n", start) + 4;
    assert.equal(`${error.message}\n`, DOCS.slice(open, DOCS.indexOf("```", open)));
    assert.equal(error.owner, 'hardenPodSpec for StatefulSet "db"');
  });

  const KINDS = [
    ["Job", "spec.template.spec"],
    ["CronJob", "spec.jobTemplate.spec.template.spec"],
    ["DaemonSet", "spec.template.spec"],
    ["Pod", "spec"],
  ] as const;
  for (const [kind, specPath] of KINDS) {
    it(`reports a ${kind}'s finding at ${specPath}`, () => {
      const error = violation(() =>
        hardenPodSpec(specWith({ allowPrivilegeEscalation: true }), {
          workload: { kind, name: "job" },
        }),
      );
      assert.equal(error.owner, `hardenPodSpec for ${kind} "job"`);
      assert.deepEqual(
        error.findings.map((f) => [f.ruleId, f.path]),
        [
          [
            "allow-privilege-escalation",
            `${specPath}.containers[0].securityContext.allowPrivilegeEscalation`,
          ],
        ],
      );
    });
  }

  it("names the workload in errors about its options too", () => {
    assert.throws(
      () =>
        hardenPodSpec(specWith({}), {
          workload: { kind: "Job", name: "migrate" },
          writablePaths: ["cache"],
        }),
      (error: unknown) =>
        error instanceof HardenedArgsError &&
        error.message.startsWith(
          'hardenPodSpec for Job "migrate": options.writablePaths[0]: "cache" is not an absolute path',
        ),
    );
  });

  it("refuses a kind that is not a workload", () => {
    assert.throws(
      () => hardenPodSpec(specWith({}), { workload: { kind: "Service", name: "x" } }),
      (error: unknown) =>
        error instanceof HardenedArgsError &&
        error.arg === "options.workload.kind" &&
        error.message.includes(
          '"Service" is not a workload kind; expected one of Pod, PodTemplate',
        ),
    );
  });

  it("keeps the Pod paths and the plain name without a workload", () => {
    const error = violation(() => hardenPodSpec(specWith({ privileged: true })));
    assert.equal(error.owner, "hardenPodSpec");
    assert.equal(error.findings[0].path, "spec.containers[0].securityContext.privileged");
  });
});
