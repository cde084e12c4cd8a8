/**
 * Thrown for a Dockerfile that Docker itself would refuse to build: no FROM, an unknown
 * instruction, a bad flag, a FROM whose image is an undefined ARG. The message names the file and,
 * when the problem is on one line, the one-based line.
 */
export class DockerfileSyntaxError extends Error {
  constructor(
    /** The Dockerfile's name as given to the parser. */
    public readonly file: string,
    /** One-based line of the problem, or undefined when it is about the file as a whole. */
    public readonly line: number | undefined,
    problem: string,
  ) {
    super(`${file}${line === undefined ? "" : `:${line}`}: ${problem}`);
    this.name = "DockerfileSyntaxError";
  }
}
