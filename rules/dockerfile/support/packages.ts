/**
 * A command's program (without its path) and its arguments: the part of a `ShellCommand` this
 * module reads, so that `shell.ts` can import it without a cycle.
 */
export interface ProgramCall {
  /** The program run, without its path. */
  readonly program: string;
  /** The program's arguments. */
  readonly args: readonly string[];
}

/** A package-manager install command and the packages it names. */
export interface PackageInstall {
  readonly manager: "apt" | "apk" | "rpm" | "pip";
  /** The command's program as written: `apt-get`, `apt`, `apk`, `dnf`, `pip3`, ... */
  readonly program: string;
  /** Package names, versions and architecture suffixes removed, lower-cased. */
  readonly packages: readonly string[];
  /** The command's flags (words starting with `-`). */
  readonly flags: readonly string[];
}

/** Options whose next word is their value, not a package. */
const VALUE_OPTIONS: ReadonlySet<string> = new Set([
  "-o",
  "-t",
  "--target-release",
  "--virtual",
  "-X",
  "--repository",
  "--repositories-file",
  "-r",
  "--requirement",
  "-c",
  "--constraint",
  "-i",
  "--index-url",
  "--extra-index-url",
  "--trusted-host",
  "--target",
  "-e",
  "--editable",
  "--root",
  "--platform",
  "--python-version",
  "--prefix",
  "-f",
  "--find-links",
  "--installroot",
  "--releasever",
]);

const SUBCOMMANDS: Readonly<
  Record<string, { manager: PackageInstall["manager"]; verbs: readonly string[] }>
> = {
  "apt-get": { manager: "apt", verbs: ["install"] },
  apt: { manager: "apt", verbs: ["install"] },
  aptitude: { manager: "apt", verbs: ["install"] },
  apk: { manager: "apk", verbs: ["add"] },
  yum: { manager: "rpm", verbs: ["install"] },
  dnf: { manager: "rpm", verbs: ["install"] },
  microdnf: { manager: "rpm", verbs: ["install"] },
  tdnf: { manager: "rpm", verbs: ["install"] },
  zypper: { manager: "rpm", verbs: ["install", "in"] },
  pip: { manager: "pip", verbs: ["install"] },
  pip3: { manager: "pip", verbs: ["install"] },
};

function packageName(word: string): string {
  return word
    .split(/[=<>~!@[;]/)[0]
    .split(":")[0]
    .toLowerCase();
}

/** The program and arguments of a command, seeing through `python -m pip`. */
function effective(
  program: string,
  args: readonly string[],
): { program: string; args: readonly string[] } {
  if (/^python[0-9.]*$/.test(program) && args[0] === "-m" && args[1] !== undefined) {
    return { program: args[1], args: args.slice(2) };
  }
  return { program, args };
}

/**
 * The install a command (its program without path, and its arguments) performs, or undefined
 * when it installs nothing. `splitShell` stores it on each command as `install`.
 */
export function readInstall(
  commandProgram: string,
  commandArgs: readonly string[],
): PackageInstall | undefined {
  const { program, args } = effective(commandProgram, commandArgs);
  const entry = SUBCOMMANDS[/^pip[0-9.]*$/.test(program) ? "pip" : program];
  if (entry === undefined) {
    return undefined;
  }
  const verb = args.findIndex((a) => entry.verbs.includes(a));
  if (verb === -1) {
    return undefined;
  }
  const packages: string[] = [];
  const flags = args.filter((a) => a.startsWith("-"));
  for (let i = verb + 1; i < args.length; i++) {
    const word = args[i];
    if (VALUE_OPTIONS.has(word)) {
      i++;
    } else if (
      !word.startsWith("-") &&
      !word.startsWith("$") &&
      !word.includes("/") &&
      !word.startsWith(".")
    ) {
      packages.push(packageName(word));
    }
  }
  return { manager: entry.manager, program, packages, flags };
}

/** True when `command` is `<program> ... <verb>` for one of the given programs, e.g. `apt-get update`. */
export function runsSubcommand(
  command: ProgramCall,
  programs: readonly string[],
  verb: string,
): boolean {
  const { program, args } = effective(command.program, command.args);
  return programs.includes(program) && args.includes(verb);
}
