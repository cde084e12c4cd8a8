import { mkdirSync, mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { workloadCorpus } from "./workload-corpus";

/** How many files of each sort a generated repository holds. */
export interface RepositoryCorpus {
  /** The repository's root directory, in the system's temp folder. */
  readonly dir: string;
  /** Files of Kubernetes manifests (one or two workloads each, some with a Service). */
  readonly kubernetes: number;
  /** YAML and JSON files that are not Kubernetes: app configs, compose files, CI workflows. */
  readonly otherYaml: number;
  /** Files that are not YAML: Markdown, shell scripts, source code. */
  readonly text: number;
  /** Workloads in the Kubernetes files. */
  readonly workloads: number;
}

const SERVICE =
  "apiVersion: v1\nkind: Service\nmetadata:\n  name: svc\nspec:\n  ports:\n    - port: 80\n";

const OTHER_YAML: readonly ((i: number) => [string, string])[] = [
  (i) => [
    `config-${i}.yaml`,
    `server:\n  port: ${8000 + (i % 100)}\n  workers: 4\nfeatures: [search, cart]\n`,
  ],
  (i) => [
    `docker-compose-${i}.yml`,
    `services:\n  web:\n    image: shop/web:${i}\n    ports: ["8080:8080"]\n  db:\n    image: postgres:16\n`,
  ],
  (i) => [
    `workflow-${i}.yml`,
    `name: ci-${i}\non: [push]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm test\n`,
  ],
  (i) => [`settings-${i}.json`, JSON.stringify({ name: `svc-${i}`, retries: 3, tags: ["a", "b"] })],
];

const TEXT: readonly ((i: number) => [string, string])[] = [
  (i) => [`README-${i}.md`, `# Service ${i}\n\nDeploy with \`kubectl apply -f k8s/\`.\n`],
  (i) => [`deploy-${i}.sh`, `#!/bin/sh\nset -eu\nkubectl apply -f manifest-${i}.yaml\n`],
  (i) => [`main-${i}.ts`, `export const port = ${8000 + i};\n`],
];

/**
 * Writes a repository of `files` files of mixed content into a new temp folder: 60% Kubernetes
 * manifests (workloads of every kind from the workload corpus, a third with a Service beside),
 * 20% other YAML and JSON, 20% text; 100 files per directory, two levels deep.
 */
export function repositoryCorpus(files: number): RepositoryCorpus {
  const dir = mkdtempSync(join(tmpdir(), "hardened-bench-repo-"));
  const workloadDocs = workloadCorpus(Math.ceil(files * 1.2)).split("---\n");
  const counts = { kubernetes: 0, otherYaml: 0, text: 0, workloads: 0 };
  const write = (index: number, [name, content]: [string, string]) => {
    const folder = join(
      dir,
      `team-${Math.floor(index / 1000)}`,
      `service-${Math.floor(index / 100) % 10}`,
    );
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, name), content);
  };
  for (let i = 0; i < files; i++) {
    if (i % 5 < 3) {
      const docs = [workloadDocs[counts.workloads++]];
      if (i % 4 === 0) docs.push(workloadDocs[counts.workloads++]);
      if (i % 3 === 0) docs.push(SERVICE);
      counts.kubernetes++;
      write(i, [`manifest-${i}.yaml`, docs.join("---\n")]);
    } else if (i % 5 === 3) {
      counts.otherYaml++;
      write(i, OTHER_YAML[i % OTHER_YAML.length](i));
    } else {
      counts.text++;
      write(i, TEXT[i % TEXT.length](i));
    }
  }
  return { dir, ...counts };
}
