import { strict as assert } from "assert";
import fc from "fast-check";
import { Readable } from "stream";
import { InputError } from "../../../shared/input-error";
import { checkManifests } from "../../../cli/manifests/check-manifests";
import { readLayer } from "../../../image/layer-reader";
import { ImageReadError } from "../../../image/errors";
import { lintDockerfile } from "../../../rules/dockerfile/lint";
import { DockerfileSyntaxError } from "../../../rules/dockerfile/syntax-error";
import { imageFilesystem } from "../../../rules/image/filesystem";
import { tarOf } from "../../image/tar-fixtures";

/** Fixed, so a failure reproduces; change it only to explore. */
const SEED = 1103;
const RUNS = 200;
const LIMITS = { seed: SEED, numRuns: RUNS, interruptAfterTimeLimit: 20_000 };

function check(text: string) {
  return checkManifests([{ file: "gen.yaml", text }], { profile: "hardened" });
}

/** Runs `fn`; an `expected` error is an outcome, anything else escapes. */
function outcome<T>(fn: () => T, expected: (e: unknown) => boolean): T | "refused" {
  try {
    return fn();
  } catch (error) {
    if (expected(error)) {
      return "refused";
    }
    throw error;
  }
}

const YAML_PIECES = [
  "apiVersion: v1\n",
  "kind: Pod\n",
  "kind: List\nitems:\n",
  "spec:\n",
  "  containers:\n",
  "  - name: a\n",
  "    securityContext: {privileged: yes}\n",
  "    image: x\n",
  "  hostNetwork: on\n",
  "metadata: {name: p}\n",
  "---\n",
  "<<: *a\n",
  "x: &a {b: 1}\n",
  "y: *a\n",
  "  - *a\n",
  "z: !!int '0b1'\n",
  "? [a]\n: 1\n",
  "w: [1, {a: [\n",
  '"\\u0000": "\\x1b"\n',
  "\t- - -\n",
  "~: ~\n",
  "spec: []\n",
  "  containers: x\n",
  "      runAsUser: 0x0\n",
];

const BOOLEAN_TRUE = ["true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON", "y", "Y"];
const ROOT = ["0", "00", "0b0", "0o0", "0x0", "-0", "+0", "0_0", "0.0", "0e0"];

/** The explicit YAML tag a word resolves to. */
function tagOf(word: string): string {
  if (!/^[-+0-9.]/.test(word)) {
    return "bool";
  }
  return /^[-+]?(0[box].*|[0-9_]+)$/i.test(word) ? "int" : "float";
}

/** A YAML value that Kubernetes reads as `value`, written in one of the forms it accepts. */
function spelled(words: readonly string[]): fc.Arbitrary<string> {
  return fc.oneof(
    fc.constantFrom(...words),
    fc.constantFrom(...words).map((w) => `!!${tagOf(w)} "${w}"`),
  );
}

