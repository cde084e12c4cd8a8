import * as grpc from "@grpc/grpc-js";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import { EngineService } from "@pulumi/pulumi/proto/engine_grpc_pb";
import {
  GetRootResourceResponse,
  LogRequest,
  RequirePulumiVersionResponse,
  SetRootResourceResponse,
} from "@pulumi/pulumi/proto/engine_pb";

/** One message a plugin logged to the engine. */
export interface EngineLogEntry {
  /** Severity number as in `pulumirpc.LogSeverity` (0 debug … 3 error). */
  readonly severity: number;
  /** The message. */
  readonly message: string;
  /** The resource URN it is about, or "". */
  readonly urn: string;
}

/** A minimal Pulumi Engine gRPC service: what a policy pack needs from the engine (logging). */
export interface EngineServer {
  /** `127.0.0.1:<port>`, the engine address to pass to the plugin. */
  readonly address: string;
  /** Every message logged so far. */
  readonly logs: readonly EngineLogEntry[];
  /** Stops the server. */
  stop(): Promise<void>;
}

/** Starts an {@link EngineServer} on a free local port. */
export async function startEngineServer(): Promise<EngineServer> {
  const logs: EngineLogEntry[] = [];
  const server = new grpc.Server();
  server.addService(EngineService, {
    log: (call: grpc.ServerUnaryCall<LogRequest, Empty>, callback: grpc.sendUnaryData<Empty>) => {
      logs.push({
        severity: call.request.getSeverity(),
        message: call.request.getMessage(),
        urn: call.request.getUrn(),
      });
      callback(null, new Empty());
    },
    getRootResource: (_call: unknown, callback: grpc.sendUnaryData<GetRootResourceResponse>) =>
      callback(null, new GetRootResourceResponse()),
    setRootResource: (_call: unknown, callback: grpc.sendUnaryData<SetRootResourceResponse>) =>
      callback(null, new SetRootResourceResponse()),
    startDebugging: (_call: unknown, callback: grpc.sendUnaryData<Empty>) =>
      callback(null, new Empty()),
    requirePulumiVersion: (
      _call: unknown,
      callback: grpc.sendUnaryData<RequirePulumiVersionResponse>,
    ) => callback(null, new RequirePulumiVersionResponse()),
  });
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (error, bound) =>
      error ? reject(error) : resolve(bound),
    ),
  );
  return {
    address: `127.0.0.1:${port}`,
    logs,
    stop: () =>
      new Promise<void>((resolve) => {
        server.tryShutdown(() => resolve());
      }),
  };
}
