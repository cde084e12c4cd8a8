import { DockerfileInstruction, DockerfileModel, DockerfileStage, ImageSource } from "./model";

const FINAL_CHAIN = new WeakMap<DockerfileModel, readonly DockerfileStage[]>();
const FINAL_INSTRUCTIONS = new WeakMap<DockerfileModel, readonly DockerfileInstruction[]>();
const BUILT_INSTRUCTIONS = new WeakMap<DockerfileModel, readonly DockerfileInstruction[]>();

/** `compute(model)`, computed once per model: every rule asks for the same lists. */
function cached<T>(
  cache: WeakMap<DockerfileModel, T>,
  model: DockerfileModel,
  compute: () => T,
): T {
  let value = cache.get(model);
  if (value === undefined) {
    value = compute();
    cache.set(model, value);
  }
  return value;
}

/**
 * The stages `index` is built on, through `FROM <stage>`, from the root stage (the one that starts
 * from an image or scratch) to `index` itself.
 */
export function stageChain(model: DockerfileModel, index: number): DockerfileStage[] {
  const chain: DockerfileStage[] = [];
  for (let i: number | undefined = index; i !== undefined;) {
    const stage: DockerfileStage = model.stages[i];
    chain.unshift(stage);
    i = stage.base.kind === "stage" ? stage.base.stage : undefined;
  }
  return chain;
}

/** The final stage (the target) and the stages it is built on, root first. */
export function finalChain(model: DockerfileModel): readonly DockerfileStage[] {
  return cached(FINAL_CHAIN, model, () => stageChain(model, model.target));
}

/** The instructions of the final stage's chain, root stage first, FROMs included. */
export function finalInstructions(model: DockerfileModel): readonly DockerfileInstruction[] {
  return cached(FINAL_INSTRUCTIONS, model, () => finalChain(model).flatMap((s) => s.instructions));
}

/** What the root of `index`'s chain starts from: an image or scratch. */
export function rootBase(model: DockerfileModel, index: number): ImageSource {
  return stageChain(model, index)[0].base;
}

/**
 * The stages a build of the target actually runs: the target, its chain, and every stage they
 * copy or mount from, transitively. Stages outside this set are skipped by BuildKit.
 */
export function builtStages(model: DockerfileModel): DockerfileStage[] {
  const seen = new Set<number>();
  const visit = (index: number): void => {
    if (seen.has(index)) {
      return;
    }
    seen.add(index);
    const stage = model.stages[index];
    if (stage.base.kind === "stage") {
      visit(stage.base.stage);
    }
    for (const instruction of stage.instructions) {
      if (instruction.source?.kind === "stage") {
        visit(instruction.source.stage);
      }
      for (const source of instruction.mountSources) {
        if (source.kind === "stage") {
          visit(source.stage);
        }
      }
    }
  };
  visit(model.target);
  return model.stages.filter((s) => seen.has(s.index));
}

/** The global ARGs and the instructions of every built stage, in file order. */
export function builtInstructions(model: DockerfileModel): readonly DockerfileInstruction[] {
  return cached(BUILT_INSTRUCTIONS, model, () => [
    ...model.globalArgs,
    ...builtStages(model).flatMap((s) => s.instructions),
  ]);
}
