import { HardenedDeploymentArgs } from "./args";
import { HardenedArgsError } from "./errors";

const DNS_SUBDOMAIN =
  /^(?=.{1,253}$)[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** The annotation prefix of exemptions, which only `args.exemptions` may write. */
const EXEMPTION_PREFIX = "hardened.dev/";

/**
 * Checks the plain scheduling arguments: `imagePullSecrets` are Secret names,
 * `priorityClassName` is a name, `terminationGracePeriodSeconds` a non-negative integer.
 */
export function checkPodScheduling(args: HardenedDeploymentArgs, owner: string): void {
  (args.imagePullSecrets ?? []).forEach((name, i) => {
    if (typeof name !== "string" || !DNS_SUBDOMAIN.test(name)) {
      throw new HardenedArgsError(
        owner,
        `args.imagePullSecrets[${i}]`,
        `${JSON.stringify(name)} is not a Secret name; expected lower-case letters, digits, "-" and "."`,
      );
    }
  });
  const priority = args.priorityClassName;
  if (priority !== undefined && (typeof priority !== "string" || !DNS_SUBDOMAIN.test(priority))) {
    throw new HardenedArgsError(
      owner,
      "args.priorityClassName",
      `${JSON.stringify(priority)} is not a PriorityClass name; expected lower-case letters, digits, "-" and "."`,
    );
  }
  const grace = args.terminationGracePeriodSeconds;
  if (grace !== undefined && (typeof grace !== "number" || !Number.isInteger(grace) || grace < 0)) {
    throw new HardenedArgsError(
      owner,
      "args.terminationGracePeriodSeconds",
      `expected a non-negative integer number of seconds, got ${JSON.stringify(grace)}`,
    );
  }
}

/**
 * The pod template's labels (`labels`, the selector's, then `podLabels`, which may not change a
 * selector label) and annotations (`podAnnotations`, which may not write `hardened.dev/`
 * exemption annotations: those come from `args.exemptions`, checked like every other exemption).
 */
export function checkPodMetadata(
  args: HardenedDeploymentArgs,
  labels: Readonly<Record<string, string>>,
  owner: string,
): {
  readonly labels: Readonly<Record<string, string>>;
  readonly annotations?: Readonly<Record<string, string>>;
} {
  for (const key of Object.keys(args.podLabels ?? {})) {
    if (key in labels && args.podLabels?.[key] !== labels[key]) {
      throw new HardenedArgsError(
        owner,
        `args.podLabels["${key}"]`,
        `would change the label "${key}": "${labels[key]}" that selects the pods or is set by args.labels; choose another key`,
      );
    }
  }
  const annotations = args.podAnnotations ?? {};
  for (const key of Object.keys(annotations)) {
    if (key.startsWith(EXEMPTION_PREFIX)) {
      throw new HardenedArgsError(
        owner,
        `args.podAnnotations["${key}"]`,
        `${EXEMPTION_PREFIX} annotations are written from args.exemptions; declare exemptions there, each with a reason`,
      );
    }
  }
  return {
    labels: { ...args.podLabels, ...labels },
    ...(Object.keys(annotations).length === 0 ? {} : { annotations: { ...annotations } }),
  };
}
