/**
 * Capabilities that open a path from a container to the node, each with the reason. NET_RAW is
 * left to `drop-net-raw`.
 */
export const DANGEROUS_CAPABILITIES: ReadonlyMap<string, string> = new Map(
  Object.entries({
    ALL: "it grants every capability, which is nearly a privileged container",
    SYS_ADMIN:
      "it allows mount, namespace and cgroup operations behind most container escapes (such as the cgroup release_agent escape)",
    SYS_MODULE: "it loads kernel modules: arbitrary code in the node's kernel",
    SYS_RAWIO: "it gives raw access to I/O ports and device memory",
    SYS_PTRACE:
      "it lets the container trace and inject code into other processes it can see, and read their memory",
    SYS_BOOT: "it reboots the node or loads a new kernel with kexec",
    SYS_TIME: "it sets the node's clock, which is not namespaced",
    DAC_READ_SEARCH:
      "it bypasses read permission checks and allows open_by_handle_at, which reads any file on the node's filesystem (the Shocker escape)",
    NET_ADMIN:
      "it reconfigures interfaces, routes and firewall rules, to intercept or redirect traffic (the node's, with hostNetwork)",
    BPF: "it loads eBPF programs, which can read kernel memory and trace every process",
    PERFMON: "it traces and profiles other processes and the kernel",
    MAC_ADMIN: "it changes AppArmor or SELinux policy",
    MAC_OVERRIDE: "it bypasses AppArmor or SELinux policy",
    SYSLOG: "it reads the kernel log, which reveals kernel addresses useful to exploits",
  }),
);
