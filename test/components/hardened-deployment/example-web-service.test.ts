import { strict as assert } from "assert";
import { mkdtempSync, readFileSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import * as pulumi from "@pulumi/pulumi";
import { parse } from "yaml";
import { renderYaml } from "../../../preview/render-yaml";
import { evaluateWorkload } from "../../../rules/kubernetes/evaluate";
import { KubernetesObject } from "../../../rules/kubernetes/types";
import { PROFILES } from "../../../rules/profile";
import { runCli } from "../../support/run-cli";
import { DIGEST, IMAGE } from "./fixtures";
import { CapturedResource, captureResources, valueOf } from "./mocks";

const EXPORTER = `docker.io/nginx/nginx-prometheus-exporter@${DIGEST}`;

type Plain = Record<string, unknown>;

describe("examples/web-service", () => {
  let dir: string;
  let captured: CapturedResource[];
  let files: string[];

  const manifest = (file: string): Plain =>
    parse(readFileSync(join(dir, "rendered", "1-manifest", file), "utf8")) as Plain;
  const pod = () =>
    ((manifest("apps_v1-deployment-shop-web.yaml").spec as Plain).template as Plain).spec as Plain;

  before(async function () {
    this.timeout(120000);
    dir = mkdtempSync(join(tmpdir(), "web-service-"));
    captured = captureResources();
    pulumi.runtime.setConfig("web-service:image", IMAGE);
    pulumi.runtime.setConfig("web-service:exporterImage", EXPORTER);
    pulumi.runtime.setConfig("web-service:apiToken", "s3cr3t-token");
    pulumi.runtime.setConfig("web-service:renderDir", join(dir, "rendered"));
    const program = await import("../../../examples/web-service");
    const web = program.web;
    await Promise.all(
      [
        web.deployment,
        web.serviceAccount,
        web.service,
        web.podDisruptionBudget,
        web.networkPolicy,
        web.autoscaler,
      ].map((r) => valueOf(r!.urn)),
    );
    await valueOf(web.podSpec);
    const provider = captured.find((r) => r.type === "pulumi:providers:kubernetes");
    assert.ok(provider, "the program creates a Kubernetes provider");
    const rendered = renderYaml(
      captured.map((r) => ({ type: r.type, name: r.name, urn: "", properties: r.inputs })),
      provider.inputs.renderYamlToDirectory as string,
    );
    assert.deepEqual(rendered.skipped, []);
    files = rendered.written;
  });

  after(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it("renders every resource of the service", () => {
    assert.deepEqual(files, [
      "1-manifest/apps_v1-deployment-shop-web.yaml",
      "1-manifest/autoscaling_v2-horizontalpodautoscaler-shop-web.yaml",
      "1-manifest/networking.k8s.io_v1-networkpolicy-shop-web.yaml",
      "1-manifest/policy_v1-poddisruptionbudget-shop-web.yaml",
      "1-manifest/v1-configmap-shop-web-config.yaml",
      "1-manifest/v1-namespace-default-shop.yaml",
      "1-manifest/v1-secret-shop-web-credentials.yaml",
      "1-manifest/v1-service-shop-web.yaml",
      "1-manifest/v1-serviceaccount-shop-web.yaml",
    ]);
  });

  it("mounts the ConfigMap file and the Secret file read-only, the cache writable", () => {
    const [app] = pod().containers as Plain[];
    assert.deepEqual(app.volumeMounts, [
      { name: "tmp", mountPath: "/tmp" },
      { name: "var-cache-nginx", mountPath: "/var/cache/nginx" },
      { name: "config", mountPath: "/etc/web", readOnly: true },
      { name: "credentials", mountPath: "/run/secrets/web", readOnly: true },
    ]);
    assert.deepEqual(pod().volumes, [
      { name: "tmp", emptyDir: { sizeLimit: "64Mi" } },
      { name: "var-cache-nginx", emptyDir: { sizeLimit: "256Mi" } },
      { name: "config", configMap: { name: "web-config" } },
      { name: "credentials", secret: { secretName: "web-credentials", defaultMode: 0o440 } },
    ]);
    assert.deepEqual(manifest("v1-configmap-shop-web-config.yaml").data, {
      "app.yaml": "listen: 0.0.0.0:8080\nlog_level: info\n",
    });
    assert.equal(JSON.stringify(app.env).includes("s3cr3t"), false);
  });

  it("runs the exporter sidecar hardened like the app", () => {
    const [app, sidecar] = pod().containers as Plain[];
    assert.equal(sidecar.name, "metrics");
    assert.equal(sidecar.image, EXPORTER);
    assert.deepEqual(sidecar.securityContext, app.securityContext);
    assert.deepEqual(sidecar.securityContext, {
      privileged: false,
      allowPrivilegeEscalation: false,
      readOnlyRootFilesystem: true,
      capabilities: { drop: ["ALL"] },
    });
    assert.deepEqual(sidecar.volumeMounts, [{ name: "tmp", mountPath: "/tmp" }]);
  });

  it("leaves the number of pods to the autoscaler, with a PDB for its two-pod minimum", () => {
    const deployment = manifest("apps_v1-deployment-shop-web.yaml");
    assert.equal("replicas" in (deployment.spec as Plain), false);
    const hpa = manifest("autoscaling_v2-horizontalpodautoscaler-shop-web.yaml").spec as Plain;
    assert.deepEqual(
      [hpa.minReplicas, hpa.maxReplicas, hpa.scaleTargetRef],
      [2, 10, { apiVersion: "apps/v1", kind: "Deployment", name: "web" }],
    );
    assert.deepEqual(
      (manifest("policy_v1-poddisruptionbudget-shop-web.yaml").spec as Plain).maxUnavailable,
      1,
    );
  });

  for (const profile of PROFILES) {
    it(`renders YAML with no finding in the ${profile} profile`, () => {
      for (const file of files) {
        const object = parse(readFileSync(join(dir, "rendered", file), "utf8")) as KubernetesObject;
        assert.deepEqual(evaluateWorkload(object, { profile }), [], file);
      }
    });
  }

  it("passes `hardened check` on the rendered directory", function () {
    this.timeout(120000);
    const run = runCli(["check", join(dir, "rendered")]);
    assert.equal(run.code, 0, `${run.stdout}\n${run.stderr}`);
    assert.match(run.stdout, /^0 errors, 0 warnings, 0 notes in \d+ \S+ checked/m);
  });
});
