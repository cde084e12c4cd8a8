import { strict as assert } from "assert";
import { createHash } from "crypto";
import { createServer, IncomingMessage, Server, ServerResponse } from "http";
import { RegistryClient } from "../../oci/client";

const MANIFEST_TYPE = "application/vnd.oci.image.manifest.v1+json";

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

describe("registry client bounds (a hostile local registry)", function () {
  this.timeout(30_000);
  let server: Server;
  let registry = "";
  const routes = new Map<string, Handler>();
  const open = new Set<ServerResponse>();

  before(async () => {
    server = createServer((req, res) => {
      open.add(res);
      res.on("close", () => open.delete(res));
      const handler = routes.get(req.url ?? "");
      if (handler === undefined) {
        res.writeHead(req.url === "/v2/" ? 200 : 404).end();
        return;
      }
      handler(req, res);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    registry = `127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  after(() => {
    open.forEach((res) => res.destroy());
    server.close();
  });

  const client = () => new RegistryClient({ timeoutMs: 500, credentials: () => undefined });
  const blobDigest = (bytes: Buffer) =>
    `sha256:${createHash("sha256").update(bytes).digest("hex")}`;

  it("gives up on a manifest whose body stalls after the headers", async () => {
    routes.set("/v2/stall/manifests/1", (_req, res) => {
      res.writeHead(200, { "content-type": MANIFEST_TYPE });
      res.write('{"schemaVersion":');
    });
    const started = Date.now();
    await assert.rejects(client().getManifest(`${registry}/stall:1`), {
      name: "RegistryUnreachableError",
      message: new RegExp(
        `^cannot reach registry ${registry} for ${registry}/stall:1 \\(http://${registry}\\): the manifest did not arrive (in full|\\(the body stalled\\)) within 0\\.5 s$`,
      ),
    });
    assert.ok(Date.now() - started < 5_000);
  });

  it("gives up on a manifest that trickles for longer than the timeout in all", async () => {
    routes.set("/v2/trickle/manifests/1", (_req, res) => {
      res.writeHead(200, { "content-type": MANIFEST_TYPE });
      const timer = setInterval(() => res.write(" "), 100);
      res.on("close", () => clearInterval(timer));
    });
    await assert.rejects(client().getManifest(`${registry}/trickle:1`), {
      name: "RegistryUnreachableError",
      message: `cannot reach registry ${registry} for ${registry}/trickle:1 (http://${registry}): the manifest did not arrive in full within 0.5 s`,
    });
  });

  it("stops reading a chunked manifest at the size limit, not at its end", async () => {
    let sent = 0;
    routes.set("/v2/huge/manifests/1", (_req, res) => {
      res.writeHead(200, { "content-type": MANIFEST_TYPE });
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      const pump = () => {
        while (sent < 1024 ** 3 && res.write(chunk)) {
          sent += chunk.length;
        }
        if (sent < 1024 ** 3) {
          res.once("drain", pump);
        }
      };
      pump();
    });
    await assert.rejects(
      new RegistryClient({
        credentials: () => undefined,
        maxManifestBytes: 1024 * 1024,
      }).getManifest(`${registry}/huge:1`),
      {
        name: "RegistryResponseError",
        message: `registry ${registry} answered unexpectedly for ${registry}/huge:1: a manifest of more than 1048576 bytes, over the limit`,
      },
    );
    assert.ok(sent < 64 * 1024 * 1024, `${sent} bytes were sent before the client stopped`);
  });

  it("fails a layer stream whose body stalls half way", async () => {
    const content = Buffer.alloc(1000, 1);
    const digest = blobDigest(content);
    routes.set(`/v2/layer/blobs/${digest}`, (_req, res) => {
      res.writeHead(200, { "content-length": String(content.length) });
      res.write(content.subarray(0, 500));
    });
    const stream = await client().openBlob(`${registry}/layer:1`, digest);
    await assert.rejects(
      (async () => {
        for await (const chunk of stream) {
          assert.ok(chunk);
        }
      })(),
      {
        name: "RegistryUnreachableError",
        message: `cannot reach registry ${registry} for ${registry}/layer:1 (http://${registry}): blob ${digest} did not arrive (the body stalled) within 0.5 s`,
      },
    );
  });

  it("refuses a config blob over the in-memory limit", async () => {
    const content = Buffer.alloc(2 * 1024 * 1024, 7);
    const digest = blobDigest(content);
    routes.set(`/v2/config/blobs/${digest}`, (_req, res) => {
      res.writeHead(200);
      res.end(content);
    });
    await assert.rejects(
      new RegistryClient({ credentials: () => undefined, maxBlobBytes: 1024 * 1024 }).readBlob(
        `${registry}/config:1`,
        digest,
      ),
      {
        name: "RegistryResponseError",
        message: `registry ${registry} answered unexpectedly for ${registry}/config:1: blob ${digest} is larger than 1048576 bytes, the limit for configs`,
      },
    );
  });
});
