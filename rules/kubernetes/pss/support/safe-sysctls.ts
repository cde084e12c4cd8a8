import { PssVersion, pssAtLeast } from "../../pss-version";

/** The sysctls each Pod Security Standards version added to the baseline's safe set. */
const SAFE_SYSCTLS_BY_VERSION: readonly {
  readonly minor: number;
  readonly names: readonly string[];
}[] = [
  {
    minor: 0,
    names: [
      "kernel.shm_rmid_forced",
      "net.ipv4.ip_local_port_range",
      "net.ipv4.tcp_syncookies",
      "net.ipv4.ping_group_range",
      "net.ipv4.ip_unprivileged_port_start",
    ],
  },
  { minor: 27, names: ["net.ipv4.ip_local_reserved_ports"] },
  {
    minor: 29,
    names: [
      "net.ipv4.tcp_keepalive_time",
      "net.ipv4.tcp_fin_timeout",
      "net.ipv4.tcp_keepalive_intvl",
      "net.ipv4.tcp_keepalive_probes",
    ],
  },
  { minor: 32, names: ["net.ipv4.tcp_rmem", "net.ipv4.tcp_wmem"] },
  { minor: 37, names: ["net.ipv4.tcp_slow_start_after_idle", "net.ipv4.tcp_notsent_lowat"] },
];

/** The sysctls the baseline level allows at `version`. */
export function safeSysctls(version: PssVersion): ReadonlySet<string> {
  return new Set(
    SAFE_SYSCTLS_BY_VERSION.filter((entry) => pssAtLeast(version, entry.minor)).flatMap(
      (entry) => entry.names,
    ),
  );
}

/** The safe set's history in words, for documentation: what each version added. */
export function describeSafeSysctls(): string {
  return SAFE_SYSCTLS_BY_VERSION.map((entry) =>
    entry.minor === 0
      ? entry.names.join(", ")
      : `from v1.${entry.minor}, ${entry.names.join(", ")}`,
  ).join("; ");
}
