import { DockerfileModel, ImageSource } from "./model";

/** One image a Dockerfile pulls, where it is written, for checks and for in-place rewriting. */
export interface DockerfileImageReference {
  /** The reference after build-variable expansion. */
  readonly reference: string;
  /** The reference exactly as written in the file. */
  readonly written: string;
  /** One-based line of the instruction. */
  readonly line: number;
  /** Offset of `written` in the file text. */
  readonly start: number;
  /** Offset just past `written` in the file text. */
  readonly end: number;
  /** The label of the stage that uses it, e.g. `stage[1](runtime)`. */
  readonly stage: string;
  /** The instruction that uses it. */
  readonly instruction: "FROM" | "COPY" | "RUN";
}

/**
 * Every external image the Dockerfile references, in file order: FROM of an image (not of a stage
 * or scratch), `COPY --from=<image>` and `RUN --mount=...,from=<image>`. Offsets point at the
 * written text, so `text.slice(start, end) === written` and a tool can replace it in place.
 */
export function imageReferences(model: DockerfileModel): DockerfileImageReference[] {
  const out: DockerfileImageReference[] = [];
  for (const stage of model.stages) {
    for (const instruction of stage.instructions) {
      const sources: ImageSource[] = [
        ...(instruction.source !== undefined ? [instruction.source] : []),
        ...instruction.mountSources,
      ];
      for (const source of sources) {
        if (source.kind === "image") {
          out.push({
            reference: source.reference,
            written: source.written,
            line: instruction.line,
            start: source.start,
            end: source.end,
            stage: stage.label,
            instruction:
              instruction.keyword === "FROM"
                ? "FROM"
                : instruction.keyword === "RUN"
                  ? "RUN"
                  : "COPY",
          });
        }
      }
    }
  }
  return out;
}
