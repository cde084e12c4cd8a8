/** How one demo step ended. */
export type StepStatus = "passed" | "blocked as expected" | "skipped" | "failed";

/** A step's result: its status and a one-line explanation. */
export interface StepOutcome {
  readonly status: StepStatus;
  readonly detail: string;
}

/** One step of the demo: a heading and the work. */
export interface DemoStep {
  readonly title: string;
  readonly run: () => Promise<StepOutcome>;
}
