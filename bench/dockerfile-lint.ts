import { DockerfileParser } from "dockerfile-ast";
import { lintDockerfile } from "../rules/dockerfile/lint";
import { BenchResult, bestOf } from "./bench-result";
import { dockerfileCorpus } from "./dockerfile-corpus";

const DOCKERFILES = 2_000;

/** Lint and parse alternate, so a burst of load on a shared machine hits both alike. */
const ROUNDS = 5;

/**
 * `lintDockerfile` throughput over 2,000 varied multi-stage Dockerfiles, against parsing the same
 * texts with dockerfile-ast alone (parse, then walk every instruction's arguments, which is what
 * any consumer of the parser does), in the same run, the best of 5 alternating rounds each.
 * Target: lint time ≤ 1.5 × parse time.
 */
export function benchDockerfileLint(): BenchResult {
  const texts = dockerfileCorpus(DOCKERFILES);
  let findings = 0;
  const lint = () => {
    findings = 0;
    for (const text of texts) {
      findings += lintDockerfile(text, { file: "Dockerfile" }).length;
    }
  };
  const parse = () => {
    for (const text of texts) {
      for (const instruction of DockerfileParser.parse(text).getInstructions()) {
        instruction.getArguments();
      }
    }
  };
  let lintMs = Infinity;
  let parseMs = Infinity;
  for (let round = 0; round < ROUNDS; round++) {
    lintMs = Math.min(lintMs, bestOf(1, lint));
    parseMs = Math.min(parseMs, bestOf(1, parse));
  }
  const ratio = lintMs / parseMs;
  return {
    name: "dockerfile-lint",
    description: `lintDockerfile over ${DOCKERFILES} multi-stage Dockerfiles, against dockerfile-ast parsing alone`,
    metrics: {
      dockerfiles: DOCKERFILES,
      findings,
      bytes: texts.reduce((n, t) => n + t.length, 0),
      lintMs: Math.round(lintMs),
      parseMs: Math.round(parseMs),
      dockerfilesPerSecond: Math.round((DOCKERFILES / lintMs) * 1000),
    },
    ratio: { value: Number(ratio.toFixed(3)), target: 1.5, met: ratio <= 1.5 },
  };
}

if (require.main === module) {
  process.stdout.write(`${JSON.stringify(benchDockerfileLint(), null, 2)}\n`);
}
