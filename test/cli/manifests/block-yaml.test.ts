import { strict as assert } from "assert";
import fc from "fast-check";
import { readFileSync, readdirSync, statSync } from "fs";
import { join } from "path";
import { plantedWorkloads } from "../../../bench/workload-corpus";
import { blockNearestLine, readBlockYaml } from "../../../cli/manifests/block-yaml";
import { ReadDocument, readWithYaml } from "../../../cli/manifests/parse-manifests";
import { KUBERNETES_YAML_CORPUS } from "./kubernetes-yaml.corpus";

/** Fixed, so a failure reproduces; change it only to explore. */
const LIMITS = { seed: 1531, numRuns: 3000, interruptAfterTimeLimit: 30_000 };

const FIXTURES = join(__dirname, "..", "..", "fixtures");

/** The `yaml` library's reading, as parse-manifests reads text outside the block subset; null on errors. */
function reference(text: string): ReadDocument[] | null {
  const docs = readWithYaml(text);
  return docs.some((doc) => doc.error !== undefined || doc.isNull) ? null : docs;
}

/** Every path into `value`, and beside each a few that lead nowhere or name an index as text. */
function probes(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  const out = [path, [...path, "absent", 0], [...path, 0], [...path, "0"], [...path, ""]];
  if (Array.isArray(value)) {
    value.forEach((item, i) => out.push(...probes(item, [...path, i]), [...path, String(i)]));
  } else if (value !== null && typeof value === "object") {
    for (const key of Object.keys(value)) {
      out.push(...probes((value as Record<string, unknown>)[key], [...path, key]));
    }
  }
  return out;
}

/**
 * Asserts the block reader agrees with the `yaml` library on `text`, or leaves it to the library;
 * returns whether it read the text.
 */
function agrees(text: string): boolean {
  const block = readBlockYaml(text);
  if (block === undefined) {
    return false;
  }
  const docs = reference(text);
  assert.notEqual(docs, null, `the block reader read text yaml refuses: ${JSON.stringify(text)}`);
  assert.equal(block.length, docs?.length, JSON.stringify(text));
  block.forEach((doc, i) => {
    const want = (docs as ReadDocument[])[i];
    const at = `${JSON.stringify(text)} document ${i}`;
    const wanted = want.decode(at);
    assert.deepEqual(doc.value, wanted, at);
    assert.equal(JSON.stringify(doc.value), JSON.stringify(wanted), `key order: ${at}`);
    assert.equal(doc.mayBeKubernetes, want.mayBeKubernetes, at);
    for (const segments of probes(wanted)) {
      const line = blockNearestLine(doc.root, segments);
      assert.equal(line, want.nearestLine(segments), `line of ${JSON.stringify(segments)}: ${at}`);
    }
  });
  return true;
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      return yamlFiles(path);
    }
    return /\.(ya?ml|json)$/.test(name) ? [path] : [];
  });
}

const KEYS = ["a", "b", "name", "kind", "apiVersion", "yes", "1", "01", "0x1", "__proto__"];
const QUOTED_KEYS = ['"a"', "'b'", '"1"', "'it''s'", '"a b"', '"<<"', '"true"'];
const SCALARS = ["x", "yes", "off", "~", "null", "-1", "0o17", "1_000", "1e3", ".5", "a b"];
const ODD_SCALARS = ["http://h:80/p", "a#b", "x # c", "'q'", '"d"', "''", "{}", "[]", "-x"];
const OUTSIDE = ["&a x", "*a", "!!str 1", "|", ">", "[a]", "{a: 1}", '"a\\"b"', "x:", "a: b"];

/** A generated YAML value, before it is written out. */
type Tree = string | { readonly map: [string, Tree][] } | { readonly seq: Tree[] };

const tree = fc.letrec<{ value: Tree; map: Tree; seq: Tree }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    { weight: 8, arbitrary: fc.constantFrom(...SCALARS, ...ODD_SCALARS) },
    { weight: 1, arbitrary: fc.constantFrom(...OUTSIDE) },
    { weight: 3, arbitrary: tie("map") },
    { weight: 2, arbitrary: tie("seq") },
  ),
  map: fc
    .array(fc.tuple(fc.constantFrom(...KEYS, ...QUOTED_KEYS), tie("value")), {
      minLength: 1,
      maxLength: 4,
    })
    .map((map) => ({ map })),
  seq: fc.array(tie("value"), { minLength: 1, maxLength: 3 }).map((seq) => ({ seq })),
}));

/** How a tree is written: indentation, where sequences go, comments and blank lines. */
interface Style {
  readonly step: number;
  readonly seqAtKeyIndent: boolean;
  readonly noise: readonly number[];
}

