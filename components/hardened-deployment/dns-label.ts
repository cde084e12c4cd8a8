import { HardenedArgsError } from "./errors";

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

/**
 * Checks that `value` is a DNS label (RFC 1123: at most 63 lower-case letters, digits and `-`,
 * starting and ending with a letter or digit), as Kubernetes requires of object, container and
 * volume names; throws naming `arg` otherwise.
 */
export function checkDnsLabel(value: unknown, arg: string, owner: string): string {
  if (typeof value !== "string" || !DNS_LABEL.test(value)) {
    throw new HardenedArgsError(
      owner,
      arg,
      `${JSON.stringify(value)} is not a DNS label; expected at most 63 lower-case letters, digits and "-", starting and ending with a letter or digit`,
    );
  }
  return value;
}
