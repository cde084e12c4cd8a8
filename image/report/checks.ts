import { getRule } from "../../rules/catalog";
import { Finding } from "../../rules/finding";
import { STATIC_IMAGE_RULES } from "../../rules/image/static-rules";
import { ImageModel } from "../../rules/image/model";
import { imageFilesystem } from "../../rules/image/filesystem";
import { parseUser, passwdOf } from "../../rules/image/passwd";
import { BASE_DIGEST_LABEL } from "../../rules/image/checks/base-labels";

/** One line of the SECURITY CHECKS section. */
export interface CheckLine {
  /** FAIL for an error finding, WARN for a warning or note, PASS for none. */
  readonly status: "PASS" | "WARN" | "FAIL";
  /** What was checked and, for a failure, what was found. */
  readonly text: string;
}

/** Rules the report leaves out: it sets no budget, so they cannot fail. */
const BUDGET_RULES = ["image-size-budget", "image-layer-budget"];

function userText(model: ImageModel): string {
  const spec = parseUser(model.config.user);
  const passwd = passwdOf(imageFilesystem(model));
  const entry = spec.numeric
    ? passwd?.find((e) => e.uid === Number(spec.user))
    : passwd?.find((e) => e.name === spec.user);
  if (entry === undefined) {
    return `${model.config.user}, no /etc/passwd entry`;
  }
  return `${entry.name}:${entry.uid}`;
}

function shortList(findings: readonly Finding[]): string {
  const paths = findings.map((f) => f.path.replace(/^layers\[\d+\]:/, ""));
  return paths.length <= 3
    ? paths.join(", ")
    : `${paths.slice(0, 3).join(", ")} and ${paths.length - 3} more`;
}

/** The wording of a passed check and of a failed one, for the rules worth naming plainly. */
const WORDING: Readonly<
  Record<string, { pass: (m: ImageModel) => string; fail: (f: readonly Finding[]) => string }>
> = {
  "image-user-non-root": {
    pass: (m) => `Non-root user configured (${userText(m)})`,
    fail: () => "Runs as root (no USER, or USER 0/root)",
  },
  "image-user-numeric": {
    pass: () => "USER is numeric (Kubernetes can verify runAsNonRoot)",
    fail: () => "USER is a name, not a numeric UID",
  },
  "image-healthcheck": {
    pass: () => "HEALTHCHECK instruction present",
    fail: () => "No HEALTHCHECK instruction",
  },
  "image-setuid-files": {
    pass: () => "No setuid/setgid binaries found",
    fail: (f) =>
      `${f.length} setuid/setgid file${f.length === 1 ? "" : "s"} found (${shortList(f)})`,
  },
  "image-no-package-manager": {
    pass: () => "No package manager found (apt, dpkg, apk, rpm, pip, ...)",
    fail: (f) => `Package manager present (${shortList(f)})`,
  },
  "image-base-labels": {
    pass: (m) =>
      `Base image pinned by digest (${m.config.labels[BASE_DIGEST_LABEL].slice(0, 19)}…)`,
    fail: () => "Base image not named by digest in the OCI base labels",
  },
  "image-no-shell": {
    pass: () => "No shell access (/bin/sh and other shells absent)",
    fail: (f) => `Shell present (${shortList(f)})`,
  },
  "image-credential-files": {
    pass: () => "No credential files in any layer",
    fail: (f) => `Credential files in layers (${shortList(f)})`,
  },
  "image-shell-form-without-shell": {
    pass: () => "No shell-form command that needs a missing shell",
    fail: (f) => `Shell-form command without a shell (${shortList(f)})`,
  },
  "image-secret-env": {
    pass: () => "No secret-looking ENV values",
    fail: (f) => `Secret-looking ENV values (${shortList(f)})`,
  },
  "image-secret-history": {
    pass: () => "No secrets in the build history",
    fail: (f) => `Secrets in the build history (${shortList(f)})`,
  },
  "image-system-volumes": {
    pass: () => "No volumes on /dev, /proc or /sys",
    fail: (f) => `Volumes on kernel paths (${shortList(f)})`,
  },
  "image-privileged-port": {
    pass: () => "No privileged port exposed by a non-root image",
    fail: (f) => `Privileged ports exposed (${shortList(f)})`,
  },
  "image-unneeded-files": {
    pass: () => "No build leftovers (.git, Dockerfile)",
    fail: (f) => `Build leftovers (${shortList(f)})`,
  },
};

/**
 * The SECURITY CHECKS lines: one per static image rule but the budgets, in catalog order, from
 * the findings of that very run.
 */
export function checkLines(model: ImageModel, findings: readonly Finding[]): CheckLine[] {
  return STATIC_IMAGE_RULES.filter((r) => !BUDGET_RULES.includes(r.id)).map((rule) => {
    const own = findings.filter((f) => f.ruleId === rule.id);
    const wording = WORDING[rule.id];
    if (own.length === 0) {
      return { status: "PASS", text: wording?.pass(model) ?? getRule(rule.id).title };
    }
    return {
      status: own.some((f) => f.severity === "error") ? "FAIL" : "WARN",
      text:
        wording?.fail(own) ??
        `${getRule(rule.id).title}: ${own.length} finding${own.length === 1 ? "" : "s"}`,
    };
  });
}
