import { strict as assert } from "assert";
import { APPARMOR_ANNOTATION_PREFIX, apparmor } from "../../../../rules/kubernetes/pss/apparmor";
import { WORKLOAD_KINDS } from "../../../../rules/kubernetes/workload-kinds";
import { hardenedPodSpec, setPath } from "../../../fixtures/workloads";
import { messages, podMetadataPath, run, specWith } from "./pss-test-helpers";

describe("apparmor", () => {
  const fieldCases: [name: string, at: string, profile: unknown, expected: string[]][] = [
    ["pod RuntimeDefault", "securityContext", { type: "RuntimeDefault" }, []],
    ["pod Localhost", "securityContext", { type: "Localhost", localhostProfile: "p" }, []],
    [
      "pod Unconfined",
      "securityContext",
      { type: "Unconfined" },
      ["spec.securityContext.appArmorProfile.type"],
    ],
    [
      "a profile without a type, as upstream",
      "securityContext",
      {},
      ["spec.securityContext.appArmorProfile.type"],
    ],
    ["container RuntimeDefault", "containers[0].securityContext", { type: "RuntimeDefault" }, []],
    [
      "container Unconfined",
      "containers[0].securityContext",
      { type: "Unconfined" },
      ["spec.containers[0].securityContext.appArmorProfile.type"],
    ],
  ];
  for (const [name, at, profile, expected] of fieldCases) {
    it(`field: ${name}, at every version`, () => {
      const spec = specWith((s) => setPath(s, `${at}.appArmorProfile`, profile));
      for (const version of ["v1.25", "latest"]) {
        assert.deepEqual(
          run(apparmor, spec, { version }).map(([path]) => path),
          expected,
          version,
        );
      }
    });
  }

  const annotationCases: [value: string, allowed: boolean][] = [
    ["runtime/default", true],
    ["localhost/my-profile", true],
    ["", true],
    ["unconfined", false],
    ["docker/default", false],
  ];
  for (const [value, allowed] of annotationCases) {
    it(`annotation ${JSON.stringify(value)} is ${allowed ? "allowed" : "reported"} in every kind`, () => {
      for (const kind of WORKLOAD_KINDS) {
        const key = `${APPARMOR_ANNOTATION_PREFIX}app`;
        const findings = run(apparmor, hardenedPodSpec(), {
          kind,
          annotations: { [key]: value, "example.com/other": "unconfined" },
        });
        assert.deepEqual(
          findings,
          allowed ? [] : [[`${podMetadataPath(kind)}.annotations["${key}"]`, "app"]],
          kind,
        );
      }
    });
  }

  it("checks annotations at every supported version, as upstream's single v1.0 check does", () => {
    const findings = run(apparmor, hardenedPodSpec(), {
      version: "v1.25",
      annotations: { [`${APPARMOR_ANNOTATION_PREFIX}init`]: "unconfined" },
    });
    assert.deepEqual(findings, [
      [`metadata.annotations["${APPARMOR_ANNOTATION_PREFIX}init"]`, "init"],
    ]);
  });

  it("says what was found and what is expected", () => {
    const spec = specWith((s) =>
      setPath(s, "containers[0].securityContext.appArmorProfile", { type: "Unconfined" }),
    );
    assert.deepEqual(messages(apparmor, spec), [
      'appArmorProfile.type is "Unconfined"; expected RuntimeDefault or Localhost (or no appArmorProfile)',
    ]);
  });
});
