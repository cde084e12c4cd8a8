import { strict as assert } from "assert";
import * as pulumi from "@pulumi/pulumi";
import {
  HardenedArgsError,
  HardenedDeployment,
  HardenedDeploymentArgs,
  HardeningViolationError,
} from "../../../components/hardened-deployment";
import type { HardenedImage } from "../../../components/hardened-image";
import type { ImageUserIds } from "../../../components/hardened-image/prepare";
import { evaluateWorkload } from "../../../rules/kubernetes/evaluate";
import {
  COMPLETE,
  DIGEST,
  TYPES,
  blockingIds,
  containerOf,
  deploy,
  deploymentOf,
  podSpecOf,
} from "./fixtures";
import {
  CapturedResource,
  captureResources,
  isKnown,
  resourceOf,
  unknownOutput,
  valueOf,
} from "./mocks";

const POD = "spec.template.spec";
const APP = `${POD}.containers[0]`;

let captured: CapturedResource[];

function violation(ruleId: string, path: string, value: string): (error: unknown) => boolean {
  return (error: unknown) => {
    assert.ok(error instanceof HardeningViolationError, String(error));
    assert.deepEqual(
      error.findings.map((f) => [f.ruleId, f.path]),
      [[ruleId, path]],
    );
    assert.ok(error.message.includes(`${ruleId} at ${path}: `), error.message);
    assert.ok(error.message.includes(value), `${error.message} should name ${value}`);
    assert.ok(error.message.includes(`exemptions: [{ rule: "${ruleId}"`), error.message);
    return true;
  };
}

