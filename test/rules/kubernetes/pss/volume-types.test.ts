import { strict as assert } from "assert";
import { volumeTypes } from "../../../../rules/kubernetes/pss/volume-types";
import { messages, run, specWith } from "./pss-test-helpers";

function withVolumes(volumes: unknown[]) {
  return specWith((s) => (s.volumes = volumes));
}

describe("volume-types", () => {
  const allowed: [source: string, value: unknown][] = [
    ["configMap", { name: "c" }],
    ["csi", { driver: "secrets-store.csi.k8s.io" }],
    ["downwardAPI", { items: [] }],
    ["emptyDir", {}],
    ["ephemeral", { volumeClaimTemplate: { spec: {} } }],
    ["image", { reference: "registry.example.com/data:1" }],
    ["persistentVolumeClaim", { claimName: "data" }],
    ["projected", { sources: [] }],
    ["secret", { secretName: "s" }],
  ];
  for (const [source, value] of allowed) {
    it(`allows ${source} at every version`, () => {
      for (const version of ["v1.25", "latest"]) {
        assert.deepEqual(
          run(volumeTypes, withVolumes([{ name: "v", [source]: value }]), { version }),
          [],
        );
      }
    });
  }

  const forbidden: [source: string, value: unknown][] = [
    ["hostPath", { path: "/" }],
    ["nfs", { server: "nfs", path: "/" }],
    ["gitRepo", { repository: "https://example.com/r.git" }],
    ["iscsi", { targetPortal: "p", iqn: "i", lun: 0 }],
    ["awsElasticBlockStore", { volumeID: "vol-1" }],
    ["flexVolume", { driver: "d" }],
  ];
  for (const [source, value] of forbidden) {
    it(`reports ${source} at its source field`, () => {
      const spec = withVolumes([
        { name: "tmp", emptyDir: {} },
        { name: "v", [source]: value },
      ]);
      assert.deepEqual(run(volumeTypes, spec), [[`spec.volumes[1].${source}`, null]]);
    });
  }

  it("allows a volume with no source, which the API server defaults to emptyDir", () => {
    assert.deepEqual(run(volumeTypes, withVolumes([{ name: "scratch" }])), []);
  });

  it("says what was found and what is expected", () => {
    assert.deepEqual(messages(volumeTypes, withVolumes([{ name: "data", nfs: { server: "n" } }])), [
      'volume "data" uses nfs; expected one of configMap, csi, downwardAPI, emptyDir, ephemeral, image, persistentVolumeClaim, projected, secret',
    ]);
  });
});
