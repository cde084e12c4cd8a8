import { ResourceValidationArgs, ResourceValidationPolicy } from "@pulumi/policy";
import { BUILDKIT_IMAGE_TYPES } from "../rules/docker-resource";
import { DockerfileRule } from "../rules/dockerfile/dockerfile-rule";
import { lintDockerfile } from "../rules/dockerfile/lint";
import { DockerfileSyntaxError } from "../rules/dockerfile/syntax-error";
import { applyExemptions } from "../rules/exemptions/exemption";
import { Finding } from "../rules/finding";
import { stringOf } from "../rules/read";
import { UnknownValueError } from "../rules/unknown";
import { exemptionsForResource } from "./exemptions";
import { policyMetadata } from "./policy-metadata";
import { configExemptionsOf, packRefusalOf, policySettings } from "./pack-section";
import { unknownsAsRuleErrors } from "./unknowns";

/** Dockerfile rules that need the build context, which a policy cannot read. */
const NEEDS_BUILD_CONTEXT: ReadonlySet<string> = new Set(["dockerfile-context-copy-dockerignore"]);

/** Marks a value that is not known yet. */
const NOT_KNOWN = Symbol("not known");

function read<T>(get: () => T): T | typeof NOT_KNOWN {
  try {
    return get();
  } catch (error) {
    if (error instanceof UnknownValueError) {
      return NOT_KNOWN;
    }
    throw error;
  }
}

/** The outcome of linting one resource's inline Dockerfile with one rule. */
export type InlineDockerfileResult =
  { readonly findings: Finding[] } | { readonly notApplicable: string };

/**
 * Lints the inline Dockerfile of a `dockerbuild.Image` (`dockerfile.inline`) with one Dockerfile
 * rule, honouring the policy's settings, `# hardened ignore` pragmas and configured exemptions.
 * Says why when it cannot: no inline Dockerfile, one that does not parse, or a rule that needs the
 * build context. An inline Dockerfile not known yet yields no findings.
 */
export function lintInlineDockerfile(
  rule: DockerfileRule,
  args: Pick<ResourceValidationArgs, "type" | "props" | "urn" | "name" | "getConfig">,
): InlineDockerfileResult {
  if (NEEDS_BUILD_CONTEXT.has(rule.id)) {
    return {
      notApplicable: "needs the build context's .dockerignore; run `hardened lint` on the context",
    };
  }
  const settings = policySettings(rule.id, args.getConfig());
  if (!rule.profiles.includes(settings.profile)) {
    return { findings: [] };
  }
  const props = unknownsAsRuleErrors(args.props) as Record<string, unknown>;
  const inline = read(() =>
    stringOf((props.dockerfile as Record<string, unknown> | undefined)?.inline),
  );
  if (inline === NOT_KNOWN) {
    return { findings: [] };
  }
  if (inline === undefined) {
    return {
      notApplicable: "reads inline Dockerfiles only; lint Dockerfile files with `hardened lint`",
    };
  }
  const target = read(() => stringOf(props.target));
  if (target === NOT_KNOWN) {
    return { findings: [] };
  }
  let findings: Finding[];
  try {
    findings = lintDockerfile(inline, {
      file: `${args.name}: dockerfile.inline`,
      profile: settings.profile,
      allowedRegistries: settings.options.allowedRegistries,
      rules: [rule],
      ...(target !== undefined ? { target } : {}),
      refusalOf: packRefusalOf(settings, null),
    });
  } catch (error) {
    if (error instanceof DockerfileSyntaxError) {
      return { notApplicable: `dockerfile.inline does not parse: ${error.message}` };
    }
    throw error;
  }
  const exemptions = exemptionsForResource(configExemptionsOf(settings), rule.id, {
    kind: args.type,
    name: args.name,
    urn: args.urn,
  });
  return { findings: applyExemptions(findings, exemptions) };
}

/**
 * The CrossGuard policy of one Dockerfile rule: it lints the inline Dockerfile of every
 * `dockerbuild.Image` (`docker-build:index:Image`) and every HardenedImage build step
 * (`pulumi-nodejs:dynamic/hardened:ImageBuild`).
 *
 * @param ruleIds every rule id in the catalog, for the config schema.
 */
export function dockerfilePolicy(
  rule: DockerfileRule,
  ruleIds: readonly string[],
): ResourceValidationPolicy {
  const validate: ResourceValidationPolicy["validateResource"] = (args, reportViolation) => {
    if (!BUILDKIT_IMAGE_TYPES.includes(args.type)) {
      args.notApplicable(`applies to ${BUILDKIT_IMAGE_TYPES.join(", ")} only`);
    }
    const result = lintInlineDockerfile(rule, args);
    if ("notApplicable" in result) {
      args.notApplicable(result.notApplicable);
      return;
    }
    for (const f of result.findings) {
      if (f.ruleId === rule.id && !f.exempted) {
        const refused = f.refusedExemption === undefined ? "" : ` [${f.refusedExemption}]`;
        reportViolation(`dockerfile.inline line ${f.line}, ${f.path}: ${f.message}${refused}`);
      }
    }
  };
  return { ...policyMetadata(rule, ruleIds), validateResource: validate };
}
