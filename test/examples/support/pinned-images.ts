import { PLAIN_REGISTRY, Pushed, pushImage, pushMultiPlatformImage } from "../../../dev/registry";

/** The repository prefix examples/pinned-digests/Dockerfile names, in the plain local registry. */
export const EXAMPLE_REPOSITORIES = "examples/pinned-digests";

/** A version of the example's base images: 1 is what the README pins first, 2 a re-push. */
export type ImageVersion = 1 | 2;

/**
 * Pushes one version of the three images the example Dockerfile names, under `prefix` in the
 * plain local registry: `golang:1.23` as a two-platform index, `static:nonroot` and
 * `ca-certificates:2024` as single manifests. The images are byte-for-byte the same on every run
 * (only their marker label differs by version), so their digests are too. Returns each tagged
 * reference's digest.
 */
export async function pushExampleImages(
  prefix: string,
  version: ImageVersion,
): Promise<Record<string, Pushed>> {
  const marker = (name: string) => `examples/pinned-digests ${name} v${version}`;
  const golang = await pushMultiPlatformImage(PLAIN_REGISTRY, `${prefix}/golang`, "1.23", {
    marker: marker("golang"),
  });
  const pushed: Record<string, Pushed> = {
    [`${PLAIN_REGISTRY}/${prefix}/golang:1.23`]: golang.index,
  };
  for (const [name, tag] of [
    ["static", "nonroot"],
    ["ca-certificates", "2024"],
  ]) {
    pushed[`${PLAIN_REGISTRY}/${prefix}/${name}:${tag}`] = await pushImage(
      PLAIN_REGISTRY,
      `${prefix}/${name}`,
      tag,
      { marker: marker(name) },
    );
  }
  return pushed;
}

if (require.main === module) {
  const version = Number(process.argv[2]);
  if (version !== 1 && version !== 2) {
    process.stderr.write(
      "usage: pinned-images.ts 1|2 (the version of the example images to push)\n",
    );
    process.exit(2);
  }
  pushExampleImages(EXAMPLE_REPOSITORIES, version).then(
    (pushed) => {
      for (const [reference, { digest }] of Object.entries(pushed)) {
        process.stdout.write(`${reference} ${digest}\n`);
      }
    },
    (error: Error) => {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    },
  );
}