describe("HardenedDeployment overrides, removals and exemptions", () => {
  beforeEach(() => {
    captured = captureResources();
  });

  describe("removing a default with null", () => {
    it("leaves runAsUser and fsGroup unset for an image that picks its own uid", async () => {
      await deploy({ ...COMPLETE, securityContext: { pod: { runAsUser: null, fsGroup: null } } });
      assert.deepEqual(podSpecOf(captured).securityContext, {
        runAsNonRoot: true,
        runAsGroup: 65534,
        seccompProfile: { type: "RuntimeDefault" },
      });
      assert.deepEqual(blockingIds(deploymentOf(captured)), []);
    });

    it("keeps a default when the override is undefined", async () => {
      await deploy({ ...COMPLETE, securityContext: { pod: { runAsUser: undefined } } });
      assert.equal(
        (podSpecOf(captured).securityContext as Record<string, unknown>).runAsUser,
        65534,
      );
    });
  });

  describe("overriding a default with a compliant value", () => {
    it("replaces the user and the capabilities", async () => {
      const component = await deploy({
        ...COMPLETE,
        securityContext: {
          pod: { runAsUser: 10001, runAsGroup: 10001 },
          container: { capabilities: { drop: ["ALL"], add: ["NET_BIND_SERVICE"] } },
        },
      });
      const pod = podSpecOf(captured).securityContext as Record<string, unknown>;
      assert.deepEqual([pod.runAsUser, pod.runAsGroup, pod.fsGroup], [10001, 10001, 65534]);
      assert.deepEqual(
        (containerOf(captured).securityContext as Record<string, unknown>).capabilities,
        {
          drop: ["ALL"],
          add: ["NET_BIND_SERVICE"],
        },
      );
      assert.deepEqual(blockingIds(deploymentOf(captured)), []);
      const controls = await valueOf(component.appliedControls);
      assert.equal(
        controls.some((c) => c.field === `${POD}.securityContext.runAsUser`),
        false,
        "an overridden default is not listed as applied",
      );
    });
  });

  describe("an override that breaks a rule fails with the rule id, the field and the value", () => {
    const cases: {
      readonly name: string;
      readonly args: Partial<HardenedDeploymentArgs>;
      readonly rule: string;
      readonly path: string;
      readonly value: string;
    }[] = [
      {
        name: "writable root filesystem",
        args: { securityContext: { container: { readOnlyRootFilesystem: false } } },
        rule: "read-only-root-filesystem",
        path: `${APP}.securityContext.readOnlyRootFilesystem`,
        value: "false",
      },
      {
        name: "privileged container",
        args: { securityContext: { container: { privileged: true } } },
        rule: "privileged",
        path: `${APP}.securityContext.privileged`,
        value: "true",
      },
      {
        name: "privilege escalation left to the runtime",
        args: { securityContext: { container: { allowPrivilegeEscalation: null } } },
        rule: "allow-privilege-escalation",
        path: `${APP}.securityContext.allowPrivilegeEscalation`,
        value: "unset",
      },
      {
        name: "root user",
        args: { securityContext: { pod: { runAsUser: 0 } } },
        rule: "run-as-user",
        path: `${POD}.securityContext.runAsUser`,
        value: "0",
      },
      {
        name: "root group",
        args: { securityContext: { pod: { runAsGroup: 0 } } },
        rule: "run-as-group",
        path: `${POD}.securityContext.runAsGroup`,
        value: "0",
      },
      {
        name: "runAsNonRoot removed",
        args: { securityContext: { pod: { runAsNonRoot: null } } },
        rule: "run-as-non-root",
        path: `${APP}.securityContext.runAsNonRoot`,
        value: "unset",
      },
      {
        name: "seccomp removed",
        args: { securityContext: { pod: { seccompProfile: null } } },
        rule: "seccomp-restricted",
        path: `${APP}.securityContext.seccompProfile.type`,
        value: "unset",
      },
      {
        name: "service account token mounted",
        args: { automountServiceAccountToken: true },
        rule: "automount-service-account-token",
        path: `${POD}.automountServiceAccountToken`,
        value: "true",
      },
      {
        name: "default service account",
        args: { serviceAccountName: "default" },
        rule: "default-service-account",
        path: `${POD}.serviceAccountName`,
        value: "default",
      },
    ];
    for (const c of cases) {
      it(c.name, () => {
        assert.throws(
          () => new HardenedDeployment("web", { ...COMPLETE, ...c.args }),
          violation(c.rule, c.path, c.value),
        );
      });
    }
  });

  describe("exemptions", () => {
    it("accept a broken rule with a reason and write it to the workload's annotations", async () => {
      await deploy({
        ...COMPLETE,
        securityContext: { container: { readOnlyRootFilesystem: false } },
        exemptions: [
          {
            rule: "read-only-root-filesystem",
            container: "app",
            reason: "legacy app writes to /var/www",
          },
        ],
      });
      const workload = deploymentOf(captured);
      assert.deepEqual(workload.metadata?.annotations, {
        "hardened.dev/exempt": "read-only-root-filesystem:app",
        "hardened.dev/exempt-reason": "legacy app writes to /var/www",
      });
      assert.deepEqual(
        evaluateWorkload(workload).map((f) => [f.ruleId, f.path, f.exempted, f.exemptionReason]),
        [
          [
            "read-only-root-filesystem",
            `${APP}.securityContext.readOnlyRootFilesystem`,
            true,
            "legacy app writes to /var/www",
          ],
        ],
      );
    });

    it("join distinct reasons per rule", async () => {
      await deploy({
        ...COMPLETE,
        automountServiceAccountToken: true,
        securityContext: { container: { readOnlyRootFilesystem: false } },
        exemptions: [
          { rule: "read-only-root-filesystem", reason: "writes to /var/www" },
          { rule: "automount-service-account-token", reason: "talks to the API server" },
        ],
      });
      assert.deepEqual(deploymentOf(captured).metadata?.annotations, {
        "hardened.dev/exempt": "read-only-root-filesystem,automount-service-account-token",
        "hardened.dev/exempt-reason":
          "read-only-root-filesystem: writes to /var/www; automount-service-account-token: talks to the API server",
      });
      assert.deepEqual(blockingIds(deploymentOf(captured)), []);
    });

    it("allow a tag instead of a digest when image-digest is exempted", async () => {
      await deploy({
        ...COMPLETE,
        image: "ghcr.io/acme/web:1.4.2",
        exemptions: [{ rule: "image-digest", reason: "vendor publishes tags only" }],
      });
      assert.equal(containerOf(captured).image, "ghcr.io/acme/web:1.4.2");
      assert.deepEqual(
        evaluateWorkload(deploymentOf(captured))
          .filter((f) => f.severity === "error")
          .map((f) => [f.ruleId, f.exempted]),
        [["image-digest", true]],
      );
    });
  });

  describe("image sources", () => {
    it("take the user of an ImageSource as runAsUser, runAsGroup and fsGroup", async () => {
      await deploy({
        ...COMPLETE,
        image: { ref: `ghcr.io/acme/web@${DIGEST}`, user: { uid: 10001, gid: 10002 } },
      });
      const pod = podSpecOf(captured).securityContext as Record<string, unknown>;
      assert.deepEqual([pod.runAsUser, pod.runAsGroup, pod.fsGroup], [10001, 10002, 10002]);
      assert.equal(containerOf(captured).image, `ghcr.io/acme/web@${DIGEST}`);
    });

    it("accept a HardenedImage's ref and user outputs, and default the user when it declares none", async () => {
      const withUser: Pick<HardenedImage, "ref" | "user"> = {
        ref: pulumi.output(`ghcr.io/acme/web@${DIGEST}`),
        user: pulumi.output<ImageUserIds | undefined>({ uid: 10001, gid: 10001 }),
      };
      const withoutUser: Pick<HardenedImage, "ref" | "user"> = {
        ref: pulumi.output(`ghcr.io/acme/web@${DIGEST}`),
        user: pulumi.output<ImageUserIds | undefined>(undefined),
      };
      const users = [];
      for (const [name, image] of [
        ["with-user", withUser],
        ["without-user", withoutUser],
      ] as const) {
        const component = new HardenedDeployment(name, { ...COMPLETE, image });
        const pod = (await valueOf(component.podSpec)).securityContext as Record<string, unknown>;
        users.push([pod.runAsUser, pod.runAsGroup, pod.fsGroup]);
      }
      assert.deepEqual(users, [
        [10001, 10001, 10001],
        [65534, 65534, 65534],
      ]);
    });

    it("validate output values once they are known", async () => {
      const component = await deploy({
        ...COMPLETE,
        namespace: pulumi.output("shop"),
        image: {
          ref: pulumi.output(`ghcr.io/acme/web@${DIGEST}`),
          user: pulumi.output({ uid: 10001, gid: 10001 }),
        },
      });
      const pod = (await valueOf(component.podSpec)).securityContext as Record<string, unknown>;
      assert.deepEqual([pod.runAsUser, pod.runAsGroup], [10001, 10001]);
      assert.deepEqual(evaluateWorkload(deploymentOf(captured)), []);
    });

    it("fail once an output image turns out to be a tag", async () => {
      const component = new HardenedDeployment("web", {
        ...COMPLETE,
        image: { ref: pulumi.output("ghcr.io/acme/web:latest") },
      });
      await assert.rejects(valueOf(component.podSpec), (error: unknown) => {
        assert.ok(error instanceof HardenedArgsError, String(error));
        assert.equal(error.arg, "args.image");
        assert.match(error.message, /"ghcr\.io\/acme\/web:latest" is not pinned by digest/);
        return true;
      });
    });

    it("do not fail during a preview while the image is unknown", async () => {
      captured = captureResources(true);
      const component = new HardenedDeployment("web", {
        ...COMPLETE,
        image: {
          ref: unknownOutput<string>(),
          user: unknownOutput<{ uid: number; gid: number }>(),
        },
      });
      assert.equal(await isKnown(component.podSpec), false);
      await valueOf(component.deployment.urn);
      assert.equal(resourceOf(captured, TYPES.deployment).type, TYPES.deployment);
    });
  });

  describe("rule options and reporting", () => {
    type Log = { warn: (message: string) => void };
    const log = pulumi.log as unknown as Log;
    let original: Log["warn"];
    let warnings: string[];

    beforeEach(() => {
      original = log.warn;
      warnings = [];
      log.warn = (message: string) => {
        warnings.push(message);
      };
    });

    afterEach(() => {
      log.warn = original;
    });

    it("refuses a secret-looking literal env value without printing the value", () => {
      assert.throws(
        () =>
          new HardenedDeployment("web", {
            ...COMPLETE,
            env: [{ name: "API_TOKEN", value: "s3cr3t-value" }],
          }),
        (error: unknown) => {
          assert.ok(error instanceof HardeningViolationError, String(error));
          assert.deepEqual(
            error.findings.map((f) => [f.ruleId, f.path]),
            [["env-secret-literal", `${APP}.env[0].value`]],
          );
          assert.equal(error.message.includes("s3cr3t-value"), false, error.message);
          return true;
        },
      );
    });

    it("passes ruleOptions to the rules", () => {
      assert.throws(
        () =>
          new HardenedDeployment("web", {
            ...COMPLETE,
            ruleOptions: { allowedRegistries: ["registry.acme.io"] },
          }),
        (error: unknown) =>
          error instanceof HardeningViolationError &&
          error.findings.map((f) => `${f.ruleId} ${f.path}`).join() ===
            `allowed-registries ${APP}.image`,
      );
    });

    it("logs the warnings it leaves and the exemptions that cover nothing", async () => {
      await deploy({
        image: COMPLETE.image,
        resources: "small",
        exemptions: [{ rule: "privileged", container: "app", reason: "copied from an old chart" }],
      });
      assert.deepEqual(warnings.map((w) => w.split(":")[0]).sort(), [
        "default-namespace (warning) at metadata.namespace",
        `liveness-probe (warning) at ${APP}.livenessProbe`,
        `readiness-probe (warning) at ${APP}.readinessProbe`,
        `the exemption of privileged in container "app" covers no finding; remove it from args.exemptions`,
      ]);
    });
  });
});
