import { ImageFilesystem } from "./filesystem";

/** Files whose content image readers keep (up to `MAX_KEPT_CONTENT_BYTES`) for the rules. */
export const CONTENT_PATHS: readonly string[] = ["/etc/passwd", "/etc/group"];

/** Largest file content a reader keeps for `CONTENT_PATHS`. */
export const MAX_KEPT_CONTENT_BYTES = 256 * 1024;

/** An `/etc/passwd` entry. */
export interface PasswdEntry {
  /** Login name. */
  readonly name: string;
  /** User id. */
  readonly uid: number;
  /** Primary group id. */
  readonly gid: number;
  /** Login shell. */
  readonly shell: string;
}

/** Parses `/etc/passwd` content; malformed lines are skipped. */
export function parsePasswd(content: string): PasswdEntry[] {
  return content
    .split("\n")
    .map((line) => line.split(":"))
    .filter((f) => f.length >= 7 && /^\d+$/.test(f[2]) && /^\d+$/.test(f[3]))
    .map((f) => ({ name: f[0], uid: Number(f[2]), gid: Number(f[3]), shell: f[6].trim() }));
}

/** The entries of the image's final `/etc/passwd`, or undefined when it has none. */
export function passwdOf(fs: ImageFilesystem): PasswdEntry[] | undefined {
  const content = fs.final.get("/etc/passwd")?.entry.content;
  return content === undefined ? undefined : parsePasswd(content);
}

/** The USER of an image split into its user and group parts. */
export interface UserSpec {
  /** The user part: a name, a uid, or "" when USER is unset. */
  readonly user: string;
  /** The group part, when given. */
  readonly group?: string;
  /** True when the user part is a decimal uid. */
  readonly numeric: boolean;
}

/** Splits a USER value (`name`, `uid`, `uid:gid`, `name:group`). */
export function parseUser(value: string): UserSpec {
  const [user, group] = value.trim().split(":", 2);
  return { user, group, numeric: /^\d+$/.test(user) };
}

/**
 * The uid `spec` runs as: the number itself, a name's uid from `/etc/passwd`, 0 when USER is
 * unset, or undefined when a name has no passwd entry (Docker then refuses to start it).
 */
export function resolveUid(
  spec: UserSpec,
  passwd: readonly PasswdEntry[] | undefined,
): number | undefined {
  if (spec.user === "") {
    return 0;
  }
  if (spec.numeric) {
    return Number(spec.user);
  }
  return passwd?.find((e) => e.name === spec.user)?.uid;
}
