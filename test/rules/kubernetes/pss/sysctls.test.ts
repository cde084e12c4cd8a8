import { strict as assert } from "assert";
import { sysctls } from "../../../../rules/kubernetes/pss/sysctls";
import { setPath } from "../../../fixtures/workloads";
import { messages, run, specWith } from "./pss-test-helpers";

function withSysctls(names: readonly string[]) {
  return specWith((s) =>
    setPath(
      s,
      "securityContext.sysctls",
      names.map((name) => ({ name, value: "1" })),
    ),
  );
}

describe("sysctls", () => {
  const cases: [sysctl: string, forbiddenAt: string, allowedFrom: string][] = [
    ["net.ipv4.ip_local_reserved_ports", "v1.26", "v1.27"],
    ["net.ipv4.tcp_keepalive_time", "v1.28", "v1.29"],
    ["net.ipv4.tcp_fin_timeout", "v1.28", "v1.29"],
    ["net.ipv4.tcp_keepalive_intvl", "v1.28", "v1.29"],
    ["net.ipv4.tcp_keepalive_probes", "v1.28", "v1.29"],
    ["net.ipv4.tcp_rmem", "v1.31", "v1.32"],
    ["net.ipv4.tcp_wmem", "v1.31", "v1.32"],
    ["net.ipv4.tcp_slow_start_after_idle", "v1.36", "v1.37"],
    ["net.ipv4.tcp_notsent_lowat", "v1.36", "v1.37"],
  ];
  for (const [sysctl, forbiddenAt, allowedFrom] of cases) {
    it(`${sysctl} is forbidden at ${forbiddenAt} and safe from ${allowedFrom}`, () => {
      const spec = withSysctls([sysctl]);
      const path = [["spec.securityContext.sysctls[0].name", null]];
      assert.deepEqual(run(sysctls, spec, { version: forbiddenAt }), path);
      assert.deepEqual(run(sysctls, spec, { version: allowedFrom }), []);
      assert.deepEqual(run(sysctls, spec, { version: "latest" }), []);
    });
  }

  it("allows the v1.0 safe set at the oldest version", () => {
    const spec = withSysctls([
      "kernel.shm_rmid_forced",
      "net.ipv4.ip_local_port_range",
      "net.ipv4.tcp_syncookies",
      "net.ipv4.ping_group_range",
      "net.ipv4.ip_unprivileged_port_start",
    ]);
    assert.deepEqual(run(sysctls, spec, { version: "v1.25" }), []);
  });

  it("reports each unsafe sysctl at its index", () => {
    const spec = withSysctls(["kernel.shm_rmid_forced", "kernel.msgmax", "net.core.somaxconn"]);
    assert.deepEqual(run(sysctls, spec), [
      ["spec.securityContext.sysctls[1].name", null],
      ["spec.securityContext.sysctls[2].name", null],
    ]);
  });

  it("names the version and its safe set", () => {
    const spec = withSysctls(["net.ipv4.tcp_rmem"]);
    assert.deepEqual(messages(sysctls, spec, { version: "v1.27" }), [
      'sysctl "net.ipv4.tcp_rmem" is not in the safe set of Pod Security Standards v1.27; expected one of kernel.shm_rmid_forced, net.ipv4.ip_local_port_range, net.ipv4.tcp_syncookies, net.ipv4.ping_group_range, net.ipv4.ip_unprivileged_port_start, net.ipv4.ip_local_reserved_ports',
    ]);
  });
});
