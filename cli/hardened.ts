#!/usr/bin/env node
import { CommanderError } from "commander";
import { EXIT_USAGE } from "./exit-code";
import { InputError } from "../shared/input-error";
import { buildProgram } from "./program";
import { escapeControl } from "./terminal-text";

/** Set to 1 to print the stack trace of an unexpected error. */
const DEBUG_ENV = "HARDENED_DEBUG";

/** Ends the process with one line on stderr and exit 2: never a stack trace (unless asked). */
function fail(error: unknown): void {
  const err = error instanceof Error ? error : new Error(String(error));
  const expected = err instanceof InputError;
  const message = escapeControl(err.message);
  process.stderr.write(
    expected
      ? `hardened: ${message}\n`
      : `hardened: internal error: ${message} (set ${DEBUG_ENV}=1 for the stack trace)\n`,
  );
  if (!expected && process.env[DEBUG_ENV] === "1") {
    process.stderr.write(`${err.stack ?? ""}\n`);
  }
  process.exitCode = EXIT_USAGE;
}

function quietOnClosedPipe(stream: NodeJS.WriteStream): void {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") {
      process.exit(process.exitCode ?? 0);
    }
    fail(error);
    process.exit(EXIT_USAGE);
  });
}

async function main(): Promise<void> {
  quietOnClosedPipe(process.stdout);
  process.on("uncaughtException", (error) => {
    fail(error);
    process.exit(EXIT_USAGE);
  });
  process.on("unhandledRejection", (error) => {
    fail(error);
    process.exit(EXIT_USAGE);
  });
  try {
    await buildProgram().parseAsync(process.argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      process.exitCode = error.exitCode === 0 ? 0 : EXIT_USAGE;
    } else {
      fail(error);
    }
  }
}

void main();
