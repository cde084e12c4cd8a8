import { createHash } from "crypto";
import { mkdirSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { HardenedImageArgs } from "../../components/hardened-image";

/** The app's build context: its Dockerfile, the Python service and its .dockerignore. */
export const APP_DIR = join(__dirname, "app");

/** The base image `app/Dockerfile` is written for. */
export const DEFAULT_BASE_IMAGE = "ubuntu:24.04";

/** What the example's stack config chooses. */
export interface UbuntuMinimalSettings {
  /** Where to push, `registry/repository[:tag]`. */
  readonly imageName: string;
  /**
   * Another base image for the final stage, for machines that cannot pull Ubuntu (the tests use a
   * local Debian bookworm stand-in). The Dockerfile is then built from a copy with that `FROM`,
   * written under the temporary directory with its own lock file; `app/` is never rewritten.
   * @default DEFAULT_BASE_IMAGE, the committed Dockerfile and `app/hardened.lock.json`
   */
  readonly baseImage?: string;
}

/** The Dockerfile to build and its lock file, for the chosen base. */
function dockerfileFor(baseImage: string | undefined): { dockerfile: string; lockFile?: string } {
  const committed = join(APP_DIR, "Dockerfile");
  if (baseImage === undefined || baseImage === DEFAULT_BASE_IMAGE) {
    return { dockerfile: committed };
  }
  const text = readFileSync(committed, "utf8");
  const from = `FROM ${DEFAULT_BASE_IMAGE}\n`;
  if (!text.includes(from)) {
    throw new Error(`${committed} has no "${from.trim()}" line to replace with FROM ${baseImage}`);
  }
  const copy = text.replace(from, `FROM ${baseImage}\n`);
  const hash = createHash("sha256").update(copy).digest("hex").slice(0, 16);
  const dir = join(tmpdir(), "pulumi-hardened-examples", `ubuntu-minimal-${hash}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "Dockerfile"), copy);
  return { dockerfile: join(dir, "Dockerfile"), lockFile: join(dir, "hardened.lock.json") };
}

/**
 * The `HardenedImage` arguments of the example: the app's own Dockerfile, pinned, linted and
 * stripped in place by `harden` (package manager, shells, setuid/setgid bits), built with the
 * classic builder, then verified from the registry, runtime checks included.
 */
export function ubuntuMinimalImageArgs(settings: UbuntuMinimalSettings): HardenedImageArgs {
  return {
    imageName: settings.imageName,
    context: APP_DIR,
    ...dockerfileFor(settings.baseImage),
    harden: { removePackageManager: true, removeShells: true, stripSetuid: true },
    verify: { runtime: true },
  };
}
