import { Dirent, Stats, readFileSync, readdirSync, realpathSync, statSync } from "fs";
import { extname, join, resolve, sep } from "path";
import { InputError } from "../shared/input-error";
import { kustomizationReferences } from "./kustomization-references";
import { SkippedInput } from "./skipped-input";

/** A file's text, named as the user named it (`-` for standard input). */
export interface InputFile {
  readonly file: string;
  readonly text: string;
  /**
   * True when the user named the file (or standard input): a document in it that is not a
   * Kubernetes object is an error. False for files found by walking a directory, whose other
   * documents are skipped.
   * @default true
   */
  readonly explicit?: boolean;
  /** The command that rendered the text, for chart and kustomization output. */
  readonly renderedBy?: string;
}

/** A Helm chart or a kustomization found while walking, rendered before it is checked. */
export interface RenderSource {
  /** `helm` for a directory with `Chart.yaml`, `kustomize` for one with a kustomization file. */
  readonly renderer: "helm" | "kustomize";
  /** The chart or kustomization directory. */
  readonly dir: string;
  /** Its files that are not checked on their own: chart templates, kustomization resources. */
  readonly files: readonly string[];
}

/** Everything the paths on the command line lead to. */
export interface InputScan {
  /** Files read, in walk order. */
  readonly files: readonly InputFile[];
  /** Charts and kustomizations to render. */
  readonly sources: readonly RenderSource[];
  /** Files and directories seen and not read, with the reason. */
  readonly skipped: readonly SkippedInput[];
}

/** The file names that make a directory a kustomization, as `kustomize build` looks for them. */
export const KUSTOMIZATION_FILES: readonly string[] = [
  "kustomization.yaml",
  "kustomization.yml",
  "Kustomization",
];

/** The folders of a Helm chart that hold what `helm template` renders. */
const CHART_RENDERED_DIRS: readonly string[] = ["templates", "charts"];

function code(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? String(error);
}

function specialKind(stats: Stats | Dirent): string {
  if (stats.isFIFO()) return "FIFO";
  if (stats.isSocket()) return "socket";
  if (stats.isCharacterDevice()) return "character device";
  if (stats.isBlockDevice()) return "block device";
  return "special file";
}

class Walker {
  readonly files: InputFile[] = [];
  readonly sources: RenderSource[] = [];
  readonly skipped: SkippedInput[] = [];
  private readonly visited = new Map<string, string>();
  /** Files a kustomization names in its subdirectories, by resolved path: its files list. */
  private readonly owned = new Map<string, string[]>();

  constructor(private readonly extensions: readonly string[]) {}

  /** A path named on the command line: a directory is walked, anything else is read. */
  named(path: string): void {
    let stats: Stats;
    try {
      stats = statSync(path);
    } catch (error) {
      throw new InputError(`cannot read ${path}: ${code(error)}`);
    }
    if (stats.isDirectory()) {
      this.directory(path);
      return;
    }
    try {
      this.files.push({ file: path, text: readFileSync(path, "utf8"), explicit: true });
    } catch (error) {
      throw new InputError(`cannot read ${path}: ${code(error)}`);
    }
  }

  private skip(file: string, reason: SkippedInput["reason"], detail: string): void {
    this.skipped.push({ file, document: null, reason, detail });
  }

  private directory(dir: string): void {
    let real: string;
    let entries: Dirent[];
    try {
      real = realpathSync(dir);
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      this.skip(dir, "unreadable", `cannot read the directory: ${code(error)}`);
      return;
    }
    const first = this.visited.get(real);
    if (first !== undefined) {
      this.skip(dir, "already-scanned", `the same directory as ${first}`);
      return;
    }
    this.visited.set(real, dir);
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const names = new Set(entries.map((e) => e.name));
    const renderer = names.has("Chart.yaml")
      ? "helm"
      : KUSTOMIZATION_FILES.some((name) => names.has(name))
        ? "kustomize"
        : undefined;
    const source: { renderer: RenderSource["renderer"]; dir: string; files: string[] } | undefined =
      renderer ? { renderer, dir, files: [] } : undefined;
    if (source) {
      this.sources.push(source);
      if (source.renderer === "kustomize") {
        this.ownReferences(dir, entries, source.files);
      }
    }
    for (const entry of entries) {
      const path = join(dir, entry.name);
      const stats = this.target(path, entry);
      if (stats === undefined) {
        continue;
      }
      if (
        source?.renderer === "helm" &&
        CHART_RENDERED_DIRS.includes(entry.name) &&
        stats.isDirectory()
      ) {
        this.listAll(path, source.files);
      } else {
        this.entry(
          path,
          entry.name,
          stats,
          source?.renderer === "kustomize" ? source.files : undefined,
        );
      }
    }
  }

