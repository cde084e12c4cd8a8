import { FetchedManifest, RegistryClient } from "../oci/client";
import { ImageReference } from "../rules/image-reference";
import { IndexDescriptor, Platform, selectPlatform } from "./platform";

/** The single-platform manifest `ref` names: the platform's entry when it names an index. */
export async function platformManifest(
  client: RegistryClient,
  ref: ImageReference,
  platform: Platform,
): Promise<FetchedManifest> {
  const top = await client.getManifest(ref);
  if (!top.isIndex) {
    return top;
  }
  const chosen = selectPlatform((top.json.manifests ?? []) as IndexDescriptor[], platform, ref.raw);
  return client.getManifest(`${ref.registry}/${ref.repository}@${chosen.digest}`);
}
