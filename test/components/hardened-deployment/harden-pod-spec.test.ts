import { strict as assert } from "assert";
import { hardenPodSpec } from "../../../components/harden-pod-spec";
import {
  HARDENED_CONTAINER_SECURITY_CONTEXT,
  HARDENED_POD_SECURITY_CONTEXT,
  HardenedArgsError,
  HardeningViolationError,
  exemptionAnnotations,
} from "../../../components/hardened-deployment";
import { evaluateWorkload } from "../../../rules/kubernetes/evaluate";
import { PROFILES } from "../../../rules/profile";
import { workloadOf } from "../../fixtures/workloads";
import { IMAGE, PROBE } from "./fixtures";

type Plain = Record<string, unknown>;

/** A StatefulSet-style pod spec as a user writes it: nothing about security. */
function userSpec(): Plain {
  return {
    serviceAccountName: "db",
    nodeSelector: { disk: "ssd" },
    initContainers: [
      {
        name: "migrate",
        image: IMAGE,
        resources: { requests: { cpu: "50m", memory: "64Mi" }, limits: { memory: "64Mi" } },
      },
    ],
    containers: [
      {
        name: "db",
        image: IMAGE,
        env: [{ name: "MODE", value: "replica" }],
        ports: [{ name: "pg", containerPort: 5432 }],
        resources: { requests: { cpu: "500m", memory: "1Gi" }, limits: { memory: "1Gi" } },
        livenessProbe: PROBE,
        readinessProbe: PROBE,
        volumeMounts: [{ name: "data", mountPath: "/var/lib/postgresql/data" }],
      },
    ],
    volumes: [{ name: "data", persistentVolumeClaim: { claimName: "db" } }],
  };
}

function containers(spec: Plain, list = "containers"): Plain[] {
  return spec[list] as Plain[];
}

