import { strict as assert } from "assert";
import { HardenedImageArgs } from "../../components/hardened-image/args";
import { PreparedBuild, prepareBuild } from "../../components/hardened-image/prepare";
import { loadSource } from "../../components/hardened-image/source";
import { writeRenderedDockerfile } from "../../components/hardened-image/write-dockerfile";
import { RegistryClient } from "../../oci/client";
import { docker } from "../../dev/docker";
import { PLAIN_REGISTRY } from "../../dev/registry";

/** An image built and pushed as HardenedImage does: its digest reference and the prepared build. */
export interface PushedBuild {
  readonly ref: string;
  readonly prepared: PreparedBuild;
}

/**
 * Renders, pins (through the registry and the lock file), lints, builds (classic builder, the
 * prepared `--target`) and pushes `<PLAIN_REGISTRY>/<repository>/<name>:test` as HardenedImage
 * does, removes the local tag and records the pushed digest reference in `created` for clean-up.
 */
export async function buildAndPushPrepared(
  repository: string,
  name: string,
  args: HardenedImageArgs,
  created: string[],
): Promise<PushedBuild> {
  const owner = `HardenedImage "${name}"`;
  const source = loadSource(owner, args, { builder: "classic" });
  const client = new RegistryClient();
  const prepared = await prepareBuild(owner, source, args, (r) => client.resolveDigest(r));
  const tag = `${PLAIN_REGISTRY}/${repository}/${name}:test`;
  const target = prepared.target === undefined ? [] : ["--target", prepared.target];
  const dockerfile = writeRenderedDockerfile(prepared.dockerfile);
  docker(["build", "-q", "-f", dockerfile, ...target, "-t", tag, source.context]);
  const pushed = docker(["push", tag]);
  const digest = /digest: (sha256:[a-f0-9]{64})/.exec(pushed)?.[1];
  assert.ok(digest, `docker push ${tag} reported no digest: ${pushed}`);
  docker(["rmi", tag]);
  const ref = `${PLAIN_REGISTRY}/${repository}/${name}@${digest}`;
  created.push(ref);
  return { ref, prepared };
}
