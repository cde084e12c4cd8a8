import { isWithin } from "./host-paths";
import { reachesRuntimeSocket } from "./runtime-sockets";

/** Node directories a container must never see, each with what it exposes. */
export const SENSITIVE_HOST_PATHS: ReadonlyMap<string, string> = new Map([
  ["/", "the node's whole filesystem"],
  ["/bin", "the node's programs, which a writable mount lets the container replace"],
  ["/sbin", "the node's system programs, which a writable mount lets the container replace"],
  ["/usr", "the node's programs and libraries, which a writable mount lets the container replace"],
  ["/lib", "the node's libraries, which a writable mount lets the container replace"],
  ["/lib64", "the node's libraries, which a writable mount lets the container replace"],
  ["/boot", "the node's kernel and boot loader"],
  ["/dev", "the node's devices, disks included"],
  ["/etc", "the node's configuration: users, sudoers, kubelet and kubeconfig credentials"],
  ["/proc", "every process on the node and writable kernel settings"],
  ["/sys", "kernel, cgroup and device settings of the node"],
  ["/root", "root's home: SSH keys and cloud credentials"],
  ["/home", "users' homes: SSH keys and credentials"],
  ["/var/lib/kubelet", "the kubelet's credentials and every pod's volumes, secrets included"],
  ["/var/lib/docker", "every container's filesystem and configuration"],
  ["/var/lib/containerd", "every container's filesystem and configuration"],
  ["/var/lib/etcd", "the cluster's datastore, every Secret included"],
]);

/**
 * What a host path (normalized) exposes, when it is sensitive: a path inside a sensitive directory,
 * or a parent of one (`/var` holds `/var/lib/kubelet`). Paths that reach a container runtime socket
 * are `container-runtime-socket`'s and yield undefined, so each volume is reported once.
 */
export function sensitiveExposure(path: string): { root: string; exposes: string } | undefined {
  if (reachesRuntimeSocket(path)) {
    return undefined;
  }
  const roots = [...SENSITIVE_HOST_PATHS.keys()].filter((root) => root !== "/");
  const within = roots.filter((root) => isWithin(path, root));
  if (within.length > 0) {
    const root = within.reduce((a, b) => (b.length > a.length ? b : a));
    return { root, exposes: SENSITIVE_HOST_PATHS.get(root) ?? root };
  }
  if (path === "/") {
    return { root: "/", exposes: SENSITIVE_HOST_PATHS.get("/") ?? "/" };
  }
  const inside = roots.filter((root) => isWithin(root, path));
  return inside.length > 0
    ? { root: path, exposes: `the node directories ${inside.join(", ")}` }
    : undefined;
}
