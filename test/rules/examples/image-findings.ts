import { parseImageConfig } from "../../../image/config";
import { evaluateImage } from "../../../rules/image/evaluate";
import { ImageFacts } from "../../../rules/image/examples/image-facts";
import { ImageRuleOptions } from "../../../rules/image/image-rule";
import { FileEntry, ImageModel } from "../../../rules/image/model";
import { evaluateRuntime } from "../../../rules/image/runtime/evaluate";
import { RuntimeObservations } from "../../../rules/image/runtime/observations";

/** What running a healthy hardened image shows: what an example's `runtime` fields replace. */
const HEALTHY_RUN: RuntimeObservations = {
  readOnlyRun: { running: true, processes: [{ uid: 10001, command: "/app/server" }] },
  probeUid: 10001,
  writeWithoutReadOnly: { errno: 13 },
  writeWithReadOnly: { errno: 30 },
  shell: { exitCode: 127, stderr: "" },
};

/** The image model of `facts`: the config blob read by `verify`'s own parser, and the layers. */
function modelOf(facts: ImageFacts): ImageModel {
  const blob = { config: facts.config ?? {}, history: facts.history ?? [] };
  const parsed = parseImageConfig(Buffer.from(JSON.stringify(blob)), "example");
  return {
    source: "ghcr.io/acme/web:1.4.2",
    platform: "linux/amd64",
    config: parsed.config,
    history: parsed.history,
    layers: (facts.layers ?? []).map((layer, index) => ({
      index,
      digest: `sha256:${String(index).repeat(64)}`,
      diffId: `sha256:${String(index).repeat(64)}`,
      compressedSize: layer.size ?? 0,
      uncompressedSize: layer.size ?? 0,
      fromBase: false,
      entries: (layer.files ?? []).map((file): FileEntry => ({
        path: file.path,
        type: file.symlinkTo === undefined ? "file" : "symlink",
        mode: parseInt(file.mode ?? "0755", 8),
        uid: 0,
        gid: 0,
        size: 0,
        ...(file.symlinkTo === undefined ? {} : { linkTarget: file.symlinkTo }),
      })),
    })),
  };
}

/**
 * The findings of the image rule `ruleId` on the image facts `json`, through `hardened verify`'s
 * evaluation: the runtime rules over the observations (those the example gives, the others as
 * in a healthy run), the other rules over a synthetic image model of the facts.
 */
export function imageFindings(ruleId: string, json: string, settings: ImageRuleOptions): string[] {
  const facts = JSON.parse(json) as ImageFacts;
  const violations =
    facts.runtime === undefined
      ? evaluateImage(modelOf(facts), settings)
      : evaluateRuntime({ ...HEALTHY_RUN, ...facts.runtime });
  return violations.filter((v) => v.ruleId === ruleId).map((v) => v.message);
}
