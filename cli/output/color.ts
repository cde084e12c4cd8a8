const SGR: Readonly<Record<string, string>> = {
  error: "31",
  warning: "33",
  note: "36",
  exempt: "2",
};

/**
 * Whether text output is coloured: only on a terminal, and never when `NO_COLOR` is set to any
 * non-empty value (https://no-color.org) or `--no-color` was given (`flag` false).
 */
export function useColor(isTTY: boolean, env: NodeJS.ProcessEnv, flag: boolean): boolean {
  return isTTY && flag && (env.NO_COLOR ?? "") === "";
}

/**
 * `text` (already escaped, one finding line per `  <severity> <rule>` line) with each finding's
 * severity mark coloured by an SGR sequence: error red, warning yellow, note cyan, exempt dim.
 */
export function paintSeverities(text: string): string {
  return text.replace(
    /^ {2}(error|warning|note|exempt)( +)/gm,
    (_m, mark: string, pad: string) => `  \x1b[${SGR[mark]}m${mark}\x1b[0m${pad}`,
  );
}