/** `tree` as block YAML lines at `indent`; `noise` picks comments and blanks as it goes. */
function write(value: Tree, indent: number, style: Style, state: { n: number }): string[] {
  const pad = " ".repeat(indent);
  const noise = () => style.noise[state.n++ % style.noise.length];
  const extra = (): string[] =>
    [[], [], [`${" ".repeat(noise())}# comment`], [""]][noise() % 4] as string[];
  const tail = () => (noise() % 5 === 0 ? " # trailing" : "");
  if (typeof value === "string") {
    return [value];
  }
  if ("map" in value) {
    return value.map.flatMap(([key, child]) => {
      if (typeof child === "string") {
        return [...extra(), `${pad}${key}: ${child}${tail()}`];
      }
      const inner = "seq" in child && style.seqAtKeyIndent ? indent : indent + style.step;
      return [...extra(), `${pad}${key}:${tail()}`, ...write(child, inner, style, state)];
    });
  }
  return value.seq.flatMap((child) => {
    if (typeof child === "string") {
      return [...extra(), `${pad}- ${child}${tail()}`];
    }
    const [first, ...rest] = write(child, indent + 2, style, state);
    return [...extra(), `${pad}- ${first.trimStart()}`, ...rest];
  });
}

/** Generated texts: one or more documents of block YAML, sometimes with one line re-indented. */
const generated = fc
  .tuple(
    fc.array(tree.map, { minLength: 1, maxLength: 2 }),
    fc.record({
      step: fc.constantFrom(1, 2, 4),
      seqAtKeyIndent: fc.boolean(),
      noise: fc.array(fc.nat(7), { minLength: 1, maxLength: 8 }),
    }),
    fc.option(fc.tuple(fc.nat(40), fc.integer({ min: -2, max: 2 }))),
  )
  .map(([docs, style, shift]) => {
    const state = { n: 0 };
    const lines = docs.flatMap((doc, i) => [
      ...(i > 0 ? ["---"] : []),
      ...write(doc, 0, style, state),
    ]);
    if (shift !== null) {
      const [at, by] = shift;
      const i = at % lines.length;
      const indent = Math.max(0, lines[i].length - lines[i].trimStart().length + by);
      lines[i] = `${" ".repeat(indent)}${lines[i].trimStart()}`;
    }
    return `${lines.join("\n")}\n`;
  });

describe("readBlockYaml (the block subset of YAML, read as the yaml library reads it)", function () {
  this.timeout(120_000);

  const CASES = [
    "a:\n  # c\n  b: 1\n",
    "a: 1 # c\n# c\nb:\n- x # c\n",
    "a:\n- x\n  # deeper comment\n- y",
    "a: x\n   # c\nb: 1",
    "a:\n  - b: 1\n    c: 2\n  - d\n",
    "a:\n  b:\n  - c\n  d: 1\n",
    "---\n",
    "a: 1\n---\n",
    "# x\n---\na: 1\n---\n\n---\nb: 2\n",
    "a: {}\nb: []\nc: {} # x\n",
    "apiVersion: v1\nkind: Pod\napiVersion: {}\n",
    "apiVersion: {}\nkind: Pod\napiVersion: v1\n",
    "__proto__: 1\nb: 2\n",
    "a: 1\nb: 2\na: 3\n",
    "1: a\n01: b\nyes: c\n",
    "a:\n    b: 1\n    c:\n      - 1\n      -   2\n",
    "a: http://x:80/y\nb: 'it''s'\nc: \"\"\n",
  ];

  it("agrees with the yaml library on hand-picked edge cases", () => {
    for (const text of CASES) {
      assert.ok(agrees(text), `read by the block reader: ${JSON.stringify(text)}`);
    }
  });

  it("leaves what is outside the subset to the yaml library", () => {
    for (const text of [
      "a: &x 1\nb: *x\n",
      "<<: {a: 1}\n",
      "a: !!str 1\n",
      "a: |\n  x\n",
      "a:\n  x\n  y\n",
      "a: [1]\n",
      'a: "\\t"\n',
      "a:\n",
      "a: 1\nb\n",
      "a:\tb\n",
      "a: b\r\n",
      "a: é\n",
      "- a\n",
      "  a: 1\n",
      "a: 1\n...\n",
      "--- a: 1\n",
      "%YAML 1.2\n---\na: 1\n",
      'yes: 1\n"true": 2\n',
      "a: .inf\n",
    ]) {
      assert.equal(readBlockYaml(text), undefined, JSON.stringify(text));
    }
  });

  it("reads every file of the bench's workload corpus, as the yaml library does", () => {
    for (const workload of plantedWorkloads(60)) {
      assert.ok(agrees(workload.text), workload.text);
    }
  });

  it("agrees with the yaml library on the test fixtures and the Kubernetes YAML corpus", () => {
    for (const text of [
      ...yamlFiles(FIXTURES).map((file) => readFileSync(file, "utf8")),
      ...KUBERNETES_YAML_CORPUS.map((c) => c.yaml),
    ]) {
      agrees(text);
    }
  });

  it("agrees with the yaml library on generated block YAML (fast-check, fixed seed)", () => {
    let read = 0;
    fc.assert(
      fc.property(generated, (text) => {
        if (agrees(text)) {
          read++;
        }
      }),
      LIMITS,
    );
    assert.ok(read > LIMITS.numRuns / 10, `only ${read} generated texts were in the subset`);
  });
});
