import { BASELINE_PROFILES, HARDENED_PROFILES } from "../../profile";
import { EROFS, errnoName } from "./observations";
import { RuntimeImageRule } from "./runtime-rule";

/** The running container's processes are not root. */
export const imageRuntimeNonRoot: RuntimeImageRule = {
  id: "image-runtime-non-root",
  title: "The running container's processes must not be root",
  description:
    "What counts is the uid the process really gets, not what the config says: an entrypoint script, a setuid binary or a name mapped to uid 0 can all end up as root. Verified by listing the running container's processes with docker top (or, when it exits at once, by a probe run as the image's user).",
  severity: "error",
  profiles: BASELINE_PROFILES,
  target: "image",
  references: { cisDocker: ["4.1"], dockle: ["CIS-DI-0001"] },
  remediation:
    "Set USER <uid>:<gid> with a non-zero UID and make sure the entrypoint does not switch back to root.",
  check: (o) => {
    const processes = o.readOnlyRun.processes;
    if (processes !== undefined) {
      return processes
        .filter((p) => p.uid === 0)
        .map((p) => ({
          path: "runtime.processes",
          message: `the running container has a root process (uid 0): ${p.command}; expected every process to run as a non-zero uid`,
          container: null,
        }));
    }
    return o.probeUid === 0
      ? [
          {
            path: "runtime.user",
            message:
              "a process started with the image's user runs as uid 0 (root); expected a non-zero uid",
            container: null,
          },
        ]
      : [];
  },
};

/** The image's user cannot write to `/` even when the runtime leaves it writable. */
export const imageRuntimeWritableRootfs: RuntimeImageRule = {
  id: "image-runtime-writable-rootfs",
  title: "The image's user must not be able to write to the root file system",
  description:
    "A hardened image must not depend on the platform adding --read-only: when the root file system is left writable, a process of the image's user must still be refused writes to /. Verified by a probe that tries to create /.hardened-write-probe as the image's user.",
  severity: "error",
  profiles: HARDENED_PROFILES,
  target: "image",
  references: {
    cisDocker: ["5.12"],
    docs: ["https://docs.docker.com/reference/cli/docker/container/run/#read-only"],
  },
  remediation:
    "Run as a non-root uid that owns nothing outside its data directories (chown only /app/data or a tmpfs mount point to it).",
  check: (o) =>
    o.writeWithoutReadOnly.errno === 0
      ? [
          {
            path: "runtime.rootfs",
            message:
              "the image's user created /.hardened-write-probe in a root file system left writable (as `touch /test` would); expected the write to be refused (EACCES)",
            container: null,
          },
        ]
      : [],
};

/** The image runs with `--read-only`, and writes then fail. */
export const imageRuntimeReadOnlyRootfs: RuntimeImageRule = {
  id: "image-runtime-read-only-rootfs",
  title: "The image must run with a read-only root file system",
  description:
    "Kubernetes readOnlyRootFilesystem and docker run --read-only only help if the image still works under them. Verified by starting the image's own entrypoint with --read-only (and a tmpfs on /tmp), and by a write probe that must fail with EROFS.",
  severity: "error",
  profiles: HARDENED_PROFILES,
  target: "image",
  references: {
    cisDocker: ["5.12"],
    docs: ["https://docs.docker.com/reference/cli/docker/container/run/#read-only"],
  },
  remediation:
    "Write only to declared volumes or tmpfs mounts (e.g. /tmp); point caches and PID files there.",
  check: (o) => {
    const violations = [];
    if (!o.readOnlyRun.running && o.readOnlyRun.exitCode !== 0) {
      violations.push({
        path: "runtime.readOnly",
        message: `with --read-only the container exited with code ${o.readOnlyRun.exitCode ?? "unknown"}${o.readOnlyRun.logTail ? ` (last output: ${o.readOnlyRun.logTail})` : ""}; expected it to keep running`,
        container: null,
      });
    }
    if (o.writeWithReadOnly.errno !== EROFS) {
      violations.push({
        path: "runtime.rootfs",
        message: `with --read-only a write to / ended with ${errnoName(o.writeWithReadOnly.errno)}${o.writeWithReadOnly.detail ? ` (${o.writeWithReadOnly.detail})` : ""}; expected EROFS (Read-only file system)`,
        container: null,
      });
    }
    return violations;
  },
};

/** `/bin/sh` cannot start in the image. */
export const imageRuntimeNoShell: RuntimeImageRule = {
  id: "image-runtime-no-shell",
  title: "/bin/sh must not start in the image",
  description:
    "An attacker with code execution or kubectl exec rights uses the shell first. Verified by docker run --entrypoint /bin/sh <image> -c 'exit 0', which must fail.",
  severity: "error",
  profiles: HARDENED_PROFILES,
  target: "image",
  references: { cisDocker: ["4.3"], docs: ["https://github.com/GoogleContainerTools/distroless"] },
  remediation: "Use a distroless or scratch final stage and copy only the program into it.",
  check: (o) =>
    o.shell.exitCode === 0
      ? [
          {
            path: "runtime.shell",
            message:
              "docker run --entrypoint /bin/sh started a shell that ran `exit 0`; expected /bin/sh not to exist",
            container: null,
          },
        ]
      : [],
};

/** The HEALTHCHECK reports healthy within its start period. */
export const imageRuntimeHealthcheck: RuntimeImageRule = {
  id: "image-runtime-healthcheck",
  title: "The image's HEALTHCHECK must pass within its start period",
  description:
    "A health check that never passes (a missing curl, a shell-form check without a shell) makes orchestrators kill healthy containers. Verified by running the image with --read-only and polling docker inspect until it is healthy, within the start period plus retries times the interval.",
  severity: "error",
  profiles: HARDENED_PROFILES,
  target: "image",
  references: { cisDocker: ["4.6"], dockle: ["CIS-DI-0006"] },
  remediation:
    'Make the HEALTHCHECK an exec-form call of a program the image ships (HEALTHCHECK CMD ["/app/healthcheck"]), and give it a start period long enough for the program to start.',
  check: (o) =>
    o.health === undefined || o.health.status === "healthy"
      ? []
      : [
          {
            path: "runtime.health",
            message: `the health check was "${o.health.status}" after ${o.health.waitedSeconds}s${o.health.lastOutput ? ` (last output: ${o.health.lastOutput})` : ""}; expected "healthy"`,
            container: null,
          },
        ],
};

/** Every runtime image rule, in the order they are reported. */
export const RUNTIME_IMAGE_RULES: readonly RuntimeImageRule[] = [
  imageRuntimeNonRoot,
  imageRuntimeWritableRootfs,
  imageRuntimeReadOnlyRootfs,
  imageRuntimeNoShell,
  imageRuntimeHealthcheck,
];
