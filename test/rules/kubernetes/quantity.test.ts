import { strict as assert } from "assert";
import {
  InvalidQuantityError,
  parseQuantity,
  positiveQuantityProblem,
} from "../../../rules/kubernetes/quantity";

describe("parseQuantity", () => {
  const valid: readonly [input: string | number, value: number][] = [
    ["0", 0],
    ["1", 1],
    ["500m", 0.5],
    ["100m", 0.1],
    ["1.5", 1.5],
    [".5", 0.5],
    ["5.", 5],
    ["+2", 2],
    ["-1", -1],
    ["64Mi", 64 * 2 ** 20],
    ["1Ki", 1024],
    ["1Gi", 2 ** 30],
    ["1.5Gi", 1.5 * 2 ** 30],
    ["2Ti", 2 * 2 ** 40],
    ["1Pi", 2 ** 50],
    ["1Ei", 2 ** 60],
    ["1k", 1000],
    ["1M", 1e6],
    ["1G", 1e9],
    ["1T", 1e12],
    ["1P", 1e15],
    ["1E", 1e18],
    ["250u", 250e-6],
    ["10n", 10e-9],
    ["1e3", 1000],
    ["1E3", 1000],
    ["12e-3", 0.012],
    ["1e+2", 100],
    [128, 128],
    [0.25, 0.25],
  ];
  for (const [input, value] of valid) {
    it(`${JSON.stringify(input)} is ${value}`, () => {
      assert.ok(Math.abs(parseQuantity(input) - value) <= Math.abs(value) * 1e-12);
    });
  }

  const invalid: readonly [input: unknown, reason: string][] = [
    ["", "does not start with a number"],
    ["Mi", "does not start with a number"],
    [" 1", "does not start with a number"],
    ["1 Gi", '" Gi" is not a quantity suffix'],
    ["64MB", '"MB" is not a quantity suffix'],
    ["1K", '"K" is not a quantity suffix'],
    ["1mi", '"mi" is not a quantity suffix'],
    ["1e", '"e" is not a quantity suffix'],
    ["1e3.5", '"e3.5" is not a quantity suffix'],
    ["1Gi ", '"Gi " is not a quantity suffix'],
    ["1..2", '".2" is not a quantity suffix'],
    [Number.NaN, "it is not a finite number"],
    [Number.POSITIVE_INFINITY, "it is not a finite number"],
    [true, "it is neither a string nor a number"],
  ];
  for (const [input, reason] of invalid) {
    it(`rejects ${JSON.stringify(input) ?? String(input)}: ${reason}`, () => {
      assert.throws(
        () => parseQuantity(input as string),
        (error: unknown) =>
          error instanceof InvalidQuantityError &&
          error.message.includes(reason) &&
          error.message.includes('expected a number with an optional suffix, like "500m"'),
      );
    });
  }
});

describe("positiveQuantityProblem", () => {
  const cases: readonly [input: unknown, problem: string | undefined][] = [
    ["64Mi", undefined],
    [1, undefined],
    ["0", '"0" is not greater than zero; expected a positive quantity'],
    ["-1Gi", '"-1Gi" is not greater than zero; expected a positive quantity'],
    [null, 'null is not a Kubernetes quantity; expected a string like "64Mi" or a number'],
  ];
  for (const [input, problem] of cases) {
    it(`${JSON.stringify(input)}: ${problem ?? "fine"}`, () => {
      assert.equal(positiveQuantityProblem(input), problem);
    });
  }

  it("passes on the parser's explanation", () => {
    assert.match(
      positiveQuantityProblem("64MB") ?? "",
      /^"64MB" is not a Kubernetes quantity: "MB"/,
    );
  });
});
