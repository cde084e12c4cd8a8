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

/** Program names that are shells (busybox is one in disguise). */
export const SHELLS: readonly string[] = [
  "sh",
  "bash",
  "dash",
  "ash",
  "zsh",
  "ksh",
  "mksh",
  "csh",
  "tcsh",
  "fish",
  "busybox",
];

/**
 * Program names that are package managers. Their metadata (such as distroless's
 * `/var/lib/dpkg/status.d`) is not one: only the programs are looked for. Versioned pip names
 * (`pip3`, `pip3.12`) count as `pip`.
 */
export const PACKAGE_MANAGERS: readonly string[] = [
  "apt",
  "apt-get",
  "dpkg",
  "apk",
  "yum",
  "dnf",
  "microdnf",
  "rpm",
  "zypper",
  "pip",
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
    const name = path.slice(slash + 1).replace(/^pip\d+(\.\d+)?$/, "pip");
    if (BIN_DIRS.includes(dir) && names.includes(name) && isExecutablePresent(fs.final, path)) {
      found.push(layered);
    }
  }
  return found.sort((a, b) => a.entry.path.localeCompare(b.entry.path));
}
