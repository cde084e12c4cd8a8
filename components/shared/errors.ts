/**
 * An argument of a component or helper is malformed: the message names the component, the
 * argument, what was given and what is allowed. Each component's own argument error extends it,
 * so both take `(owner, arg, problem)` in the order the message reads.
 */
export class ComponentArgsError extends Error {
  constructor(
    /** The component or helper that received the argument, e.g. `HardenedImage "api"`. */
    public readonly owner: string,
    /** The argument's path, e.g. `args.writablePaths[1]`. */
    public readonly arg: string,
    /** What was given and what is allowed. */
    problem: string,
  ) {
    super(`${owner}: ${arg}: ${problem}`);
    this.name = "ComponentArgsError";
  }
}
