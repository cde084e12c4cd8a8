import { LayeredEntry } from "./filesystem";

const MAX_SYMLINK_HOPS = 40;

function normalize(path: string): string {
  const parts: string[] = [];
  for (const part of path.split("/")) {
    if (part === "" || part === ".") {
      continue;
    }
    if (part === "..") {
      parts.pop();
    } else {
      parts.push(part);
    }
  }
  return `/${parts.join("/")}`;
}

function componentsOf(path: string): string[] {
  return path.split("/").filter((p) => p !== "");
}

/**
 * Walks `components` from the root through the symlinks already in `files` (a component whose
 * link has a target is replaced by it, relative targets against the directory reached so far);
 * returns the path reached, "" for the root, or undefined after 40 hops. A directory a tar stream
 * did not list is taken to exist.
 */
function followSymlinks(
  files: ReadonlyMap<string, LayeredEntry>,
  components: readonly string[],
): string | undefined {
  let pending = [...components];
  let current = "";
  let hops = 0;
  while (pending.length > 0) {
    const next = `${current}/${pending[0]}`;
    const found = files.get(next);
    if (found?.entry.type === "symlink" && found.entry.linkTarget !== undefined) {
      hops += 1;
      if (hops > MAX_SYMLINK_HOPS) {
        return undefined;
      }
      const target = found.entry.linkTarget.startsWith("/")
        ? found.entry.linkTarget
        : `${current}/${found.entry.linkTarget}`;
      pending = [...componentsOf(normalize(target)), ...pending.slice(1)];
      current = "";
    } else {
      current = next;
      pending = pending.slice(1);
    }
  }
  return current;
}

/**
 * Resolves `path` in a final file system as the kernel would, following symlinks in every
 * component (at most 40 hops); returns the entry it lands on, or undefined when it does not
 * exist or a link dangles. A parent directory a tar stream did not list is taken to exist.
 */
export function resolvePath(
  files: ReadonlyMap<string, LayeredEntry>,
  path: string,
): LayeredEntry | undefined {
  const resolved = followSymlinks(files, componentsOf(normalize(path)));
  return resolved ? files.get(resolved) : undefined;
}

/**
 * The path a new entry at `path` lands on when a layer is extracted over `files`: every parent
 * component is resolved through the symlinks already there, as Docker's extraction (chrooted in
 * the layer root) follows them; the last component is kept as written. After 40 hops the lexical
 * path is returned.
 */
export function resolveParents(files: ReadonlyMap<string, LayeredEntry>, path: string): string {
  const slash = path.lastIndexOf("/");
  if (slash <= 0) {
    return path;
  }
  const parent = followSymlinks(files, componentsOf(path.slice(0, slash)));
  return parent === undefined ? path : `${parent}${path.slice(slash)}`;
}

/** True when `path` resolves to a regular file (or a hard link to one) in the final file system. */
export function isExecutablePresent(
  files: ReadonlyMap<string, LayeredEntry>,
  path: string,
): boolean {
  const found = resolvePath(files, path);
  return found !== undefined && (found.entry.type === "file" || found.entry.type === "hardlink");
}
