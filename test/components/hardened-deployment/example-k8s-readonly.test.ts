import { strict as assert } from "assert";
import { mkdtempSync, readFileSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import * as pulumi from "@pulumi/pulumi";
import { parse } from "yaml";
import { evaluateWorkload } from "../../../rules/kubernetes/evaluate";
import { KubernetesObject } from "../../../rules/kubernetes/types";
import { PROFILES } from "../../../rules/profile";
import { runCli } from "../../support/run-cli";
import { IMAGE } from "./fixtures";
import { CapturedResource, captureResources, valueOf } from "./mocks";
import { renderYaml } from "../../../preview/render-yaml";

describe("examples/k8s-readonly", () => {
  let dir: string;
  let captured: CapturedResource[];
  let files: string[];

  before(async function () {
    this.timeout(120000);
    dir = mkdtempSync(join(tmpdir(), "k8s-readonly-"));
    captured = captureResources();
    pulumi.runtime.setConfig("k8s-readonly:image", IMAGE);
    pulumi.runtime.setConfig("k8s-readonly:renderDir", join(dir, "rendered"));
    const program = await import("../../../examples/k8s-readonly");
    const web = program.web;
    await Promise.all(
      [
        web.deployment,
        web.serviceAccount,
        web.service,
        web.podDisruptionBudget,
        web.networkPolicy,
      ].map((r) => valueOf(r!.urn)),
    );
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

  it("sends every Kubernetes resource through the rendering provider", () => {
    const provider = captured.find((r) => r.type === "pulumi:providers:kubernetes")!;
    assert.equal(provider.inputs.renderYamlToDirectory, join(dir, "rendered"));
    for (const resource of captured.filter((r) => r.type.startsWith("kubernetes:"))) {
      assert.match(
        resource.provider ?? "",
        /::render::/,
        `${resource.type} uses the render provider`,
      );
    }
  });

  it("renders one manifest per resource where the provider would", () => {
    assert.deepEqual(files, [
      "1-manifest/apps_v1-deployment-shop-web.yaml",
      "1-manifest/networking.k8s.io_v1-networkpolicy-shop-web.yaml",
      "1-manifest/policy_v1-poddisruptionbudget-shop-web.yaml",
      "1-manifest/v1-namespace-default-shop.yaml",
      "1-manifest/v1-service-shop-web.yaml",
      "1-manifest/v1-serviceaccount-shop-web.yaml",
    ]);
  });

  it("mounts the cache directory and /tmp as size-limited emptyDirs", () => {
    const deployment = parse(
      readFileSync(join(dir, "rendered", "1-manifest/apps_v1-deployment-shop-web.yaml"), "utf8"),
    );
    const pod = deployment.spec.template.spec;
    assert.deepEqual(pod.containers[0].volumeMounts, [
      { name: "tmp", mountPath: "/tmp" },
      { name: "var-cache-nginx", mountPath: "/var/cache/nginx" },
    ]);
    assert.deepEqual(pod.volumes, [
      { name: "tmp", emptyDir: { sizeLimit: "64Mi" } },
      { name: "var-cache-nginx", emptyDir: { sizeLimit: "256Mi" } },
    ]);
    assert.equal(pod.containers[0].securityContext.readOnlyRootFilesystem, true);
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
    assert.match(run.stdout, /^6 files read: 5 other Kubernetes objects; nothing skipped$/m);
    assert.match(run.stdout, /^0 errors, 0 warnings, 0 notes in 1 workload checked/m);
  });
});
