import { RuleExample } from "../../example";
import { imageFacts } from "./image-facts";

const observed = (runtime: Readonly<Record<string, unknown>>) => imageFacts({ runtime });

const running = (uid: number) =>
  observed({
    readOnlyRun: { running: true, processes: [{ uid, command: "/app/server" }] },
  });

/** The examples of the image rules that read what running the image showed, by rule id. */
export const RUNTIME_IMAGE_EXAMPLES: Readonly<Record<string, RuleExample>> = {
  "image-runtime-non-root": {
    failing: running(0),
    passing: running(10001),
  },
  "image-runtime-writable-rootfs": {
    failing: observed({ writeWithoutReadOnly: { errno: 0 } }),
    passing: observed({ writeWithoutReadOnly: { errno: 13 } }),
  },
  "image-runtime-read-only-rootfs": {
    failing: observed({
      readOnlyRun: {
        running: false,
        exitCode: 1,
        logTail: "mkdir /var/cache/nginx: read-only file system",
      },
    }),
    passing: running(10001),
  },
  "image-runtime-no-shell": {
    failing: observed({ shell: { exitCode: 0, stderr: "" } }),
    passing: observed({
      shell: { exitCode: 127, stderr: 'exec: "/bin/sh": stat /bin/sh: no such file or directory' },
    }),
  },
  "image-runtime-healthcheck": {
    failing: observed({
      health: { status: "unhealthy", waitedSeconds: 40, lastOutput: "curl: not found" },
    }),
    passing: observed({ health: { status: "healthy", waitedSeconds: 5 } }),
  },
};
