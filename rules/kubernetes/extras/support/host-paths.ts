import { fieldPath } from "../../../field-path";
import { PodContext } from "../../pod-context";
import { listOf, recordOf } from "../../../read";

/** A pod's hostPath volume. */
export interface HostPathVolume {
  /** The volume's name, when it has one. */
  readonly name: unknown;
  /** `hostPath.path` normalized (see `normalizeHostPath`), or undefined when it is not absolute. */
  readonly path: string | undefined;
  /** The path as written. */
  readonly raw: unknown;
  /** Field path of `hostPath.path`. */
  readonly fieldPath: string;
}

/**
 * Normalizes an absolute host path the way the node resolves it: repeated and trailing slashes
 * removed, `.` dropped and `..` applied (`/var/run/../lib//kubelet/` is `/var/lib/kubelet`).
 * Returns undefined for a path that does not start with `/`.
 */
export function normalizeHostPath(path: unknown): string | undefined {
  if (typeof path !== "string" || !path.startsWith("/")) {
    return undefined;
  }
  const parts: string[] = [];
  for (const part of path.split("/")) {
    if (part === "..") {
      parts.pop();
    } else if (part !== "" && part !== ".") {
      parts.push(part);
    }
  }
  return `/${parts.join("/")}`;
}

/** True when `path` is `root` or inside it (both normalized). */
export function isWithin(path: string, root: string): boolean {
  return path === root || path.startsWith(root === "/" ? "/" : `${root}/`);
}

/** Every hostPath volume of the pod, with its normalized path. */
export function podHostPathVolumes(pod: PodContext): HostPathVolume[] {
  const volumes: HostPathVolume[] = [];
  listOf(pod.spec.volumes).forEach((volume, index) => {
    const fields = recordOf(volume);
    const hostPath = recordOf(fields?.hostPath);
    if (hostPath !== undefined) {
      volumes.push({
        name: fields?.name,
        path: normalizeHostPath(hostPath.path),
        raw: hostPath.path,
        fieldPath: fieldPath(pod.specPath, "volumes", index, "hostPath", "path"),
      });
    }
  });
  return volumes;
}
