import { strict as assert } from "assert";
import { envSecretRef } from "../../../../rules/kubernetes/extras/env-secret-ref";
import { evaluateWorkload } from "../../../../rules/kubernetes/evaluate";
import { messagesOf, podWith, runRule } from "./run";

const SECRET_KEY = { secretKeyRef: { name: "db", key: "password" } };

describe("env-secret-ref", () => {
  it("passes the hardened fixture, a Secret mounted as files, ConfigMap references and literal values", () => {
    const workload = podWith({
      "containers[0].env": [
        { name: "LOG_LEVEL", value: "info" },
        { name: "DB_PASSWORD_FILE", value: "/var/run/secrets/db/password" },
        { name: "MODE", valueFrom: { configMapKeyRef: { name: "app", key: "mode" } } },
        { name: "POD_IP", valueFrom: { fieldRef: { fieldPath: "status.podIP" } } },
      ],
      "containers[0].envFrom": [{ configMapRef: { name: "app" } }],
    });
    assert.deepEqual(runRule(envSecretRef, podWith({})), []);
    assert.deepEqual(runRule(envSecretRef, workload), []);
  });

  it("reports a secretKeyRef and an envFrom secretRef in every container list, at the reference", () => {
    const workload = podWith({
      "initContainers[0].env": [{ name: "DB_PASSWORD", valueFrom: SECRET_KEY }],
      "containers[0].env": [
        { name: "PORT", value: "8080" },
        { name: "DB_PASSWORD", valueFrom: SECRET_KEY },
      ],
      "containers[0].envFrom": [{ configMapRef: { name: "app" } }, { secretRef: { name: "api" } }],
      "ephemeralContainers[0].envFrom": [{ prefix: "API_", secretRef: { name: "api" } }],
    });
    assert.deepEqual(runRule(envSecretRef, workload), [
      ["env-secret-ref", "spec.initContainers[0].env[0].valueFrom.secretKeyRef", "init"],
      ["env-secret-ref", "spec.containers[0].env[1].valueFrom.secretKeyRef", "app"],
      ["env-secret-ref", "spec.containers[0].envFrom[1].secretRef", "app"],
      ["env-secret-ref", "spec.ephemeralContainers[0].envFrom[0].secretRef", "debug"],
    ]);
    assert.deepEqual(messagesOf(envSecretRef, workload).slice(1, 3), [
      'env "DB_PASSWORD" reads key "password" of Secret "db"; expected the Secret mounted as a file',
      'envFrom reads every key of Secret "api" into environment variables; expected the Secret mounted as files',
    ]);
  });

  it("is a note of the hardened profile: it informs and never fails a check", () => {
    assert.equal(envSecretRef.severity, "note");
    assert.deepEqual(envSecretRef.profiles, ["hardened"]);
    const workload = podWith({ "containers[0].env": [{ name: "TOKEN", valueFrom: SECRET_KEY }] });
    assert.deepEqual(
      evaluateWorkload(workload, { profile: "hardened" }).map((f) => [f.ruleId, f.severity]),
      [["env-secret-ref", "note"]],
    );
    assert.deepEqual(evaluateWorkload(workload, { profile: "restricted" }), []);
  });

  it("treats malformed entries as unset", () => {
    const workload = podWith({
      "containers[0].env": [null, "x", { name: "A", valueFrom: { secretKeyRef: "db" } }],
      "containers[0].envFrom": "api",
    });
    assert.deepEqual(runRule(envSecretRef, workload), []);
  });
});
