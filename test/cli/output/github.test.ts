import { strict as assert } from "assert";
import { escapeGithubData, escapeGithubProperty, renderGithub } from "../../../cli/output/github";

describe("GitHub workflow command output", () => {
  it("percent-encodes %, CR and LF in messages, and also : and , in properties", () => {
    assert.equal(escapeGithubData("50% a\r\nb: c, d"), "50%25 a%0D%0Ab: c, d");
    assert.equal(escapeGithubProperty("50% a\r\nb: c, d"), "50%25 a%0D%0Ab%3A c%2C d");
  });

  it("writes one command per open finding: error, warning, notice; file, line and rule as title", () => {
    const out = renderGithub({
      command: "check",
      checked: 1,
      findings: [
        {
          ruleId: "run-as-non-root",
          severity: "error",
          message: "runAsNonRoot is unset; expected true",
          path: "spec.securityContext.runAsNonRoot",
          container: null,
          file: "k8s/a,b:c.yaml",
          line: 4,
          kind: "Deployment",
          namespace: "shop",
          name: "web",
        },
        {
          ruleId: "dockerfile-healthcheck",
          severity: "warning",
          message: "no HEALTHCHECK\nat 100%",
          path: "stage[0].HEALTHCHECK",
          container: null,
          file: "-",
          stage: "0",
        },
        {
          ruleId: "image-labels",
          severity: "note",
          message: "no labels",
          path: "config.Labels",
          container: "app",
        },
        {
          ruleId: "run-as-non-root",
          severity: "error",
          message: "exempted one",
          path: "spec",
          container: null,
          exempted: true,
          exemptionReason: "legacy",
        },
      ],
    });
    assert.equal(
      out,
      [
        "::error file=k8s/a%2Cb%3Ac.yaml,line=4,title=run-as-non-root::Deployment shop/web: spec.securityContext.runAsNonRoot: runAsNonRoot is unset; expected true",
        "::warning title=dockerfile-healthcheck::stage 0: stage[0].HEALTHCHECK: no HEALTHCHECK\\nat 100%25",
        "::notice title=image-labels::container app: config.Labels: no labels",
        "",
      ].join("\n"),
    );
  });
});
