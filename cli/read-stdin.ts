import { readFileSync } from "fs";
import { InputError } from "../shared/input-error";

/** Reads all of standard input; an `InputError` when it cannot be read. */
export function readStdin(): string {
  try {
    return readFileSync(0, "utf8");
  } catch (error) {
    throw new InputError(
      `cannot read standard input: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
    );
  }
}
