import { strict as assert } from "assert";
import { createServer, Socket } from "net";
import { AddressInfo } from "net";
import { RegistryClient } from "../../oci/client";
import { RegistryUnreachableError } from "../../oci/errors";

describe("RegistryClient time limit", () => {
  const sockets: Socket[] = [];
  const silent = createServer((socket) => sockets.push(socket));
  before(() => new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve)));
  after(() => {
    sockets.forEach((s) => s.destroy());
    return new Promise<void>((resolve) => silent.close(() => resolve()));
  });

  it("throws RegistryUnreachableError when a registry accepts the connection but never answers", async () => {
    const host = `127.0.0.1:${(silent.address() as AddressInfo).port}`;
    const client = new RegistryClient({ credentials: () => undefined, timeoutMs: 200 });
    await assert.rejects(client.resolveDigest(`${host}/app:1`), (error: Error) => {
      assert.ok(error instanceof RegistryUnreachableError);
      assert.equal(
        error.message,
        `cannot reach registry ${host} for ${host}/app:1 (http://${host}/v2/app/manifests/1): no answer within 0.2 s`,
      );
      return true;
    });
  });
});
