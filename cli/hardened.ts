#!/usr/bin/env node
import { CommanderError } from "commander";
import { EXIT_USAGE } from "./exit-code";
import { InputError } from "./input-error";
import { buildProgram } from "./program";

async function main(): Promise<void> {
  try {
    await buildProgram().parseAsync(process.argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      process.exitCode = error.exitCode === 0 ? 0 : EXIT_USAGE;
    } else if (error instanceof InputError) {
      process.stderr.write(`hardened: ${error.message}\n`);
      process.exitCode = EXIT_USAGE;
    } else {
      throw error;
    }
  }
}

void main();
