import { mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { docker, runDocker } from "../../dev/docker";
import { DEBIAN_IMAGE, PLAIN_REGISTRY, uniqueRepository } from "../../dev/registry";

/** The Debian base in the local registry, used as a source of real binaries. */
export const DEBIAN = `${PLAIN_REGISTRY}/${DEBIAN_IMAGE}`;

/** A fake private key (test data, not a real key) for the credential-file image. */
const FAKE_KEY =
  "-----BEGIN OPENSSH PRIVATE KEY-----\nnot-a-real-key-test-fixture\n-----END OPENSSH PRIVATE KEY-----\n";

/** What a test image changes in the hardened Dockerfile. */
export interface Variant {
  /** The USER line's value. */
  readonly user?: string;
  /** The HEALTHCHECK command (exec form), or false for none. */
  readonly healthcheck?: readonly string[] | false;
  /** Extra instructions before USER. */
  readonly extra?: readonly string[];
}

/** The images one test run builds, by name, as pushed references with their digests. */
export interface TestImages {
  /** The repository prefix of this run, e.g. `127.0.0.1:5000/hardened-test/image-...`. */
  readonly repository: string;
  /** The distroless-like base (sleep and libc, no shell) pushed by digest. */
  readonly base: string;
  /** The base's tag, as the OCI base name label gives it. */
  readonly baseTag: string;
  /** Builds `variant`, pushes it as `<repository>/<name>:1` and returns that reference. */
  readonly build: (name: string, variant: Variant) => string;
  /** Removes the build context directory and the images built from the engine. */
  readonly cleanup: () => void;
}

function pushedDigest(output: string, image: string): string {
  const digest = /digest: (sha256:[a-f0-9]{64})/.exec(output)?.[1];
  if (digest === undefined) {
    throw new Error(`docker push ${image} did not report a digest: ${output}`);
  }
  return digest;
}

function buildPush(image: string, dockerfile: string, context: string): string {
  writeFileSync(join(context, "Dockerfile"), dockerfile);
  docker(["build", "-q", "-t", image, context]);
  return pushedDigest(docker(["push", image]), image);
}

/**
 * Builds (classic builder) and pushes a distroless-like base from the local Debian image: only
 * /bin/sleep and the libc it needs, no shell, no package manager. Variants are built FROM it by
 * digest with OCI base labels, non-root numeric USER, an exec-form HEALTHCHECK and a sleeping
 * exec-form ENTRYPOINT; each variant breaks exactly one thing.
 */
export function prepareTestImages(): TestImages {
  const repository = `${PLAIN_REGISTRY}/${uniqueRepository("image")}`;
  const context = mkdtempSync(join(tmpdir(), "hardened-image-test-"));
  writeFileSync(join(context, "id_rsa"), FAKE_KEY);
  const baseTag = `${repository}/base:1`;
  const built = [baseTag];
  const baseDigest = buildPush(
    baseTag,
    [
      `FROM ${DEBIAN} AS deb`,
      "FROM scratch",
      "COPY --from=deb /usr/bin/sleep /bin/sleep",
      "COPY --from=deb /lib/x86_64-linux-gnu/libc.so.6 /lib/x86_64-linux-gnu/libc.so.6",
      "COPY --from=deb /lib64/ld-linux-x86-64.so.2 /lib64/ld-linux-x86-64.so.2",
      "",
    ].join("\n"),
    context,
  );
  const base = `${repository}/base@${baseDigest}`;
  const build = (name: string, variant: Variant): string => {
    const image = `${repository}/${name}:1`;
    const lines = [
      `FROM ${DEBIAN} AS deb`,
      `FROM ${base}`,
      `LABEL org.opencontainers.image.base.name="${baseTag}" org.opencontainers.image.base.digest="${baseDigest}"`,
      ...(variant.extra ?? []),
      `USER ${variant.user ?? "10001:10001"}`,
      ...(variant.healthcheck === false
        ? []
        : [
            `HEALTHCHECK --interval=1s --timeout=2s --start-period=5s CMD ${JSON.stringify(variant.healthcheck ?? ["/bin/sleep", "0"])}`,
          ]),
      'ENTRYPOINT ["/bin/sleep", "infinity"]',
      "",
    ];
    buildPush(image, lines.join("\n"), context);
    built.push(image);
    return image;
  };
  return {
    repository,
    base,
    baseTag,
    build,
    cleanup: () => {
      rmSync(context, { recursive: true, force: true });
      runDocker(["rmi", "-f", ...built]);
    },
  };
}

/** Instructions that add an SSH key in one layer and delete it in the next, without a shell. */
export const ADDED_THEN_DELETED_KEY: readonly string[] = [
  "COPY id_rsa /root/.ssh/id_rsa",
  "COPY --from=deb /usr/bin/rm /tmp/rm",
  'RUN ["/tmp/rm", "-f", "/root/.ssh/id_rsa", "/tmp/rm"]',
];
