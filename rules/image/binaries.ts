import { packageManagerName } from "../knowledge/programs";
import { ImageFilesystem, LayeredEntry } from "./filesystem";
import { isExecutablePresent } from "./resolve-path";

/** Directories searched for programs (a default `PATH`). */
export const BIN_DIRS: readonly string[] = [
  "/bin",
  "/sbin",
  "/usr/bin",
  "/usr/sbin",
  "/usr/local/bin",
  "/usr/local/sbin",
];

/**
 * The programs named `names` that the final file system holds in `BIN_DIRS` and that resolve to
 * a file, one entry per path, sorted by path.
 */
export function programsPresent(fs: ImageFilesystem, names: readonly string[]): LayeredEntry[] {
  const found: LayeredEntry[] = [];
  for (const [path, layered] of fs.final) {
    const slash = path.lastIndexOf("/");
    const dir = path.slice(0, slash) || "/";
    const name = packageManagerName(path.slice(slash + 1));
    if (BIN_DIRS.includes(dir) && names.includes(name) && isExecutablePresent(fs.final, path)) {
      found.push(layered);
    }
  }
  return found.sort((a, b) => a.entry.path.localeCompare(b.entry.path));
}
