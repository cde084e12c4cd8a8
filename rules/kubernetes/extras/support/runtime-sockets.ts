import { isWithin } from "./host-paths";

/** File names of container runtime API sockets, wherever they are. */
export const RUNTIME_SOCKET_NAMES: ReadonlySet<string> = new Set([
  "docker.sock",
  "dockershim.sock",
  "cri-dockerd.sock",
  "containerd.sock",
  "crio.sock",
  "podman.sock",
]);

/** Directories that hold a runtime's sockets. */
export const RUNTIME_SOCKET_DIRECTORIES: readonly string[] = [
  "/run/containerd",
  "/var/run/containerd",
  "/run/crio",
  "/var/run/crio",
  "/run/docker",
  "/var/run/docker",
  "/run/podman",
  "/var/run/podman",
  "/run/cri-dockerd",
  "/var/run/cri-dockerd",
];

/** The directories that hold the runtime socket directories and the Docker socket itself. */
export const RUNTIME_SOCKET_PARENTS: readonly string[] = ["/run", "/var/run"];

/**
 * True when a host path (normalized) reaches a container runtime socket: it is a socket by file
 * name, lies in a runtime's socket directory, or is `/run` or `/var/run`, which hold them. Paths
 * higher up (`/`, `/var`) reach them too but are reported by `sensitive-host-path` as a whole.
 */
export function reachesRuntimeSocket(path: string): boolean {
  const name = path.slice(path.lastIndexOf("/") + 1);
  return (
    RUNTIME_SOCKET_NAMES.has(name) ||
    RUNTIME_SOCKET_DIRECTORIES.some((dir) => isWithin(path, dir)) ||
    RUNTIME_SOCKET_PARENTS.includes(path)
  );
}