  /**
   * Records the files in subdirectories that the kustomization in `dir` names (resources,
   * patches, generator files), so they are rendered with it rather than checked as fragments.
   */
  private ownReferences(dir: string, entries: readonly Dirent[], files: string[]): void {
    const name = KUSTOMIZATION_FILES.find((n) => entries.some((e) => e.name === n));
    let text: string;
    try {
      text = readFileSync(join(dir, name ?? KUSTOMIZATION_FILES[0]), "utf8");
    } catch {
      return;
    }
    const root = resolve(dir);
    for (const reference of kustomizationReferences(text)) {
      const path = resolve(root, reference);
      if (path.startsWith(root + sep)) {
        this.owned.set(path, files);
      }
    }
  }

  /** Follows a symbolic link; undefined (and a skipped entry) when it leads nowhere. */
  private target(path: string, entry: Dirent): Stats | Dirent | undefined {
    if (!entry.isSymbolicLink()) {
      return entry;
    }
    try {
      return statSync(path);
    } catch (error) {
      const reason = code(error);
      if (reason === "ENOENT" || reason === "ELOOP" || reason === "ENOTDIR") {
        this.skip(path, "broken-symlink", `the link's target cannot be reached: ${reason}`);
      } else {
        this.skip(path, "unreadable", `cannot follow the link: ${reason}`);
      }
      return undefined;
    }
  }

  private entry(path: string, name: string, stats: Stats | Dirent, owned?: string[]): void {
    if (stats.isDirectory()) {
      if (name === "node_modules") {
        this.skip(path, "dependency-directory", "node_modules holds installed dependencies");
      } else if (name.startsWith(".")) {
        this.skip(
          path,
          "hidden-directory",
          "hidden directories are not walked; name it to check it",
        );
      } else {
        this.directory(path);
      }
      return;
    }
    if (!stats.isFile()) {
      this.skip(path, "special-file", `a ${specialKind(stats)} is not read while walking`);
      return;
    }
    const yaml = this.extensions.includes(extname(name).toLowerCase());
    if (owned && (yaml || KUSTOMIZATION_FILES.includes(name))) {
      owned.push(path);
      return;
    }
    const referenced = this.owned.get(resolve(path));
    if (referenced) {
      referenced.push(path);
      return;
    }
    if (!yaml) {
      this.skip(path, "not-yaml", `not a ${this.extensions.join(", ")} file`);
      return;
    }
    try {
      this.files.push({ file: path, text: readFileSync(path, "utf8"), explicit: false });
    } catch (error) {
      this.skip(path, "unreadable", `cannot read the file: ${code(error)}`);
    }
  }

  /** Lists every file under `dir` (a chart's templates or subcharts) into `out`. */
  private listAll(dir: string, out: string[]): void {
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      this.skip(dir, "unreadable", `cannot read the directory: ${code(error)}`);
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        this.listAll(path, out);
      } else {
        out.push(path);
      }
    }
  }
}

/**
 * Reads the inputs named on the command line. A named file is read as given (an `InputError` when
 * it cannot be); `-` is standard input (an `InputError` when it holds nothing). A directory is
 * walked recursively and symbolic links are followed, each directory once: files with one of
 * `extensions` are read; Helm charts (`Chart.yaml`) and kustomizations are returned as sources to
 * render; everything else (other files, hidden directories, node_modules, FIFOs and devices,
 * unreadable entries, broken links) is listed as skipped with the reason.
 */
export function scanInputs(
  paths: readonly string[],
  extensions: readonly string[],
  stdin: () => string,
): InputScan {
  const walker = new Walker(extensions);
  for (const path of paths) {
    if (path === "-") {
      walker.files.push({ file: "-", text: stdin(), explicit: true });
    } else {
      walker.named(path);
    }
  }
  return { files: walker.files, sources: walker.sources, skipped: walker.skipped };
}
