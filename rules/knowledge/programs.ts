/**
 * Programs a hardened runtime image should not carry, shared by the Dockerfile rules (what a
 * final stage installs or copies in) and the built-image rules (what the file system holds).
 */

/** Program names that are shells (busybox is one in disguise). */
export const SHELLS: readonly string[] = [
  "sh",
  "bash",
  "dash",
  "ash",
  "zsh",
  "ksh",
  "mksh",
  "csh",
  "tcsh",
  "fish",
  "busybox",
];

/**
 * Program names that are package managers. Their metadata (such as distroless's
 * `/var/lib/dpkg/status.d`) is not one. Versioned pip names (`pip3`, `pip3.12`) count as `pip`:
 * see `packageManagerName`.
 */
export const PACKAGE_MANAGERS: readonly string[] = [
  "apt",
  "apt-get",
  "dpkg",
  "apk",
  "yum",
  "dnf",
  "microdnf",
  "rpm",
  "zypper",
  "pip",
];

/** A program name with a versioned pip (`pip3`, `pip3.12`) reduced to `pip`. */
export function packageManagerName(program: string): string {
  return program.replace(/^pip\d+(\.\d+)?$/, "pip");
}

/**
 * Packages (and programs of the same name) that turn a runtime image into a workstation:
 * compilers, debuggers, network tools, downloaders, editors, remote shells. Shells and package
 * managers are listed apart, in `SHELLS` and `PACKAGE_MANAGERS`.
 */
export const BUILD_AND_DEBUG_TOOLS: readonly string[] = [
  "gcc",
  "g++",
  "clang",
  "make",
  "cmake",
  "build-essential",
  "build-base",
  "musl-dev",
  "libc6-dev",
  "golang",
  "rustc",
  "cargo",
  "strace",
  "ltrace",
  "gdb",
  "valgrind",
  "tcpdump",
  "nmap",
  "socat",
  "netcat",
  "netcat-openbsd",
  "netcat-traditional",
  "ncat",
  "nc",
  "telnet",
  "vim",
  "vim-tiny",
  "vi",
  "nano",
  "emacs",
  "curl",
  "wget",
  "git",
  "openssh-client",
  "openssh-server",
  "ssh",
  "sshd",
  "sudo",
  "python3-pip",
  "py3-pip",
  "ipdb",
  "debugpy",
];