describe("hostile input properties (fast-check, fixed seed)", function () {
  this.timeout(120_000);

  it("hardened check on arbitrary YAML: findings or an input error, never an exception, always the same", () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constantFrom(...YAML_PIECES), fc.string({ maxLength: 12 })), {
          maxLength: 25,
        }),
        (pieces) => {
          const text = pieces.join("");
          const first = outcome(
            () => check(text),
            (e) => e instanceof InputError,
          );
          const second = outcome(
            () => check(text),
            (e) => e instanceof InputError,
          );
          assert.deepStrictEqual(first, second);
        },
      ),
      LIMITS,
    );
  });

  it("flags a privileged, root or host-namespace pod in every spelling Kubernetes accepts", () => {
    const property = fc.property(
      fc.constantFrom("privileged", "hostNetwork", "hostPID", "hostIPC", "runAsUser"),
      fc.constantFrom("plain", "merge", "merge-after-false", "duplicate", "list"),
      fc.constantFrom("Pod", "Deployment"),
      spelled(BOOLEAN_TRUE),
      spelled(ROOT),
      (field, form, kind, yes, root) => {
        const value = field === "runAsUser" ? root : yes;
        const off = field === "runAsUser" ? "1000" : "false";
        const entry = (v: string) => `${field}: ${v}`;
        const block =
          form === "plain"
            ? [entry(value)]
            : form === "merge"
              ? [`<<: {${entry(value)}}`]
              : form === "merge-after-false"
                ? [entry(off), `<<: {${entry(value)}}`]
                : form === "duplicate"
                  ? [entry(off), entry(value)]
                  : [`<<: [{${entry(value)}}, {${entry(off)}}]`];
        const inPod = field.startsWith("host");
        const indent = (lines: string[], n: number) => lines.map((l) => " ".repeat(n) + l);
        const podSpec = [
          ...(inPod ? block : []),
          "containers:",
          "- name: app",
          "  image: registry.example/app@sha256:" + "0".repeat(64),
          "  securityContext:",
          ...(inPod ? ["    allowPrivilegeEscalation: false"] : indent(block, 4)),
        ];
        const text =
          kind === "Pod"
            ? ["apiVersion: v1", "kind: Pod", "metadata: {name: p}", "spec:", ...indent(podSpec, 2)]
            : [
                "apiVersion: apps/v1",
                "kind: Deployment",
                "metadata: {name: d}",
                "spec:",
                "  template:",
                "    spec:",
                ...indent(podSpec, 6),
              ];
        const prefix = kind === "Pod" ? "spec" : "spec.template.spec";
        const expected =
          field === "privileged"
            ? `privileged ${prefix}.containers[0].securityContext.privileged`
            : field === "runAsUser"
              ? `run-as-user ${prefix}.containers[0].securityContext.runAsUser`
              : `host-namespaces ${prefix}.${field}`;
        const found = check(`${text.join("\n")}\n`).findings.map((f) => `${f.ruleId} ${f.path}`);
        assert.ok(found.includes(expected), `${expected} missing for:\n${text.join("\n")}`);
      },
    );
    fc.assert(property, LIMITS);
  });

  it("lint on arbitrary Dockerfile text: findings or a syntax error, never an exception", () => {
    const lines = fc.array(
      fc.oneof(
        fc.constantFrom(
          "FROM debian:12",
          "FROM scratch AS a",
          "RUN curl x | sh",
          "RUN cat <<EOT | sh",
          "EOT",
          "USER 0",
          "ONBUILD RUN x",
          "COPY --from=a / /",
          "ARG X",
          "FROM $X",
          "\\",
          "# syntax=docker/dockerfile:1",
          "# escape=`",
        ),
        fc.string({ maxLength: 20 }),
      ),
      { maxLength: 20 },
    );
    fc.assert(
      fc.property(lines, (ls) => {
        const text = ls.join("\n");
        const first = outcome(
          () => lintDockerfile(text, { file: "Dockerfile" }),
          (e) => e instanceof DockerfileSyntaxError,
        );
        const second = outcome(
          () => lintDockerfile(text, { file: "Dockerfile" }),
          (e) => e instanceof DockerfileSyntaxError,
        );
        assert.deepStrictEqual(first, second);
      }),
      LIMITS,
    );
  });

  it("reads arbitrary tar layers into a file system of clean absolute paths, or refuses them", async () => {
    const segment = fc.constantFrom("a", "b", ".", "..", "", ".wh.a", ".wh..wh..opq", "bin", "sh");
    const entry = fc.record({
      name: fc.array(segment, { minLength: 1, maxLength: 5 }).map((s) => s.join("/")),
      type: fc.constantFrom("file" as const, "directory" as const, "symlink" as const),
      linkname: fc.constantFrom("a", "/b", "../..", "bin/sh", "."),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(entry, { maxLength: 8 }), { minLength: 1, maxLength: 3 }),
        async (layers) => {
          const read = [];
          for (const [index, entries] of layers.entries()) {
            const tar = await tarOf(
              entries.map((e) => ({
                ...e,
                linkname: e.type === "symlink" ? e.linkname : undefined,
              })),
            );
            try {
              read.push({
                index,
                ...(await readLayer(Readable.from([tar]), `layer ${index}`, "gen")),
              });
            } catch (error) {
              if (error instanceof ImageReadError) {
                return;
              }
              throw error;
            }
          }
          const fs = imageFilesystem({
            layers: read.map((l) => ({
              index: l.index,
              digest: "",
              diffId: l.diffId,
              compressedSize: 0,
              uncompressedSize: l.uncompressedSize,
              fromBase: false,
              entries: l.entries,
            })),
          } as never);
          for (const path of fs.final.keys()) {
            assert.ok(
              path === "/" || /^(\/[^/]+)+$/.test(path),
              `not a clean absolute path: ${JSON.stringify(path)}`,
            );
            assert.ok(!path.split("/").some((p) => p === "." || p === ".."), path);
          }
        },
      ),
      { ...LIMITS, numRuns: 100 },
    );
  });
});
