import { DockerfileInstruction, DockerfileModel, DockerfileStage, ImageSource } from "../model";

/** The parts of a model its stage ancestry is computed from. */
export type StageGraph = Pick<DockerfileModel, "globalArgs" | "stages" | "target">;

/** The lists every rule asks for, computed once per model by `parseDockerfile`. */
export interface StageAncestry {
  /** See {@link finalChain}. */
  readonly finalChain: readonly DockerfileStage[];
  /** See {@link finalInstructions}. */
  readonly finalInstructions: readonly DockerfileInstruction[];
  /** See {@link builtInstructions}. */
  readonly builtInstructions: readonly DockerfileInstruction[];
}

/** Appends the instructions of `stages` to `into`, in order, and returns it. */
function concatInstructions(
  into: DockerfileInstruction[],
  stages: readonly DockerfileStage[],
): DockerfileInstruction[] {
  for (const stage of stages) {
    for (const instruction of stage.instructions) {
      into.push(instruction);
    }
  }
  return into;
}

/** Computes the {@link StageAncestry} of a model's stages. */
export function stageAncestry(graph: StageGraph): StageAncestry {
  const chain = stageChain(graph, graph.target);
  return {
    finalChain: chain,
    finalInstructions: concatInstructions([], chain),
    builtInstructions: concatInstructions([...graph.globalArgs], builtStages(graph)),
  };
}

/**
 * The stages `index` is built on, through `FROM <stage>`, from the root stage (the one that starts
 * from an image or scratch) to `index` itself.
 */
export function stageChain(model: StageGraph, index: number): DockerfileStage[] {
  const chain: DockerfileStage[] = [];
  for (let i: number | undefined = index; i !== undefined;) {
    const stage: DockerfileStage = model.stages[i];
    chain.push(stage);
    i = stage.base.kind === "stage" ? stage.base.stage : undefined;
  }
  return chain.reverse();
}

/** The final stage (the target) and the stages it is built on, root first. */
export function finalChain(model: DockerfileModel): readonly DockerfileStage[] {
  return model.finalChain;
}

/** The instructions of the final stage's chain, root stage first, FROMs included. */
export function finalInstructions(model: DockerfileModel): readonly DockerfileInstruction[] {
  return model.finalInstructions;
}

/** What the root of `index`'s chain starts from: an image or scratch. */
export function rootBase(model: DockerfileModel, index: number): ImageSource {
  return stageChain(model, index)[0].base;
}

/**
 * The stages a build of the target actually runs: the target, its chain, and every stage they
 * copy or mount from, transitively. Stages outside this set are skipped by BuildKit.
 */
export function builtStages(model: StageGraph): DockerfileStage[] {
  const seen = new Set<number>([model.target]);
  const pending = [model.target];
  const reach = (index: number): void => {
    if (!seen.has(index)) {
      seen.add(index);
      pending.push(index);
    }
  };
  while (pending.length > 0) {
    const stage = model.stages[pending.pop() as number];
    if (stage.base.kind === "stage") {
      reach(stage.base.stage);
    }
    for (const instruction of stage.instructions) {
      if (instruction.source?.kind === "stage") {
        reach(instruction.source.stage);
      }
      for (const source of instruction.mountSources) {
        if (source.kind === "stage") {
          reach(source.stage);
        }
      }
    }
  }
  return model.stages.filter((s) => seen.has(s.index));
}

/** The global ARGs and the instructions of every built stage, in file order. */
export function builtInstructions(model: DockerfileModel): readonly DockerfileInstruction[] {
  return model.builtInstructions;
}
