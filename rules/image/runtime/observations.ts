/**
 * What the runtime verification observed about an image in a real container engine. The runtime
 * rules read only this; `image/runtime/` gathers it.
 */

/** A process of the running container, as `docker top` lists it. */
export interface ObservedProcess {
  /** Effective user id. */
  readonly uid: number;
  /** The command line. */
  readonly command: string;
}

/** The outcome of the write probe: 0 when it created a file in `/`, else the errno. */
export interface WriteAttempt {
  /** 0 for success, the errno (30 EROFS, 13 EACCES), or -1 when the container did not start. */
  readonly errno: number;
  /** Docker's error when the container did not start. */
  readonly detail?: string;
}

/** The container started from the image's own entrypoint with `--read-only`. */
export interface ReadOnlyRun {
  /** Whether it was still running when observed. */
  readonly running: boolean;
  /** Its exit code when it had exited. */
  readonly exitCode?: number;
  /** The end of its output when it had exited with an error. */
  readonly logTail?: string;
  /** Its processes while it ran, or undefined when it exited before they could be listed. */
  readonly processes?: readonly ObservedProcess[];
}

/** The health check as Docker ran it. */
export interface HealthObservation {
  /** The last status: `healthy`, `unhealthy`, `starting`, or `exited` when the container stopped. */
  readonly status: "healthy" | "unhealthy" | "starting" | "exited";
  /** Seconds waited for it. */
  readonly waitedSeconds: number;
  /** Output of the last probe, when Docker kept one. */
  readonly lastOutput?: string;
}

/** Everything the runtime verification observed. */
export interface RuntimeObservations {
  /** The image's own entrypoint run with `--read-only`. */
  readonly readOnlyRun: ReadOnlyRun;
  /**
   * The uid the image's USER gives a process (from the probe, capped at 255), used when no process
   * was listed; null when Docker could not start a process as that user.
   */
  readonly probeUid: number | null;
  /** The write probe run as the image's user without `--read-only`. */
  readonly writeWithoutReadOnly: WriteAttempt;
  /** The write probe run as the image's user with `--read-only`. */
  readonly writeWithReadOnly: WriteAttempt;
  /** `docker run --entrypoint /bin/sh <image> -c "exit 0"`: its exit code and error output. */
  readonly shell: { readonly exitCode: number; readonly stderr: string };
  /** The health check, or undefined when the image declares none. */
  readonly health?: HealthObservation;
}

/** Errno of "Read-only file system". */
export const EROFS = 30;

/** Errno of "Permission denied". */
export const EACCES = 13;

/** A readable name for an errno the probe returned. */
export function errnoName(errno: number): string {
  const names: Record<number, string> = {
    [-1]: "no result (the container did not start)",
    0: "success",
    1: "EPERM (Operation not permitted)",
    2: "ENOENT (No such file or directory)",
    13: "EACCES (Permission denied)",
    28: "ENOSPC (No space left on device)",
    30: "EROFS (Read-only file system)",
  };
  return names[errno] ?? `errno ${errno}`;
}
