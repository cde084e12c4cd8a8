import { createHash, Hash } from "crypto";
import { lstatSync, readdirSync, readFileSync, readlinkSync } from "fs";
import { join } from "path";
import { DockerIgnore } from "../../../rules/dockerfile/support/dockerignore";

function walk(root: string, relative: string, ignore: DockerIgnore, hash: Hash): void {
  const dir = relative === "" ? root : join(root, relative);
  for (const name of readdirSync(dir).sort()) {
    const path = relative === "" ? name : `${relative}/${name}`;
    const excluded = ignore.excludes(path);
    const stat = lstatSync(join(root, path));
    if (stat.isDirectory()) {
      if (!excluded || ignore.hasExceptions) {
        walk(root, path, ignore, hash);
      }
      continue;
    }
    if (excluded) {
      continue;
    }
    const executable = (stat.mode & 0o111) !== 0 ? "x" : "-";
    if (stat.isSymbolicLink()) {
      hash.update(`link ${path} ${readlinkSync(join(root, path))}\0`);
    } else if (stat.isFile()) {
      hash.update(`file ${path} ${executable} ${stat.size}\0`);
      hash.update(readFileSync(join(root, path)));
    }
  }
}

/**
 * A digest of the build context as the engine receives it: every file and symbolic link the
 * context's `.dockerignore` (`dockerignore`, its text) lets through, by path, executable bit and
 * content, in path order. Two contexts with the same digest build the same image from the same
 * Dockerfile.
 */
export function contextDigest(contextDir: string, dockerignore: string | undefined): string {
  const hash = createHash("sha256");
  walk(contextDir, "", new DockerIgnore(dockerignore ?? ""), hash);
  return `sha256:${hash.digest("hex")}`;
}
