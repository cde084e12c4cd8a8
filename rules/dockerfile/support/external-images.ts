import { DockerfileInstruction, DockerfileModel, WrittenImage } from "../model";

/** An image a Dockerfile pulls, with the instruction that names it. */
export type ExternalImage = {
  readonly instruction: DockerfileInstruction;
  readonly image: WrittenImage;
};

/** Every image the file pulls (FROM and `--mount=from=`), with its instruction. */
export function externalImages(model: DockerfileModel): readonly ExternalImage[] {
  const found: ExternalImage[] = [];
  for (const stage of model.stages) {
    for (const instruction of stage.instructions) {
      if (instruction.source?.kind === "image") {
        found.push({ instruction, image: instruction.source });
      }
      for (const source of instruction.mountSources) {
        if (source.kind === "image") {
          found.push({ instruction, image: source });
        }
      }
    }
  }
  return found;
}

/** An image for messages: as written, followed by its expanded reference when they differ. */
export function describeImage(image: WrittenImage): string {
  return image.written === image.reference
    ? `"${image.reference}"`
    : `"${image.written}" (${image.reference})`;
}
