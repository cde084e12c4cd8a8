import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "fs";
import { tmpdir } from "os";
import { join, resolve } from "path";
import { parse, stringify } from "yaml";
import { InputError } from "../../shared/input-error";
import { ProgramEntry, findProgramEntry } from "../program-entry";

/**
 * A throwaway place to run a program under the real engine: a file backend (`pulumi login
 * file://…`) and a workspace folder holding a copy of the program's project file
 * and stack settings, so that nothing is written into the program's own folder. The same workspace
 * serves several operations on one stack (`up`, then `destroy`).
 */
export interface EngineWorkspace {
  /** The program. */
  readonly program: ProgramEntry;
  /** The stack name. */
  readonly stack: string;
  /** The file backend's folder. */
  readonly backendDir: string;
  /** The workspace folder the CLI runs in. */
  readonly workDir: string;
  /** Removes every folder the workspace created. */
  dispose(): void;
}

/** How to lay out an engine workspace. */
export interface EngineWorkspaceOptions {
  /**
   * The stack name.
   * @default "dev"
   */
  readonly stack?: string;
  /**
   * The stack settings file to use.
   * @default `<program-dir>/Pulumi.<stack>.yaml` when it exists, else none
   */
  readonly stackConfigFile?: string;
}

/**
 * The project file as the workspace holds it: the program's Pulumi.yaml without `main`, since the
 * program is served from its own folder.
 */
function workspaceProjectFile(projectFile: string): string {
  let project: unknown;
  try {
    project = parse(readFileSync(projectFile, "utf8"));
  } catch (error) {
    throw new InputError(`cannot read ${projectFile}: ${(error as Error).message.split("\n")[0]}`);
  }
  const copy: Record<string, unknown> = { ...(project as Record<string, unknown>) };
  delete copy.main;
  return stringify(copy);
}

/** Creates an engine workspace for the program in `programDir`. */
export function createEngineWorkspace(
  programDir: string,
  options: EngineWorkspaceOptions = {},
): EngineWorkspace {
  const program = findProgramEntry(programDir);
  const stack = options.stack ?? "dev";
  const root = mkdtempSync(join(tmpdir(), "hardened-engine-"));
  const workspace: EngineWorkspace = {
    program,
    stack,
    backendDir: join(root, "backend"),
    workDir: join(root, "project"),
    dispose: () => rmSync(root, { recursive: true, force: true }),
  };
  for (const dir of [workspace.backendDir, workspace.workDir]) {
    mkdirSync(dir);
  }
  writeFileSync(
    join(workspace.workDir, "Pulumi.yaml"),
    workspaceProjectFile(join(program.dir, "Pulumi.yaml")),
  );
  const stackFile = options.stackConfigFile
    ? resolve(options.stackConfigFile)
    : join(program.dir, `Pulumi.${stack}.yaml`);
  if (options.stackConfigFile && !existsSync(stackFile)) {
    throw new InputError(`stack config ${options.stackConfigFile} does not exist`);
  }
  if (existsSync(stackFile)) {
    copyFileSync(stackFile, join(workspace.workDir, `Pulumi.${stack}.yaml`));
  }
  return workspace;
}
