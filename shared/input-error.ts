/**
 * Bad input the user can fix: an unreadable file, a malformed document, a wrong flag value.
 * The CLI prints `hardened: <message>` and exits with `EXIT_USAGE`, without a stack trace.
 */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InputError";
  }
}