describe("hardenPodSpec", () => {
  it("returns a hardened copy that keeps every user field and does not touch the input", () => {
    const input = userSpec();
    const before = JSON.stringify(input);
    const spec = hardenPodSpec(input);
    assert.equal(JSON.stringify(input), before);
    assert.deepEqual(spec, {
      ...userSpec(),
      automountServiceAccountToken: false,
      securityContext: { ...HARDENED_POD_SECURITY_CONTEXT },
      initContainers: [
        {
          ...containers(userSpec(), "initContainers")[0],
          securityContext: HARDENED_CONTAINER_SECURITY_CONTEXT,
          volumeMounts: [{ name: "tmp", mountPath: "/tmp" }],
        },
      ],
      containers: [
        {
          ...containers(userSpec())[0],
          securityContext: HARDENED_CONTAINER_SECURITY_CONTEXT,
          volumeMounts: [
            { name: "data", mountPath: "/var/lib/postgresql/data" },
            { name: "tmp", mountPath: "/tmp" },
          ],
        },
      ],
      volumes: [
        { name: "data", persistentVolumeClaim: { claimName: "db" } },
        { name: "tmp", emptyDir: { sizeLimit: "64Mi" } },
      ],
    });
  });

  for (const kind of ["StatefulSet", "Job", "CronJob", "DaemonSet"]) {
    for (const profile of PROFILES) {
      it(`makes a ${kind} pass every rule of the ${profile} profile`, () => {
        const workload = workloadOf(kind, hardenPodSpec(userSpec()));
        assert.deepEqual(evaluateWorkload(workload, { profile }), []);
      });
    }
  }

  it("keeps the spec's own security values over the defaults", () => {
    const input = userSpec();
    input.securityContext = { fsGroup: 2000, runAsUser: 10001 };
    containers(input)[0].securityContext = {
      capabilities: { drop: ["ALL"], add: ["NET_BIND_SERVICE"] },
    };
    const spec = hardenPodSpec(input);
    assert.deepEqual(spec.securityContext, {
      ...HARDENED_POD_SECURITY_CONTEXT,
      fsGroup: 2000,
      runAsUser: 10001,
    });
    assert.deepEqual(containers(spec)[0].securityContext, {
      ...HARDENED_CONTAINER_SECURITY_CONTEXT,
      capabilities: { drop: ["ALL"], add: ["NET_BIND_SERVICE"] },
    });
  });

  it("applies options over both, and removes a field with null", () => {
    const input = userSpec();
    input.securityContext = { runAsUser: 10001 };
    const spec = hardenPodSpec(input, {
      user: { uid: 20000, gid: 20001 },
      securityContext: { pod: { runAsUser: null, fsGroup: 30000 } },
    });
    assert.deepEqual(spec.securityContext, {
      runAsNonRoot: true,
      runAsGroup: 20001,
      fsGroup: 30000,
      seccompProfile: { type: "RuntimeDefault" },
    });
  });

  it("gives ephemeral containers the security defaults but no mounts", () => {
    const input = userSpec();
    input.ephemeralContainers = [{ name: "debug", image: IMAGE }];
    const debug = containers(hardenPodSpec(input), "ephemeralContainers")[0];
    assert.deepEqual(debug, {
      name: "debug",
      image: IMAGE,
      securityContext: HARDENED_CONTAINER_SECURITY_CONTEXT,
    });
  });

  it("mounts writable paths only where they are missing, under names that are free", () => {
    const input = userSpec();
    input.volumes = [
      ...(input.volumes as Plain[]),
      { name: "tmp", emptyDir: { sizeLimit: "8Mi" } },
    ];
    containers(input)[0].volumeMounts = [{ name: "tmp", mountPath: "/tmp" }];
    const spec = hardenPodSpec(input, {
      writablePaths: [{ path: "/cache", sizeLimit: "1Gi", memory: true }],
    });
    assert.deepEqual(containers(spec)[0].volumeMounts, [
      { name: "tmp", mountPath: "/tmp" },
      { name: "cache", mountPath: "/cache" },
    ]);
    assert.deepEqual(containers(spec, "initContainers")[0].volumeMounts, [
      { name: "tmp-2", mountPath: "/tmp" },
      { name: "cache", mountPath: "/cache" },
    ]);
    assert.deepEqual((spec.volumes as Plain[]).slice(2), [
      { name: "tmp-2", emptyDir: { sizeLimit: "64Mi" } },
      { name: "cache", emptyDir: { medium: "Memory", sizeLimit: "1Gi" } },
    ]);
  });

  it("adds no /tmp with tmp: null", () => {
    const spec = hardenPodSpec(userSpec(), { tmp: null });
    assert.deepEqual(containers(spec, "initContainers")[0].volumeMounts, undefined);
    assert.deepEqual(spec.volumes, userSpec().volumes);
  });

  it("refuses a user field that breaks a rule, with the rule id, the path and the value", () => {
    const input = userSpec();
    containers(input)[0].securityContext = { privileged: true };
    assert.throws(
      () => hardenPodSpec(input),
      (error: unknown) => {
        assert.ok(error instanceof HardeningViolationError, String(error));
        assert.deepEqual(
          error.findings.map((f) => [f.ruleId, f.path, f.container]),
          [["privileged", "spec.containers[0].securityContext.privileged", "db"]],
        );
        assert.match(error.message, /^hardenPodSpec breaks a hardening rule:/);
        assert.match(error.message, /privileged is true; expected false or unset/);
        return true;
      },
    );
  });

  it("refuses a container without resources, as HardenedDeployment would", () => {
    const input = userSpec();
    delete containers(input)[0].resources;
    assert.throws(
      () => hardenPodSpec(input),
      (error: unknown) => {
        assert.ok(error instanceof HardeningViolationError, String(error));
        assert.deepEqual(
          error.findings.map((f) => [f.ruleId, f.path]),
          [
            ["resource-requests", "spec.containers[0].resources.requests.cpu"],
            ["resource-requests", "spec.containers[0].resources.requests.memory"],
            ["memory-limit", "spec.containers[0].resources.limits.memory"],
          ],
        );
        assert.match(error.message, /^hardenPodSpec breaks hardening rules \(3 findings\):/);
        return true;
      },
    );
  });

  it("accepts a broken rule that an exemption covers", () => {
    const input = userSpec();
    containers(input)[0].securityContext = { readOnlyRootFilesystem: false };
    const exemptions = [
      {
        rule: "read-only-root-filesystem",
        container: "db",
        reason: "postgres writes its socket dir",
      },
    ];
    const spec = hardenPodSpec(input, { exemptions });
    const workload = workloadOf("StatefulSet", spec);
    (workload.metadata as Plain).annotations = exemptionAnnotations(exemptions);
    assert.deepEqual(
      evaluateWorkload(workload).map((f) => [f.ruleId, f.container, f.exempted]),
      [["read-only-root-filesystem", "db", true]],
    );
  });

  it("names the option in bad options", () => {
    assert.throws(
      () =>
        hardenPodSpec(userSpec(), {
          exemptions: [{ rule: "privileged", reason: "x", container: "nope" }],
        }),
      (error: unknown) =>
        error instanceof HardenedArgsError &&
        error.message ===
          `hardenPodSpec: options.exemptions[0].container: "nope" is not a container of this workload; expected one of migrate, db`,
    );
    assert.throws(
      () => hardenPodSpec(userSpec(), { writablePaths: ["cache"] }),
      (error: unknown) =>
        error instanceof HardenedArgsError && error.arg === "options.writablePaths[0]",
    );
    assert.throws(
      () => hardenPodSpec(userSpec(), { securityContext: { pod: { runAsUser: 1.5 } } }),
      (error: unknown) =>
        error instanceof HardenedArgsError && error.arg === "options.securityContext.pod.runAsUser",
    );
  });
});

describe("exemptionAnnotations", () => {
  it("writes nothing for no exemption, and the rule list and reason otherwise", () => {
    assert.deepEqual(exemptionAnnotations([]), {});
    assert.deepEqual(
      exemptionAnnotations([
        { rule: "read-only-root-filesystem", container: "db", reason: "socket dir" },
        { rule: "high-uid", reason: "socket dir" },
      ]),
      {
        "hardened.dev/exempt": "read-only-root-filesystem:db,high-uid",
        "hardened.dev/exempt-reason": "socket dir",
      },
    );
  });

  it("throws for an unknown rule", () => {
    assert.throws(
      () => exemptionAnnotations([{ rule: "nope", reason: "x" }]),
      /^HardenedArgsError: exemptionAnnotations: exemptions\[0\]\.rule: "nope" is not a Kubernetes rule id/,
    );
  });
});

describe("hardened securityContext defaults", () => {
  it("are frozen, so no caller can change them for everyone", () => {
    assert.ok(Object.isFrozen(HARDENED_POD_SECURITY_CONTEXT));
    assert.ok(Object.isFrozen(HARDENED_CONTAINER_SECURITY_CONTEXT));
    assert.ok(Object.isFrozen(HARDENED_CONTAINER_SECURITY_CONTEXT.capabilities?.drop));
  });
});
