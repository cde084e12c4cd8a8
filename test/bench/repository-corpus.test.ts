import { strict as assert } from "assert";
import { rmSync } from "fs";
import { scanManifests } from "../../cli/manifests/scan-manifests";
import { repositoryCorpus } from "../../bench/repository-corpus";

describe("bench: the generated repository", () => {
  it("is checked as the benchmark expects: every workload, the rest skipped by reason", function () {
    this.timeout(60000);
    const corpus = repositoryCorpus(200);
    try {
      assert.deepEqual(
        [corpus.kubernetes, corpus.otherYaml, corpus.text, corpus.workloads],
        [120, 40, 40, 150],
      );
      const result = scanManifests([corpus.dir], {}, [], { values: [], set: [] }, () => "");
      assert.equal(result.checked, corpus.workloads);
      assert.equal(result.scan.files, corpus.kubernetes + corpus.otherYaml);
      assert.equal(result.scan.otherObjects, 40, "a Service in every third manifest file");
      const reasons = result.scan.skipped.map((s) => s.reason);
      assert.equal(reasons.filter((r) => r === "not-yaml").length, corpus.text);
      assert.equal(reasons.filter((r) => r === "not-kubernetes").length, corpus.otherYaml);
      assert.equal(reasons.length, corpus.text + corpus.otherYaml);
    } finally {
      rmSync(corpus.dir, { recursive: true, force: true });
    }
  });
});
