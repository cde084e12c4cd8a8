import { HardenedArgsError } from "./errors";
import { checkMountPath } from "./volumes";
import { parseQuantity } from "../../rules/kubernetes/quantity";

/** A directory the program writes to, mounted as a size-limited `emptyDir` volume. */
export interface WritablePath {
  /** Absolute, normalized mount path, e.g. `/var/cache/nginx`. */
  readonly path: string;
  /**
   * The most the volume may hold; the kubelet evicts the pod beyond it.
   * @default "64Mi"
   */
  readonly sizeLimit?: string;
  /**
   * Back the volume with memory (tmpfs, `medium: Memory`): faster, gone on restart, and every byte
   * written counts against the container's memory limit, so a full volume can get the container
   * OOM-killed. `sizeLimit` may therefore not exceed the memory limit.
   * @default false (node disk)
   */
  readonly memory?: boolean;
}

/** Options for the `/tmp` volume every hardened container gets. */
export type TmpOptions = Omit<WritablePath, "path">;

/** A writable path with its defaults filled in and its volume name chosen. */
export interface ResolvedWritablePath {
  /** The volume's name, derived from the path (`/var/cache/nginx` is `var-cache-nginx`). */
  readonly name: string;
  /** The mount path. */
  readonly path: string;
  /** The `emptyDir.sizeLimit`. */
  readonly sizeLimit: string;
  /** True for a memory-backed volume. */
  readonly memory: boolean;
}

/** The size limit of a writable path that names none. */
export const DEFAULT_WRITABLE_SIZE_LIMIT = "64Mi";

function volumeName(path: string, taken: Set<string>): string {
  const base =
    path
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 56) || "root";
  let name = base;
  for (let n = 2; taken.has(name); n++) {
    name = `${base}-${n}`;
  }
  taken.add(name);
  return name;
}

/**
 * Resolves `/tmp` (unless `tmp` is null) and the declared writable paths. Throws when a path is
 * relative, not normalized, `/`, declared twice, or when a size does not parse or is not positive,
 * or a memory-backed size exceeds `memoryLimit`.
 *
 * @param args the argument names of `tmp` and `paths`, for error messages.
 * @param memoryLimit the container's memory limit, when known.
 * @param takenNames volume names already used by the pod, which derived names must avoid.
 */
export function resolveWritablePaths(
  tmp: TmpOptions | null | undefined,
  paths: readonly (string | WritablePath)[] | undefined,
  args: { readonly tmp: string; readonly paths: string },
  owner: string,
  memoryLimit: string | undefined,
  takenNames: Iterable<string> = [],
): ResolvedWritablePath[] {
  const entries: { arg: string; value: WritablePath }[] = [];
  if (tmp !== null) {
    entries.push({ arg: args.tmp, value: { ...tmp, path: "/tmp" } });
  }
  (paths ?? []).forEach((p, i) =>
    entries.push({ arg: `${args.paths}[${i}]`, value: typeof p === "string" ? { path: p } : p }),
  );
  const taken = new Set(takenNames);
  const seen = new Map<string, string>();
  return entries.map(({ arg: entryArg, value }) => {
    const path = checkMountPath(value.path, entryArg, owner);
    const first = seen.get(path);
    if (first !== undefined) {
      throw new HardenedArgsError(
        owner,
        entryArg,
        `"${path}" is already declared by ${first}; each writable path may appear once`,
      );
    }
    seen.set(path, entryArg);
    const sizeLimit = value.sizeLimit ?? DEFAULT_WRITABLE_SIZE_LIMIT;
    let size: number;
    try {
      size = parseQuantity(sizeLimit);
    } catch (error) {
      throw new HardenedArgsError(owner, `${entryArg}.sizeLimit`, (error as Error).message);
    }
    if (size <= 0) {
      throw new HardenedArgsError(
        owner,
        `${entryArg}.sizeLimit`,
        `expected a positive quantity, got ${JSON.stringify(sizeLimit)}`,
      );
    }
    const memory = value.memory === true;
    if (memory && memoryLimit !== undefined && size > parseQuantity(memoryLimit)) {
      throw new HardenedArgsError(
        owner,
        `${entryArg}.sizeLimit`,
        `${sizeLimit} exceeds the container's memory limit ${memoryLimit}; a memory-backed volume counts against that limit`,
      );
    }
    return { name: volumeName(path, taken), path, sizeLimit, memory };
  });
}

/** The `emptyDir` volumes of resolved writable paths. */
export function writableVolumes(paths: readonly ResolvedWritablePath[]): Record<string, unknown>[] {
  return paths.map((p) => ({
    name: p.name,
    emptyDir: p.memory ? { medium: "Memory", sizeLimit: p.sizeLimit } : { sizeLimit: p.sizeLimit },
  }));
}

/** The volume mounts of resolved writable paths. */
export function writableMounts(paths: readonly ResolvedWritablePath[]): Record<string, unknown>[] {
  return paths.map((p) => ({ name: p.name, mountPath: p.path }));
}
