import { strict as assert } from "assert";
import { parseInstallLines } from "../../bench/peers/install-peers";
import { normaliseId, peerIds } from "../../bench/peers/peer-ids";
import { RECIPES } from "../../bench/peers/tools";

describe("bench: peers", () => {
  it("reads the install script's lines: installed with its executable, or unavailable with the reason", () => {
    assert.deepEqual(
      parseInstallLines(
        "hadolint\t2.15.1\tinstalled\t/c/hadolint-2.15.1/venv/bin/hadolint\t14\n" +
          "polaris\t-\tunavailable\tthe Go module proxy does not serve it (403 Forbidden)\n",
      ),
      [
        {
          tool: "hadolint",
          version: "2.15.1",
          installed: true,
          executable: "/c/hadolint-2.15.1/venv/bin/hadolint",
          installSeconds: 14,
        },
        {
          tool: "polaris",
          version: "-",
          installed: false,
          reason: "the Go module proxy does not serve it (403 Forbidden)",
        },
      ],
    );
  });

  it("maps a planted problem's rules to each peer's ids through the catalog's references", () => {
    assert.deepEqual(
      [...peerIds("hardened", ["dockerfile-final-user"])],
      ["dockerfile-final-user"],
    );
    assert.ok(peerIds("hadolint", ["dockerfile-final-user"]).has("DL3002"));
    assert.ok(peerIds("checkov", ["privileged"]).has("CKV_K8S_16"));
    assert.ok(peerIds("kube-score", ["privileged"]).has("container-security-context-privileged"));
    assert.ok(peerIds("trivy", ["dockerfile-final-user"]).has(normaliseId("trivy", "AVD-DS-0002")));
    assert.ok(peerIds("trivy", ["dockerfile-secret-name"]).has(normaliseId("trivy", "DS-0031")));
    assert.equal(peerIds("hadolint", ["privileged"]).size, 0);
  });

  it("reads each tool's JSON output as (file, id) pairs", () => {
    const corpus = { kind: "manifest" as const, dir: "/c", files: ["/c/a.yaml"] };
    const recipe = (tool: string, kind: "dockerfile" | "manifest") =>
      RECIPES.find((r) => r.tool === tool && r.corpus === kind)!;
    assert.deepEqual(
      recipe("hadolint", "dockerfile").parse(
        JSON.stringify([
          { code: "DL3002", file: "/c/d/Dockerfile" },
          { code: "DL1000", file: "/c/e/Dockerfile" },
        ]),
        corpus,
      ),
      {
        reported: [
          { file: "/c/d/Dockerfile", id: "DL3002" },
          { file: "/c/e/Dockerfile", id: "DL1000" },
        ],
        parseErrors: 1,
      },
    );
    assert.deepEqual(
      recipe("checkov", "manifest").parse(
        JSON.stringify({
          check_type: "kubernetes",
          summary: { parsing_errors: 0 },
          results: { failed_checks: [{ check_id: "CKV_K8S_16", file_abs_path: "/c/a.yaml" }] },
        }),
        corpus,
      ).reported,
      [{ file: "/c/a.yaml", id: "CKV_K8S_16" }],
    );
    assert.deepEqual(
      recipe("kube-score", "manifest").parse(
        JSON.stringify([
          {
            file_name: "/c/a.yaml",
            checks: [
              { check: { id: "container-security-context-privileged" }, grade: 1, skipped: false },
              { check: { id: "pod-probes" }, grade: 1, skipped: true },
              { check: { id: "container-image-tag" }, grade: 10, skipped: false },
            ],
          },
        ]),
        corpus,
      ).reported,
      [{ file: "/c/a.yaml", id: "container-security-context-privileged" }],
    );
    assert.deepEqual(
      recipe("trivy", "manifest").parse(
        JSON.stringify({
          Results: [
            {
              Target: "a.yaml",
              Misconfigurations: [
                { ID: "KSV-0017", Status: "FAIL" },
                { ID: "KSV-0001", Status: "PASS" },
              ],
            },
          ],
        }),
        corpus,
      ).reported,
      [{ file: "/c/a.yaml", id: "KSV17" }],
    );
  });
});
