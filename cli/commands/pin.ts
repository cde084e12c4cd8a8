import { Command } from "commander";
import { readFileSync, writeFileSync } from "fs";
import { dirname, join } from "path";
import { DockerfileSyntaxError } from "../../rules/dockerfile/syntax-error";
import { InvalidImageReferenceError } from "../../rules/image-reference";
import { DockerConfigError, RegistryError } from "../../oci/errors";
import {
  LOCK_FILE_NAME,
  LockFileError,
  readLockFile,
  serializeLockFile,
} from "../../oci/pin/lock-file";
import type { PinOutcome, PinResult } from "../../oci/pin/pin";
import { InputError } from "../../shared/input-error";

interface PinOptions {
  readonly write?: boolean;
  readonly lock?: string;
  readonly update?: boolean;
  readonly insecureRegistry?: string[];
}

function describe(file: string, outcome: PinOutcome): string {
  const where = `${file}:${outcome.target.line}`;
  if (outcome.kind === "kept") {
    return `${where} kept ${outcome.target.written}: ${outcome.reason}`;
  }
  const from = outcome.source === "lock" ? "from the lock file" : `resolved at ${outcome.registry}`;
  return `${where} ${outcome.target.written} -> ${outcome.pinned} (${from})`;
}

function summary(
  file: string,
  lockFile: string,
  result: PinResult,
  wrote: readonly string[],
): string {
  const pinned = result.outcomes.filter((o) => o.kind === "pinned");
  const fromLock = pinned.filter((o) => o.kind === "pinned" && o.source === "lock").length;
  const lines = result.outcomes.map((o) => describe(file, o));
  lines.push(
    `${pinned.length} pinned (${fromLock} from ${lockFile}, ${pinned.length - fromLock} resolved), ` +
      `${result.outcomes.length - pinned.length} kept; ` +
      (wrote.length === 0 ? "nothing written" : `wrote ${wrote.join(" and ")}`),
  );
  return `${lines.join("\n")}\n`;
}

function readDockerfile(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch (error) {
    throw new InputError(
      `cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
    );
  }
}

async function pin(file: string, options: PinOptions): Promise<void> {
  // The Dockerfile parser and the registry client load when this command runs.
  const { imageReferences } = await import("../../rules/dockerfile/image-references");
  const { parseDockerfile } = await import("../../rules/dockerfile/parse");
  const { RegistryClient } = await import("../../oci/client");
  const { pinReferences } = await import("../../oci/pin/pin");
  const text = readDockerfile(file);
  const lockFile = options.lock ?? join(dirname(file), LOCK_FILE_NAME);
  const client = new RegistryClient({ insecureRegistries: options.insecureRegistry ?? [] });
  const targets = imageReferences(parseDockerfile(text, { file }));
  const result = await pinReferences(text, targets, {
    lock: readLockFile(lockFile),
    resolve: (ref) => client.resolveDigest(ref),
    update: options.update,
  });
  const wrote: string[] = [];
  if (options.write && result.text !== text) {
    writeFileSync(file, result.text);
    wrote.push(file);
  }
  if (result.lockChanged) {
    writeFileSync(lockFile, serializeLockFile(result.lock));
    wrote.push(lockFile);
  }
  if (options.write) {
    process.stdout.write(summary(file, lockFile, result, wrote));
  } else {
    process.stdout.write(result.text);
    process.stderr.write(summary(file, lockFile, result, wrote));
  }
}

const USER_ERRORS = [
  RegistryError,
  DockerConfigError,
  LockFileError,
  DockerfileSyntaxError,
  InvalidImageReferenceError,
];

/**
 * Registers `hardened pin`: resolves each external image of a Dockerfile (FROM, `COPY --from`,
 * `RUN --mount=from=`) to its digest and writes it as `image:tag@sha256:...`, keeping the pins in
 * a lock file until `--update`. Registry and input failures exit with `EXIT_USAGE`.
 */
export function registerPinCommand(program: Command): void {
  program
    .command("pin")
    .description(
      "Pin a Dockerfile's images to digests (image:tag@sha256:...), recorded in a lock file; prints the pinned Dockerfile unless --write",
    )
    .argument("<dockerfile>", "the Dockerfile to pin")
    .option(
      "--write",
      "rewrite the Dockerfile in place and print a summary (default: print the pinned Dockerfile)",
    )
    .option("--lock <file>", `lock file (default: ${LOCK_FILE_NAME} next to the Dockerfile)`)
    .option("--update", "resolve every tag again, moving pins in the lock file and the Dockerfile")
    .option(
      "--insecure-registry <host>",
      "registry (host[:port]) to reach over plain HTTP; loopback registries always are; repeatable",
      (value: string, previous: string[] = []) => [...previous, value],
    )
    .action(async (file: string, options: PinOptions) => {
      try {
        await pin(file, options);
      } catch (error) {
        if (USER_ERRORS.some((type) => error instanceof type)) {
          throw new InputError(`cannot pin ${file}: ${(error as Error).message}`);
        }
        throw error;
      }
    });
}
