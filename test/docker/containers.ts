import { readFileSync } from "fs";
import { docker, runDocker } from "../../dev/docker";

/** Starts a detached container of `ref` and returns its id. */
export function startContainer(ref: string, extra: readonly string[] = []): string {
  return docker(["run", "-d", ...extra, ref]).trim();
}

/** The effective uid and gid of the container's main process, read from the host's /proc. */
export function processIds(container: string): { uid: number; gid: number } {
  const pid = docker(["inspect", "-f", "{{.State.Pid}}", container]).trim();
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const field = (name: string) =>
    Number(new RegExp(`^${name}:\\s+\\d+\\s+(\\d+)`, "m").exec(status)?.[1]);
  return { uid: field("Uid"), gid: field("Gid") };
}

/** Polls the container's health status until it is healthy; throws with the last log otherwise. */
export async function waitHealthy(container: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let status = "";
  while (Date.now() < deadline) {
    status = docker(["inspect", "-f", "{{.State.Health.Status}}", container]).trim();
    if (status === "healthy") {
      return;
    }
    if (status === "unhealthy") {
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  const health = docker(["inspect", "-f", "{{json .State.Health}}", container]);
  const logs = runDocker(["logs", container]);
  throw new Error(
    `container ${container} is ${status || "unknown"}, not healthy; health: ${health}; logs: ${logs.stdout}${logs.stderr}`,
  );
}

/** True when running `program` as the container's entrypoint fails (it does not exist). */
export function cannotRun(ref: string, program: string): boolean {
  return runDocker(["run", "--rm", "--entrypoint", program, ref, "-c", "true"]).code !== 0;
}

/** Removes containers and images, ignoring ones already gone. */
export function removeAll(containers: readonly string[], images: readonly string[]): void {
  if (containers.length > 0) {
    runDocker(["rm", "-f", ...containers]);
  }
  if (images.length > 0) {
    runDocker(["rmi", "-f", ...images]);
  }
}
