import { RegistryClient } from "../oci/client";
import { BASE_DIGEST_LABEL, BASE_NAME_LABEL } from "../rules/image/checks/base-labels";
import { parseImageReference } from "../rules/image-reference";
import { BaseImageInfo, ImageLayer, ImageModel } from "../rules/image/model";
import { parseImageConfig } from "./config";
import { Platform } from "./platform";
import { platformManifest } from "./platform-manifest";

/** The base image the labels name, when it could be fetched, and what came of the lookup. */
interface BaseLookup {
  /** The base image, when fetched. */
  readonly base?: BaseImageInfo;
  /** What came of it, for people: `resolved <name> (<n> layers)`, `no base labels`, or the error. */
  readonly lookup: string;
}

/** The lookup of a reader told not to look the base up. */
const NOT_LOOKED_UP: BaseLookup = { lookup: "not looked up" };

/**
 * Fetches the base image the OCI base labels name (by the digest label, the platform's manifest
 * when it is an index) and returns its uncompressed layer digests. A base that cannot be fetched
 * (unreachable registry, no access) is left unresolved with the reason, never an error.
 */
async function resolveBaseImage(
  client: RegistryClient,
  labels: Readonly<Record<string, string>>,
  platform: Platform,
): Promise<BaseLookup> {
  const name = labels[BASE_NAME_LABEL];
  const digest = labels[BASE_DIGEST_LABEL];
  if (!name || !digest) {
    return { lookup: "no base labels" };
  }
  try {
    const named = parseImageReference(name);
    const ref = parseImageReference(`${named.registry}/${named.repository}@${digest}`);
    const manifest = await platformManifest(client, ref, platform);
    const config = manifest.json.config as { digest: string };
    const parsed = parseImageConfig(await client.readBlob(ref, config.digest), name);
    return {
      base: { reference: name, digest, diffIds: parsed.diffIds },
      lookup: `resolved ${name} (${parsed.diffIds.length} layers)`,
    };
  } catch (error) {
    return { lookup: `could not fetch ${name}: ${(error as Error).message}` };
  }
}

/**
 * Marks the layers that come from the base image: the longest run of bottom layers whose
 * uncompressed digests equal the base image's, in order.
 */
function markBaseLayers(
  layers: readonly ImageLayer[],
  baseDiffIds: readonly string[],
): ImageLayer[] {
  let shared = 0;
  while (
    shared < layers.length &&
    shared < baseDiffIds.length &&
    layers[shared].diffId !== "" &&
    layers[shared].diffId === baseDiffIds[shared]
  ) {
    shared += 1;
  }
  return layers.map((l) => ({ ...l, fromBase: l.index < shared }));
}

/**
 * Completes the model a reader built: fetches the base image the OCI base labels name with
 * `client` (no lookup when it is undefined), marks the layers that come from it, and records what
 * came of the lookup.
 */
export async function withBaseImage(
  model: Omit<ImageModel, "base" | "baseLookup">,
  client: RegistryClient | undefined,
  platform: Platform,
): Promise<ImageModel> {
  const found =
    client === undefined
      ? NOT_LOOKED_UP
      : await resolveBaseImage(client, model.config.labels, platform);
  return {
    ...model,
    layers: markBaseLayers(model.layers, found.base?.diffIds ?? []),
    ...(found.base !== undefined ? { base: found.base } : {}),
    baseLookup: found.lookup,
  };
}
