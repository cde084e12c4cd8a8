import { mkdirSync } from "fs";
import { DEMO_OUTPUT } from "./preview-step";
import { DEMO_STEPS } from "./steps";
import { StepOutcome } from "./step";

async function main(): Promise<void> {
  mkdirSync(DEMO_OUTPUT, { recursive: true });
  const outcomes: { title: string; outcome: StepOutcome }[] = [];
  for (const [index, step] of DEMO_STEPS.entries()) {
    process.stdout.write(`\n== ${index + 1}/${DEMO_STEPS.length} ${step.title}\n\n`);
    outcomes.push({ title: step.title, outcome: await step.run() });
  }
  process.stdout.write("\n== Summary\n");
  for (const { title, outcome } of outcomes) {
    process.stdout.write(
      `  ${outcome.status.toUpperCase().padEnd(19)} ${title}: ${outcome.detail}\n`,
    );
  }
  process.exitCode = outcomes.some((o) => o.outcome.status === "failed") ? 1 : 0;
}

void main();
