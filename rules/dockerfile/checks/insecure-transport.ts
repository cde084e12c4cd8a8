import { HARDENED_PROFILES } from "../../profile";
import { builtInstructions } from "../support/ancestry";
import { DockerfileRule, DockerfileViolation, violationAt } from "../dockerfile-rule";
import { ShellCommand } from "../support/shell";

/** Variables that turn TLS verification off, by name: what a value does, or undefined when it is safe. */
const INSECURE_VARIABLES: ReadonlyMap<string, (value: string) => string | undefined> = new Map<
  string,
  (value: string) => string | undefined
>([
  [
    "NODE_TLS_REJECT_UNAUTHORIZED",
    (v) =>
      v === "0"
        ? "NODE_TLS_REJECT_UNAUTHORIZED=0 turns off TLS verification in Node.js"
        : undefined,
  ],
  [
    "PYTHONHTTPSVERIFY",
    (v) => (v === "0" ? "PYTHONHTTPSVERIFY=0 turns off TLS verification in Python" : undefined),
  ],
  [
    "GIT_SSL_NO_VERIFY",
    () => "GIT_SSL_NO_VERIFY turns off TLS verification in git whatever its value",
  ],
  [
    "NPM_CONFIG_STRICT_SSL",
    (v) =>
      /^false$/i.test(v)
        ? "NPM_CONFIG_STRICT_SSL=false turns off TLS verification in npm"
        : undefined,
  ],
  [
    "PIP_TRUSTED_HOST",
    (v) => (v !== "" ? "PIP_TRUSTED_HOST lets pip skip TLS verification for a host" : undefined),
  ],
]);

/** What a `NAME=value` assignment turns off, or undefined. */
function insecureAssignment(name: string, value: string): string | undefined {
  return INSECURE_VARIABLES.get(name)?.(value.replace(/^(["'])(.*)\1$/, "$2"));
}

/** Programs `insecureCommand` knows flags of; others are skipped without looking at their words. */
const TLS_PROGRAMS =
  /^(curl|wget|pip[0-9.]*|git|npm|yarn|yum|dnf|microdnf|tdnf|yum-config-manager)$/;

/** A false boolean as npm, yarn and the rpm tools read one. */
const FALSE = /^(false|0|no|off)$/i;

/**
 * True when npm or yarn `args` set strict-ssl to false: `config set strict-ssl false` (or
 * `set`, or `strict-ssl=false`), `--strict-ssl=false`, `--strict-ssl false` or `--no-strict-ssl`.
 * `npm install strict-ssl false` installs two packages and is not a setting.
 */
function setsStrictSslOff(args: readonly string[]): boolean {
  const setAt = args.findIndex((a, i) => a === "set" && (i === 0 || args[i - 1] === "config"));
  const setting = setAt === -1 ? [] : args.slice(setAt + 1);
  return (
    args.includes("--no-strict-ssl") ||
    args.some(
      (a, i) =>
        (a === "--strict-ssl" && FALSE.test(args[i + 1] ?? "")) ||
        (a.startsWith("--strict-ssl=") && FALSE.test(a.slice("--strict-ssl=".length))),
    ) ||
    (setting[0] === "strict-ssl" && FALSE.test(setting[1] ?? "")) ||
    /^strict-ssl=(false|0|no|off)$/i.test(setting[0] ?? "")
  );
}

function insecureCommand(command: ShellCommand): string | undefined {
  const { program, args } = command;
  if (!TLS_PROGRAMS.test(program)) {
    return undefined;
  }
  const has = (...flags: string[]) =>
    args.some((a) => flags.includes(a) || flags.some((f) => a.startsWith(`${f}=`)));
  if (
    program === "curl" &&
    (has("--insecure") || args.some((a) => /^-[a-zA-Z]*k[a-zA-Z]*$/.test(a)))
  ) {
    return "curl -k/--insecure skips TLS certificate verification";
  }
  if (program === "wget" && has("--no-check-certificate")) {
    return "wget --no-check-certificate skips TLS certificate verification";
  }
  if (
    /^pip[0-9.]*$/.test(program) &&
    (has("--trusted-host") || args.some((a) => /trusted-host/.test(a)))
  ) {
    return "pip --trusted-host skips TLS verification for that host";
  }
  if (
    program === "git" &&
    args.some(
      (a, i) =>
        /^http\.sslverify=(false|0)$/i.test(a) ||
        (/^http\.sslverify$/i.test(a) && /^(false|0)$/i.test(args[i + 1] ?? "")),
    )
  ) {
    return "git http.sslVerify=false skips TLS certificate verification";
  }
  if ((program === "npm" || program === "yarn") && setsStrictSslOff(args)) {
    return `${program} strict-ssl false skips TLS certificate verification`;
  }
  if (
    ["yum", "dnf", "microdnf", "tdnf", "yum-config-manager"].includes(program) &&
    args.some((a) => /sslverify=(false|0|no|off)$/i.test(a))
  ) {
    return `${program} sslverify=false skips TLS certificate verification`;
  }
  return undefined;
}

/** Adds to `problems` what the `NAME=value` words among `words` turn off. */
function addAssignmentProblems(words: readonly string[], problems: string[]): void {
  for (const word of words) {
    const eq = word.indexOf("=");
    const problem = eq > 0 ? insecureAssignment(word.slice(0, eq), word.slice(eq + 1)) : undefined;
    if (problem !== undefined) {
      problems.push(problem);
    }
  }
}

/** TLS verification stays on. */
export const dockerfileInsecureTransport: DockerfileRule = {
  id: "dockerfile-insecure-transport",
  title: "Downloads must verify TLS certificates",
  description:
    "Turning off certificate verification (curl -k, wget --no-check-certificate, pip --trusted-host, NODE_TLS_REJECT_UNAUTHORIZED=0, ...) lets anyone on the network path replace what the build downloads, in any stage that feeds the image.",
  severity: "error",
  profiles: HARDENED_PROFILES,
  target: "dockerfile",
  references: {
    cisDocker: ["4.11"],
    checkov: [
      "CKV2_DOCKER_2",
      "CKV2_DOCKER_3",
      "CKV2_DOCKER_4",
      "CKV2_DOCKER_5",
      "CKV2_DOCKER_6",
      "CKV2_DOCKER_12",
      "CKV2_DOCKER_13",
      "CKV2_DOCKER_14",
      "CKV2_DOCKER_15",
      "CKV2_DOCKER_16",
    ],
  },
  remediation:
    "Remove the flag or variable and install the CA certificate the server needs (ca-certificates, or COPY the corporate CA and run update-ca-certificates).",
  check: (model) => {
    const violations: DockerfileViolation[] = [];
    for (const i of builtInstructions(model)) {
      const problems: string[] = [];
      if (i.keyword === "ENV" || i.keyword === "ARG") {
        addAssignmentProblems(
          i.properties.filter((p) => p.value !== null).map((p) => `${p.name}=${p.value}`),
          problems,
        );
      }
      for (const command of i.commands) {
        addAssignmentProblems(command.words, problems);
        const insecure = insecureCommand(command);
        if (insecure !== undefined) {
          problems.push(insecure);
        }
      }
      for (const p of new Set(problems)) {
        violations.push(violationAt(model, i, `${p}; expected verified TLS`));
      }
    }
    return violations;
  },
};
