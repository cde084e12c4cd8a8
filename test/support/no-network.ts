/*
 * Preloaded (`node -r`) into a process that must do no network I/O: every TCP or UDP connection
 * and every DNS lookup throws and is reported on stderr as `NETWORK I/O: ...`; an unhandled
 * rejection is reported as `UNHANDLED REJECTION: ...` and fails the process.
 */
import dgram from "dgram";
import dns from "dns";
import net from "net";

function refuse(what: string): never {
  process.stderr.write(`NETWORK I/O: ${what}\n`);
  process.exitCode = 1;
  throw new Error(`network I/O attempted: ${what}`);
}

net.Socket.prototype.connect = function connect(...args: unknown[]): never {
  return refuse(`connect ${JSON.stringify(args[0])}`);
};
dgram.Socket.prototype.send = function send(): never {
  return refuse("udp send");
};
for (const name of ["lookup", "resolve", "resolve4", "resolve6"] as const) {
  (dns as Record<string, unknown>)[name] = (host: unknown) => refuse(`dns ${name} ${String(host)}`);
  (dns.promises as Record<string, unknown>)[name] = (host: unknown) =>
    refuse(`dns ${name} ${String(host)}`);
}
process.on("unhandledRejection", (reason) => {
  process.stderr.write(`UNHANDLED REJECTION: ${String(reason)}\n`);
  process.exitCode = 1;
});
