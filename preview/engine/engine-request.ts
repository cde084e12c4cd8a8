/** A Pulumi operation the real engine can run on a program. */
export type EngineOperation = "preview" | "up" | "destroy";

/**
 * What the engine host process is asked to do: one operation on one program's stack, in a
 * workspace folder that holds the project file and stack settings, against a file backend.
 */
export interface EngineRequest {
  /** The operation. */
  readonly operation: EngineOperation;
  /** The program's folder (holding Pulumi.yaml), absolute. The program runs with it as cwd. */
  readonly programDir: string;
  /** The file to load: the program's entry point, absolute. */
  readonly entry: string;
  /** The workspace folder the CLI runs in (its Pulumi.yaml and Pulumi.<stack>.yaml), absolute. */
  readonly workDir: string;
  /** The project name. */
  readonly project: string;
  /** The stack name. */
  readonly stack: string;
  /** Policy pack folders, for `--policy-pack`. */
  readonly policyPacks: readonly string[];
  /** Policy config files, for `--policy-pack-config`, one per pack in the same order. */
  readonly policyPackConfigs: readonly string[];
  /** Extra stack config, `project:key` → value and whether it is secret. */
  readonly config: Readonly<Record<string, { readonly value: string; readonly secret: boolean }>>;
  /** Environment variables for the CLI (backend, passphrase, PATH with the engine's plugins). */
  readonly env: Readonly<Record<string, string>>;
  /** Where the host writes its `EngineHostResult` as JSON. */
  readonly resultFile: string;
}

/** What the engine host reports besides the CLI's own output, which it streams. */
export interface EngineHostResult {
  /** The CLI's exit code (0 when the operation succeeded). */
  readonly exitCode: number;
  /** Stack outputs after `up`, as plain values (secrets as `[secret]`). */
  readonly outputs?: Readonly<Record<string, unknown>>;
  /** Resource changes the engine summarised (e.g. `{ "create": 3 }`). */
  readonly changes?: Readonly<Record<string, number>>;
  /** Why the host itself failed, when it did (the program could not be loaded, say). */
  readonly error?: string;
}
