import { strict as assert } from "assert";
import { evaluateRuntime } from "../../../rules/image/runtime/evaluate";
import { EACCES, EROFS, RuntimeObservations } from "../../../rules/image/runtime/observations";

/** What a hardened image shows: non-root process, refused writes, no shell, healthy. */
const HARDENED: RuntimeObservations = {
  readOnlyRun: { running: true, processes: [{ uid: 10001, command: "/app/server" }] },
  probeUid: 255,
  writeWithoutReadOnly: { errno: EACCES },
  writeWithReadOnly: { errno: EROFS },
  shell: { exitCode: 127, stderr: 'exec: "/bin/sh": stat /bin/sh: no such file or directory' },
  health: { status: "healthy", waitedSeconds: 1.5 },
};

const CASES: { name: string; changes: Partial<RuntimeObservations>; expected: string[] }[] = [
  { name: "a hardened image", changes: {}, expected: [] },
  { name: "no HEALTHCHECK to run", changes: { health: undefined }, expected: [] },
  {
    name: "a root process, writable root file system (touch /test as root succeeds)",
    changes: {
      readOnlyRun: { running: true, processes: [{ uid: 0, command: "/app/server" }] },
      probeUid: 0,
      writeWithoutReadOnly: { errno: 0 },
    },
    expected: [
      "image-runtime-non-root runtime.processes",
      "image-runtime-writable-rootfs runtime.rootfs",
    ],
  },
  {
    name: "root seen by the probe when the container exited at once",
    changes: { readOnlyRun: { running: false, exitCode: 0 }, probeUid: 0 },
    expected: ["image-runtime-non-root runtime.user"],
  },
  {
    name: "a container that crashes with --read-only",
    changes: {
      readOnlyRun: { running: false, exitCode: 1, logTail: "cannot write /var/run/app.pid" },
    },
    expected: ["image-runtime-read-only-rootfs runtime.readOnly"],
  },
  {
    name: "a write that --read-only did not stop",
    changes: { writeWithReadOnly: { errno: 0 } },
    expected: ["image-runtime-read-only-rootfs runtime.rootfs"],
  },
  {
    name: "a shell that starts",
    changes: { shell: { exitCode: 0, stderr: "" } },
    expected: ["image-runtime-no-shell runtime.shell"],
  },
  {
    name: "an unhealthy container",
    changes: {
      health: { status: "unhealthy", waitedSeconds: 9, lastOutput: "exec: curl: not found" },
    },
    expected: ["image-runtime-healthcheck runtime.health"],
  },
];

describe("runtime image rules", () => {
  for (const c of CASES) {
    it(c.name, () => {
      const found = evaluateRuntime({ ...HARDENED, ...c.changes }).map(
        (v) => `${v.ruleId} ${v.path}`,
      );
      assert.deepEqual(found, c.expected);
    });
  }

  it("names the errno a read-only write ended with", () => {
    const [v] = evaluateRuntime({ ...HARDENED, writeWithReadOnly: { errno: EACCES } });
    assert.equal(
      v.message,
      "with --read-only a write to / ended with EACCES (Permission denied); expected EROFS (Read-only file system)",
    );
  });
});
