import { join } from "path";

const SOURCE = /^# Source: (\S.*?)\s*$/m;

/** One template's share of `helm template` output. */
export interface HelmSourceText {
  /** The template's path, resolved against the chart directory. */
  readonly file: string;
  /** Its rendered documents, in output order. */
  readonly text: string;
}

/**
 * Splits `helm template` output by the `# Source: <chart>/templates/x.yaml` comment that heads each
 * document, so a finding names the template it came from: the first segment (the chart's name)
 * is replaced by `chartDir`. Documents without the comment are attributed to `chartDir` itself.
 */
export function splitHelmOutput(output: string, chartDir: string): HelmSourceText[] {
  const bySource = new Map<string, string[]>();
  for (const doc of output.split(/^---[ \t]*$/m)) {
    if (doc.trim() === "") {
      continue;
    }
    const source = SOURCE.exec(doc)?.[1];
    const file = source ? join(chartDir, ...source.split("/").slice(1)) : chartDir;
    bySource.set(file, [...(bySource.get(file) ?? []), doc]);
  }
  return [...bySource].map(([file, docs]) => ({
    file,
    text: docs.map((d) => `---${d.startsWith("\n") ? "" : "\n"}${d}`).join("\n"),
  }));
}
