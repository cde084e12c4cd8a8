import { rootBase } from "../../rules/dockerfile/support/ancestry";
import { DockerfileModel } from "../../rules/dockerfile/model";
import { parseImageReference, repositoryName } from "../../rules/image-reference";

/** OCI annotation keys the component sets as image labels. */
export const OCI_LABELS = {
  source: "org.opencontainers.image.source",
  revision: "org.opencontainers.image.revision",
  created: "org.opencontainers.image.created",
  baseName: "org.opencontainers.image.base.name",
  baseDigest: "org.opencontainers.image.base.digest",
} as const;

/** Provenance labels the caller knows. */
export interface ImageLabelArgs {
  /**
   * URL of the source repository (`org.opencontainers.image.source`).
   * @default no label
   */
  readonly source?: string;
  /**
   * The source revision, e.g. the git commit (`org.opencontainers.image.revision`).
   * @default no label
   */
  readonly revision?: string;
  /**
   * Creation time, RFC 3339 (`org.opencontainers.image.created`). Not the wall clock by default:
   * a timestamp that changes on every run would change the Dockerfile and rebuild every time.
   * @default `SOURCE_DATE_EPOCH` as RFC 3339 when that variable is set, otherwise no label
   */
  readonly created?: string;
}

/**
 * The labels of the built image: the caller's provenance, plus the base name and digest of the
 * final stage's root image when it is pinned (none for scratch).
 */
export function ociLabels(
  model: DockerfileModel,
  args: ImageLabelArgs,
  env: NodeJS.ProcessEnv,
): Record<string, string> {
  const labels: Record<string, string> = {};
  if (args.source !== undefined) {
    labels[OCI_LABELS.source] = args.source;
  }
  if (args.revision !== undefined) {
    labels[OCI_LABELS.revision] = args.revision;
  }
  const epoch = env.SOURCE_DATE_EPOCH;
  const created =
    args.created ??
    (epoch !== undefined && /^\d+$/.test(epoch)
      ? new Date(Number(epoch) * 1000).toISOString()
      : undefined);
  if (created !== undefined) {
    labels[OCI_LABELS.created] = created;
  }
  const base = rootBase(model, model.target);
  if (base.kind === "image") {
    const ref = parseImageReference(base.reference);
    if (ref.digest !== undefined) {
      labels[OCI_LABELS.baseName] =
        `${repositoryName(ref)}${ref.tag !== undefined ? `:${ref.tag}` : ""}`;
      labels[OCI_LABELS.baseDigest] = ref.digest;
    }
  }
  return labels;
}

/**
 * `text` with one `LABEL` instruction holding `labels` inserted after the last instruction of the
 * target stage (so it lands in the image that is built, whatever stage that is).
 */
export function insertLabels(
  text: string,
  model: DockerfileModel,
  labels: Readonly<Record<string, string>>,
): string {
  const entries = Object.entries(labels);
  if (entries.length === 0) {
    return text;
  }
  const stage = model.stages[model.target];
  const lastLine = stage.instructions[stage.instructions.length - 1].endLine;
  const lines = text.split("\n");
  const label = `LABEL ${entries.map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(" \\\n      ")}`;
  lines.splice(lastLine, 0, label);
  return lines.join("\n");
}
