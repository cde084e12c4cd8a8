import { ContainerPortArgs } from "./args";
import { HardenedArgsError } from "./errors";

/** A declared port with its defaults filled in. */
export interface ResolvedPort {
  /** The IANA service name. */
  readonly name: string;
  /** The container port. */
  readonly port: number;
  /** The protocol. */
  readonly protocol: "TCP" | "UDP" | "SCTP";
  /** The Service port. */
  readonly servicePort: number;
}

const SERVICE_NAME = /^(?=.{1,15}$)(?=.*[a-z])[a-z0-9]+(-[a-z0-9]+)*$/;
const PROTOCOLS = ["TCP", "UDP", "SCTP"];

function checkPortNumber(value: unknown, arg: string, owner: string): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < 1 || value > 65535) {
    throw new HardenedArgsError(
      owner,
      arg,
      `expected an integer from 1 to 65535, got ${JSON.stringify(value)}`,
    );
  }
  return value;
}

/**
 * Resolves the declared ports and checks them: numbers in range, IANA names, known protocols, and
 * no two ports (or Service ports, or names) alike. The first TCP port is named `http` unless
 * `firstIsHttp` is false (a sidecar's ports).
 */
export function resolvePorts(
  ports: readonly ContainerPortArgs[] | undefined,
  arg: string,
  owner: string,
  firstIsHttp = true,
): ResolvedPort[] {
  const seen = new Map<string, string>();
  const claim = (key: string, at: string, what: string) => {
    const first = seen.get(key);
    if (first !== undefined) {
      throw new HardenedArgsError(owner, at, `${what} conflicts with ${first}`);
    }
    seen.set(key, at);
  };
  return (ports ?? []).map((p, i) => {
    const at = `${arg}[${i}]`;
    const port = checkPortNumber(p.port, `${at}.port`, owner);
    const servicePort = checkPortNumber(p.servicePort ?? port, `${at}.servicePort`, owner);
    const protocol = p.protocol ?? "TCP";
    if (!PROTOCOLS.includes(protocol)) {
      throw new HardenedArgsError(
        owner,
        `${at}.protocol`,
        `expected one of ${PROTOCOLS.join(", ")}, got ${JSON.stringify(protocol)}`,
      );
    }
    const name =
      p.name ??
      (firstIsHttp && i === 0 && protocol === "TCP" ? "http" : `${protocol.toLowerCase()}-${port}`);
    if (!SERVICE_NAME.test(name)) {
      throw new HardenedArgsError(
        owner,
        `${at}.name`,
        `"${name}" is not an IANA service name; expected at most 15 lower-case letters, digits and single dashes, with a letter`,
      );
    }
    claim(`container:${port}/${protocol}`, `${at}.port`, `port ${port}/${protocol}`);
    claim(
      `service:${servicePort}/${protocol}`,
      `${at}.servicePort`,
      `Service port ${servicePort}/${protocol}`,
    );
    claim(`name:${name}`, `${at}.name`, `name "${name}"`);
    return { name, port, protocol, servicePort };
  });
}

/**
 * Checks that every probe that names its port (`httpGet.port` or `tcpSocket.port` as a string)
 * names one of the declared ports: the kubelet resolves the name against the container's ports,
 * and an unknown name fails the probe at run time.
 *
 * @param probes the probes by argument name, e.g. `{ "args.livenessProbe": probe }`.
 */
export function checkProbePorts(
  probes: Readonly<Record<string, unknown>>,
  ports: readonly ResolvedPort[],
  owner: string,
): void {
  const names = ports.map((p) => p.name);
  for (const [arg, probe] of Object.entries(probes)) {
    for (const handler of ["httpGet", "tcpSocket"]) {
      const port = ((probe as Record<string, { port?: unknown }> | undefined)?.[handler] ?? {})
        .port;
      if (typeof port === "string" && !names.includes(port)) {
        throw new HardenedArgsError(
          owner,
          `${arg}.${handler}.port`,
          `"${port}" is not the name of a declared port; expected ${names.length === 0 ? "a port number, or declare the port in args.ports" : `one of ${names.join(", ")} or a port number`}`,
        );
      }
    }
  }
}
