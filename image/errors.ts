/** An image could not be read: a malformed archive, a missing platform, an unsupported layer. */
export class ImageReadError extends Error {
  constructor(
    /** The image reference or archive path. */
    public readonly source: string,
    problem: string,
  ) {
    super(`${source}: ${problem}`);
    this.name = "ImageReadError";
  }
}
