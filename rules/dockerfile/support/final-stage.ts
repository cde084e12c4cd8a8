import { finalInstructions } from "./ancestry";
import { DockerfileInstruction, DockerfileModel } from "../model";

/** The last instruction with `keyword` in the final stage's chain: the one in effect at run time. */
export function lastInChain(
  model: DockerfileModel,
  keyword: string,
): DockerfileInstruction | undefined {
  return finalInstructions(model)
    .filter((i) => i.keyword === keyword)
    .pop();
}

/** The user a USER instruction sets, split and judged. */
export interface UserSpec {
  /** The expanded `user[:group]` text. */
  readonly value: string;
  /** The part before `:`. */
  readonly user: string;
  /** True for `root`, `0` or `0:*`, `root:*`. */
  readonly root: boolean;
  /** True for `UID` or `UID:GID` in digits. */
  readonly numeric: boolean;
  /** Variables without a value in the USER text: then the user is only known at build time. */
  readonly unresolved: readonly string[];
}

/** Reads a USER instruction. */
export function userSpec(instruction: DockerfileInstruction): UserSpec {
  const value = instruction.expanded.trim();
  const user = value.split(":")[0];
  return {
    value,
    user,
    root: user === "root" || /^0+$/.test(user),
    numeric: /^\d+(:\d+)?$/.test(value),
    unresolved: instruction.unresolved,
  };
}

/** The effective user of the final stage when it is known and not root. */
export function nonRootFinalUser(model: DockerfileModel): UserSpec | undefined {
  const instruction = lastInChain(model, "USER");
  if (instruction === undefined) {
    return undefined;
  }
  const spec = userSpec(instruction);
  return spec.unresolved.length === 0 && !spec.root ? spec : undefined;
}
