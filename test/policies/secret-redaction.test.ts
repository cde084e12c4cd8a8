import { strict as assert } from "assert";
import { join } from "path";
import { secret } from "../../preview/analyzer/properties";
import { hardenedPodSpec, setPath, workloadOf } from "../fixtures/workloads";
import { RunningPack, SDK_MODES, startRunningPack } from "../support/analyzer/running-pack";

const TYPE = "kubernetes:apps/v1:Deployment";

/**
 * Each field a violation message can name, made secret and set to a value a rule reports, with
 * text the violation must hold (so the rule did fire).
 */
const CASES: [
  string,
  (spec: Record<string, unknown>, meta: Record<string, unknown>) => void,
  string,
][] = [
  [
    "image",
    (spec) => setPath(spec, "containers[0].image", secret("s3cret.example/app:latest")),
    'image "[secret]" is not pinned by digest',
  ],
  [
    "container name",
    (spec) => {
      setPath(spec, "containers[0].name", secret("s3cret-container"));
      setPath(spec, "containers[0].securityContext.privileged", true);
    },
    'container "[secret]": spec.template.spec.containers[0].securityContext.privileged',
  ],
  [
    "sysctl",
    (spec) =>
      setPath(spec, "securityContext.sysctls", [{ name: secret("kernel.s3cret"), value: "1" }]),
    'sysctl "[secret]" is not in the safe set',
  ],
  [
    "capability",
    (spec) => setPath(spec, "containers[0].securityContext.capabilities.add", [secret("S3CRET")]),
    "[secret]",
  ],
  [
    "hostPath",
    (spec) => setPath(spec, "volumes", [{ name: "v", hostPath: { path: secret("/s3cret/dir") } }]),
    'spec.template.spec.volumes[0].hostPath: volume "v" is a hostPath volume',
  ],
  [
    "annotation",
    (_spec, meta) =>
      setPath(meta, "annotations", {
        "container.apparmor.security.beta.kubernetes.io/app": secret("unconfined"),
      }),
    "[secret]",
  ],
];

/** A platform team's own pack of hardenedPolicies (its README's recipe). */
const COMPOSED = join(__dirname, "..", "fixtures", "composed-pack");

/** Packs to try: title, folder (default: the pack), environment, the fields its rules report. */
const PACKS: [string, string | undefined, Readonly<Record<string, string>>, readonly string[]][] = [
  ...SDK_MODES.map(
    (mode): [string, undefined, Readonly<Record<string, string>>, readonly string[]] => [
      `the pack, ${mode.name}`,
      undefined,
      mode.env,
      CASES.map(([field]) => field),
    ],
  ),
  // Its restricted Kubernetes rules report every field but the image (image-digest is hardened).
  [
    "a pack composed with hardenedPolicies",
    COMPOSED,
    {},
    CASES.map(([field]) => field).filter((field) => field !== "image"),
  ],
];

for (const [title, packDir, env, fields] of PACKS) {
  describe(`${title}: never prints a secret-marked value (over the Analyzer protocol)`, function () {
    this.timeout(180_000);
    let running: RunningPack;
    before(async () => {
      running = await startRunningPack(packDir, env);
      await running.analyzer.configure({});
    });
    after(async () => {
      await running?.stop();
    });

    for (const [field, mutate, expected] of CASES.filter(([f]) => fields.includes(f))) {
      it(`redacts a secret ${field}`, async () => {
        const spec = hardenedPodSpec() as unknown as Record<string, unknown>;
        const meta: Record<string, unknown> = {};
        mutate(spec, meta);
        const object = workloadOf("Deployment", spec as never) as Record<string, unknown>;
        object.apiVersion = "apps/v1";
        const template = (object.spec as Record<string, Record<string, unknown>>).template;
        template.metadata = { ...(template.metadata as object), ...meta };
        const diagnostics = await running.analyzer.analyze({
          type: TYPE,
          name: "app",
          urn: `urn:pulumi:dev::shop::${TYPE}::app`,
          properties: object,
        });
        const all = diagnostics.map((d) => d.message);
        const leak = field === "annotation" ? /unconfined/ : /s3cret/i;
        assert.ok(!all.some((m) => leak.test(m)), all.join("\n"));
        assert.ok(
          all.some((m) => m.includes(expected)),
          `no violation reports the ${field}:\n${all.join("\n")}`,
        );
      });
    }
  });
}
