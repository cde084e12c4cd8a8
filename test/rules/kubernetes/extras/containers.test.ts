import { strict as assert } from "assert";
import { envSecretLiteral } from "../../../../rules/kubernetes/extras/env-secret-literal";
import { livenessProbe } from "../../../../rules/kubernetes/extras/liveness-probe";
import { memoryLimit } from "../../../../rules/kubernetes/extras/memory-limit";
import { readinessProbe } from "../../../../rules/kubernetes/extras/readiness-probe";
import { resourceRequests } from "../../../../rules/kubernetes/extras/resource-requests";
import { hardenedPodSpec, setPath, workloadOf } from "../../../fixtures/workloads";
import { Found, messagesOf, podWith, runRule } from "./run";

const APP = "spec.containers[0]";

describe("resource-requests", () => {
  const cases: readonly [title: string, resources: unknown, expected: Found[]][] = [
    ["cpu and memory requested", { requests: { cpu: "100m", memory: "128Mi" } }, []],
    ["numbers", { requests: { cpu: 1, memory: 134217728 } }, []],
    ["limits only: the API server copies them", { limits: { cpu: "1", memory: "1Gi" } }, []],
    [
      "no resources",
      undefined,
      [
        ["resource-requests", `${APP}.resources.requests.cpu`, "app"],
        ["resource-requests", `${APP}.resources.requests.memory`, "app"],
      ],
    ],
    [
      "a zero cpu request",
      { requests: { cpu: "0", memory: "1Gi" } },
      [["resource-requests", `${APP}.resources.requests.cpu`, "app"]],
    ],
    [
      "a bad limit standing in for the request is reported at the limit",
      { requests: { cpu: "1" }, limits: { memory: "lots" } },
      [["resource-requests", `${APP}.resources.limits.memory`, "app"]],
    ],
    [
      "a bad request next to a good limit is reported at the request",
      { requests: { cpu: "1", memory: "1 Gi" }, limits: { memory: "1Gi" } },
      [["resource-requests", `${APP}.resources.requests.memory`, "app"]],
    ],
  ];
  for (const [title, resources, expected] of cases) {
    it(title, () =>
      assert.deepEqual(
        runRule(resourceRequests, podWith({ "containers[0].resources": resources })),
        expected,
      ),
    );
  }

  it("skips ephemeral containers, which cannot set resources", () => {
    assert.deepEqual(
      runRule(resourceRequests, podWith({ "ephemeralContainers[0].resources": undefined })),
      [],
    );
  });
});

describe("memory-limit", () => {
  const cases: readonly [title: string, resources: unknown, problem: string | null][] = [
    ["a limit", { limits: { memory: "256Mi" } }, null],
    ["a request only", { requests: { memory: "256Mi" } }, "limits.memory is unset"],
    ["no resources", undefined, "limits.memory is unset"],
    ["a negative limit", { limits: { memory: "-1Gi" } }, "is not greater than zero"],
  ];
  for (const [title, resources, problem] of cases) {
    it(`${title}: ${problem ?? "passes"}`, () => {
      const workload = podWith({ "initContainers[0].resources": resources });
      assert.deepEqual(
        runRule(memoryLimit, workload),
        problem === null
          ? []
          : [["memory-limit", "spec.initContainers[0].resources.limits.memory", "init"]],
      );
      if (problem !== null) {
        assert.ok(messagesOf(memoryLimit, workload)[0].includes(problem));
      }
    });
  }
});

describe("liveness-probe and readiness-probe", () => {
  it("require probes on sidecars (init containers with restartPolicy: Always)", () => {
    const workload = podWith({ "initContainers[0].restartPolicy": "Always" });
    assert.deepEqual(runRule(livenessProbe, workload), [
      ["liveness-probe", "spec.initContainers[0].livenessProbe", "init"],
    ]);
    assert.deepEqual(runRule(readinessProbe, workload), [
      ["readiness-probe", "spec.initContainers[0].readinessProbe", "init"],
    ]);
  });

  it("do not require probes on ordinary init or ephemeral containers", () => {
    const workload = podWith({ "initContainers[0].restartPolicy": "Never" });
    assert.deepEqual(runRule(livenessProbe, workload), []);
    assert.deepEqual(runRule(readinessProbe, workload), []);
  });

  it("treat a probe that is not an object as missing", () => {
    assert.deepEqual(runRule(livenessProbe, podWith({ "containers[0].livenessProbe": "yes" })), [
      ["liveness-probe", `${APP}.livenessProbe`, "app"],
    ]);
  });

  for (const kind of ["Job", "CronJob"]) {
    it(`readiness is not required in a ${kind}, liveness is`, () => {
      const spec = hardenedPodSpec();
      setPath(spec, "containers[0].readinessProbe", undefined);
      setPath(spec, "containers[0].livenessProbe", undefined);
      const workload = workloadOf(kind, spec);
      assert.deepEqual(runRule(readinessProbe, workload), []);
      assert.equal(runRule(livenessProbe, workload).length, 1);
    });
  }
});

describe("env-secret-literal", () => {
  const SECRET = "s3cr3t-Value-42";
  const cases: readonly [name: string, value: unknown, reported: boolean][] = [
    ["DB_PASSWORD", SECRET, true],
    ["dbPassword", SECRET, true],
    ["GITHUB_TOKEN", SECRET, true],
    ["API_KEY", SECRET, true],
    ["STRIPE_APIKEY", SECRET, true],
    ["OAUTH_CLIENT_SECRET", SECRET, true],
    ["TLS_PRIVATE_KEY", SECRET, true],
    ["AWS_SECRET_ACCESS_KEY", SECRET, true],
    ["DB_PASSWORD_FILE", "/run/secrets/db", false],
    ["TOKEN_PATH", "/var/run/token", false],
    ["SECRET_NAME", "db-credentials", false],
    ["AWS_ACCESS_KEY_ID_NAME", "x", false],
    ["LOG_LEVEL", "debug", false],
    ["DB_PASSWORD", "", false],
    ["DB_PASSWORD", "$(PASSWORD_FROM_SECRET)", false],
    ["DB_PASSWORD", 42, false],
    ["GIT_REMOTE", "https://deploy:hunter2@git.example.com/repo.git", true],
    ["BOOTSTRAP", "AKIAIOSFODNN7EXAMPLE", true],
    ["GIT_REMOTE", "https://git.example.com/repo.git", false],
  ];
  for (const [name, value, reported] of cases) {
    it(`${name}=${JSON.stringify(value)}: ${reported ? "reported" : "passes"}`, () => {
      const workload = podWith({
        "ephemeralContainers[0].env": [
          { name: "PORT", value: "8080" },
          { name, value },
        ],
      });
      assert.deepEqual(
        runRule(envSecretLiteral, workload),
        reported
          ? [["env-secret-literal", "spec.ephemeralContainers[0].env[1].value", "debug"]]
          : [],
      );
      for (const message of messagesOf(envSecretLiteral, workload)) {
        assert.ok(typeof value !== "string" || !message.includes(value), message);
        assert.ok(!message.includes("hunter2"), message);
      }
    });
  }

  it("accepts valueFrom", () => {
    const workload = podWith({
      "containers[0].env": [
        { name: "DB_PASSWORD", valueFrom: { secretKeyRef: { name: "db", key: "password" } } },
      ],
    });
    assert.deepEqual(runRule(envSecretLiteral, workload), []);
  });
});
