import { HARDENED_PROFILES } from "../../profile";
import { finalInstructions } from "../support/ancestry";
import { DockerfileRule, violationAt } from "../dockerfile-rule";
import { DockerfileInstruction } from "../model";
import { ShellCommand } from "../support/shell";

/** A package manager whose install leaves a cache behind, and the ways to not keep it. */
interface CacheKeeper {
  /** Programs of the manager. */
  readonly programs: readonly string[];
  /** True when `command` installs packages with it. */
  readonly installs: (command: ShellCommand) => boolean;
  /** True when `command` cleans its cache. */
  readonly cleans: (command: ShellCommand) => boolean;
  /** Cache directories: removing one or mounting a cache or tmpfs over it also counts. */
  readonly dirs: readonly string[];
  /** What to run to clean it, for messages. */
  readonly clean: string;
}

const RPM_PROGRAMS = ["yum", "dnf", "microdnf", "tdnf"];

const YARN_VERBS = ["install", "add"];

const KEEPERS: readonly CacheKeeper[] = [
  {
    programs: RPM_PROGRAMS,
    installs: (c) => RPM_PROGRAMS.includes(c.program) && c.install !== undefined,
    cleans: (c) => RPM_PROGRAMS.includes(c.program) && c.args.includes("clean"),
    dirs: ["/var/cache/yum", "/var/cache/dnf", "/var/cache/libdnf5", "/var/cache/tdnf"],
    clean: "<yum|dnf> clean all",
  },
  {
    programs: ["zypper"],
    installs: (c) => c.program === "zypper" && c.install !== undefined,
    cleans: (c) => c.program === "zypper" && c.args.some((a) => ["clean", "cc"].includes(a)),
    dirs: ["/var/cache/zypp"],
    clean: "zypper clean --all",
  },
  {
    programs: ["yarn"],
    installs: (c) => {
      const verbs = c.args.filter((a) => !a.startsWith("-"));
      return (
        c.program === "yarn" &&
        (verbs.length === 0 ||
          YARN_VERBS.includes(verbs[0]) ||
          (verbs[0] === "global" && verbs[1] === "add"))
      );
    },
    cleans: (c) => c.program === "yarn" && c.args[0] === "cache" && c.args[1] === "clean",
    dirs: [
      "/usr/local/share/.cache/yarn",
      "/root/.cache/yarn",
      "~/.cache/yarn",
      "$HOME/.cache/yarn",
    ],
    clean: "yarn cache clean",
  },
];

/** True when the RUN removes one of `dirs`, or mounts a cache or tmpfs over one. */
function dropsCache(instruction: DockerfileInstruction, dirs: readonly string[]): boolean {
  const under = (path: string) => dirs.some((d) => path.replace(/\/+$/, "").startsWith(d));
  return (
    instruction.commands.some((c) => c.program === "rm" && c.args.some(under)) ||
    instruction.flags.some(
      (f) =>
        f.name === "mount" &&
        f.options.some((o) => o.name === "type" && ["cache", "tmpfs"].includes(o.value ?? "")) &&
        f.options.some(
          (o) => ["target", "dst", "destination"].includes(o.name) && under(o.value ?? ""),
        ),
    )
  );
}

/** yum, dnf, zypper and yarn installs in the final stage do not keep their caches. */
export const dockerfilePackageCacheCleanup: DockerfileRule = {
  id: "dockerfile-package-cache-cleanup",
  title: "yum, dnf, zypper and yarn installs in the final stage must clean their cache",
  description:
    "These package managers keep downloaded packages and metadata (/var/cache/yum, /var/cache/dnf, /var/cache/zypp, the yarn cache) in the layer, where they add size and go stale. The clean must be in the same RUN as the install, since a later RUN cannot shrink an earlier layer. apt and apk have their own rules.",
  severity: "warning",
  profiles: HARDENED_PROFILES,
  target: "dockerfile",
  references: { hadolint: ["DL3032", "DL3040", "DL3036", "DL3060"] },
  remediation:
    "End the same RUN with yum clean all, dnf clean all, zypper clean --all or yarn cache clean, or use RUN --mount=type=cache,target=<cache directory>.",
  check: (model) =>
    finalInstructions(model)
      .filter((i) => i.keyword === "RUN")
      .flatMap((i) =>
        KEEPERS.filter(
          (k) =>
            i.commands.some(k.installs) && !i.commands.some(k.cleans) && !dropsCache(i, k.dirs),
        ).map((k) => {
          const install = i.commands.find(k.installs);
          return violationAt(
            model,
            i,
            `${install?.program} installs packages and leaves its cache in the final stage; expected ${k.clean} in the same RUN`,
          );
        }),
      ),
};
