import { strict as assert } from "assert";
import { checkManifests } from "../../cli/manifests/check-manifests";
import { lintDockerfile } from "../../rules/dockerfile/lint";
import { DOCKERFILE_PROBLEMS, plantedDockerfileCorpus } from "../../bench/dockerfile-corpus";
import { WORKLOAD_PROBLEMS, plantedWorkloads } from "../../bench/workload-corpus";

/** Rules the corpora trip by design rather than by a planted problem. */
const BY_DESIGN: ReadonlySet<string> = new Set([
  "bare-pod", // the workload corpus holds every kind, Pod included
  "dockerfile-final-stage-tools", // exempted in the file by a pragma with a reason
]);

/** For each item, the rule ids the project reports open, and the problems planted. */
function compare(
  items: readonly { planted: readonly string[]; reported: ReadonlySet<string> }[],
  problems: Readonly<Record<string, readonly string[]>>,
): void {
  const planted = new Map<string, number>();
  items.forEach(({ planted: names, reported }, index) => {
    for (const name of names) {
      planted.set(name, (planted.get(name) ?? 0) + 1);
      assert.ok(
        problems[name].some((rule) => reported.has(rule)),
        `item ${index}: planted ${name} but none of ${problems[name].join(", ")} was reported (reported: ${[...reported].join(", ")})`,
      );
    }
    const explained = new Set(names.flatMap((name) => problems[name]));
    for (const rule of reported) {
      assert.ok(
        explained.has(rule) || BY_DESIGN.has(rule),
        `item ${index}: ${rule} was reported but no planted problem explains it (planted: ${names.join(", ")})`,
      );
    }
  });
  for (const name of Object.keys(problems)) {
    assert.ok((planted.get(name) ?? 0) > 0, `the corpus plants no ${name}`);
  }
}

describe("bench: the corpora's planted problems", () => {
  it("the Dockerfile corpus: lint reports every planted problem and nothing unplanted", function () {
    this.timeout(60000);
    const items = plantedDockerfileCorpus(300).map((d) => ({
      planted: d.planted,
      reported: new Set(
        lintDockerfile(d.text, { file: "Dockerfile" })
          .filter((f) => f.exempted !== true)
          .map((f) => f.ruleId),
      ),
    }));
    compare(items, DOCKERFILE_PROBLEMS);
  });

  it("the workload corpus: check reports every planted problem and nothing unplanted", function () {
    this.timeout(60000);
    const items = plantedWorkloads(9 * 8 * 11).map((w, i) => ({
      planted: w.planted,
      reported: new Set(
        checkManifests([{ file: `w${i}.yaml`, text: w.text }], { profile: "hardened" })
          .findings.filter((f) => f.exempted !== true)
          .map((f) => f.ruleId),
      ),
    }));
    compare(items, WORKLOAD_PROBLEMS);
  });
});
