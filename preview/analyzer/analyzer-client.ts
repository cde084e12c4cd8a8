import * as grpc from "@grpc/grpc-js";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { AnalyzerClient as GrpcAnalyzerClient } from "@pulumi/pulumi/proto/analyzer_grpc_pb";
import {
  AnalyzeRequest,
  AnalyzeResponse,
  AnalyzeStackRequest,
  AnalyzerInfo,
  AnalyzerResource,
  AnalyzerResourceOptions,
  ConfigureAnalyzerRequest,
  EnforcementLevel as WireEnforcementLevel,
  PolicyConfig,
  RemediateResponse,
} from "@pulumi/pulumi/proto/analyzer_pb";
import { deserializeProperties, serializeProperties } from "./properties";

/** An enforcement level as CrossGuard names it. */
export type EnforcementLevelName = "advisory" | "mandatory" | "remediate" | "disabled";

const LEVEL_TO_WIRE: Readonly<Record<EnforcementLevelName, number>> = {
  advisory: WireEnforcementLevel.ADVISORY,
  mandatory: WireEnforcementLevel.MANDATORY,
  remediate: WireEnforcementLevel.REMEDIATE,
  disabled: WireEnforcementLevel.DISABLED,
};

const LEVEL_FROM_WIRE: ReadonlyMap<number, EnforcementLevelName> = new Map(
  Object.entries(LEVEL_TO_WIRE).map(([name, wire]) => [wire, name as EnforcementLevelName]),
);

/** A resource as the engine describes it to an analyzer. */
export interface AnalyzedResource {
  /** Pulumi type token, e.g. `kubernetes:apps/v1:Deployment`. */
  readonly type: string;
  /** Resource name. */
  readonly name: string;
  /** Resource URN. */
  readonly urn: string;
  /** Inputs (Analyze, Remediate) or outputs (AnalyzeStack); may hold `UNKNOWN` and secrets. */
  readonly properties: Readonly<Record<string, unknown>>;
  /** URN of the parent resource (a Helm chart, a ConfigFile, a component). @default none */
  readonly parent?: string;
}

/** One policy violation an analyzer reported. */
export interface Diagnostic {
  readonly policyName: string;
  readonly policyPackName: string;
  readonly description: string;
  readonly message: string;
  readonly enforcementLevel: EnforcementLevelName;
  readonly urn: string;
}

/** What an analyzer says about itself. */
export interface AnalyzerSummary {
  readonly name: string;
  readonly version: string;
  readonly policies: readonly {
    readonly name: string;
    readonly description: string;
    readonly enforcementLevel: EnforcementLevelName;
    readonly configSchema?: Record<string, unknown>;
    readonly remediationSteps: string;
  }[];
}

/** One remediation an analyzer applied. */
export interface RemediationResult {
  readonly policyName: string;
  /** The remediated properties, or undefined when the policy only left a diagnostic. */
  readonly properties?: Record<string, unknown>;
  readonly diagnostic: string;
}

/** Configuration of one policy: its enforcement level and settings. */
export interface PolicyConfiguration {
  readonly enforcementLevel?: EnforcementLevelName;
  readonly properties?: Readonly<Record<string, unknown>>;
}

function unary<Req, Res>(
  call: (req: Req, callback: (error: grpc.ServiceError | null, res: Res) => void) => unknown,
  request: Req,
): Promise<Res> {
  return new Promise((resolve, reject) =>
    call(request, (error, response) => (error ? reject(error) : resolve(response))),
  );
}

function options(resource: AnalyzedResource): AnalyzerResourceOptions {
  const opts = new AnalyzerResourceOptions();
  if (resource.parent) {
    opts.setParent(resource.parent);
  }
  return opts;
}

function analyzeRequest(resource: AnalyzedResource): AnalyzeRequest {
  return new AnalyzeRequest()
    .setType(resource.type)
    .setName(resource.name)
    .setUrn(resource.urn)
    .setProperties(serializeProperties(resource.properties))
    .setOptions(options(resource));
}

function diagnostics(response: AnalyzeResponse): Diagnostic[] {
  return response.getDiagnosticsList().map((d) => ({
    policyName: d.getPolicyname(),
    policyPackName: d.getPolicypackname(),
    description: d.getDescription(),
    message: d.getMessage(),
    enforcementLevel: LEVEL_FROM_WIRE.get(d.getEnforcementlevel()) ?? "advisory",
    urn: d.getUrn(),
  }));
}

/**
 * Talks to a running policy pack over the Pulumi Analyzer gRPC protocol, the way the engine does
 * during `pulumi preview`/`up`: resources go out serialized as the engine serializes them
 * (unknowns, secrets), results come back as plain objects.
 */
export class AnalyzerConnection {
  private readonly client: GrpcAnalyzerClient;

  /** Connects to the analyzer listening at `address` (`127.0.0.1:<port>`). */
  constructor(address: string) {
    this.client = new GrpcAnalyzerClient(address, grpc.credentials.createInsecure(), {
      "grpc.max_receive_message_length": 400 * 1024 * 1024,
    });
  }

  /** The pack's name, version and policies with their config schemas. */
  async getAnalyzerInfo(): Promise<AnalyzerSummary> {
    const info: AnalyzerInfo = await unary(
      this.client.getAnalyzerInfo.bind(this.client),
      new Empty(),
    );
    return {
      name: info.getName(),
      version: info.getVersion(),
      policies: info.getPoliciesList().map((p) => {
        const schema = p.getConfigschema();
        return {
          name: p.getName(),
          description: p.getDescription(),
          enforcementLevel: LEVEL_FROM_WIRE.get(p.getEnforcementlevel()) ?? "advisory",
          remediationSteps: p.getRemediationSteps(),
          ...(schema
            ? {
                configSchema: {
                  properties: schema.getProperties()?.toJavaScript() ?? {},
                  required: schema.getRequiredList(),
                },
              }
            : {}),
        };
      }),
    };
  }

  /** Sends the configuration of every listed policy (the engine sends it after reconciling). */
  async configure(config: Readonly<Record<string, PolicyConfiguration>>): Promise<void> {
    const request = new ConfigureAnalyzerRequest();
    const map = request.getPolicyconfigMap();
    for (const [name, c] of Object.entries(config)) {
      map.set(
        name,
        new PolicyConfig()
          .setEnforcementlevel(LEVEL_TO_WIRE[c.enforcementLevel ?? "advisory"] as never)
          .setProperties(Struct.fromJavaScript((c.properties ?? {}) as Record<string, never>)),
      );
    }
    await unary(this.client.configure.bind(this.client), request);
  }

  /** Analyzes one resource's inputs; returns every violation. */
  async analyze(resource: AnalyzedResource): Promise<Diagnostic[]> {
    return diagnostics(
      await unary(this.client.analyze.bind(this.client), analyzeRequest(resource)),
    );
  }

  /** Analyzes the whole stack (resource outputs); returns every violation. */
  async analyzeStack(resources: readonly AnalyzedResource[]): Promise<Diagnostic[]> {
    const request = new AnalyzeStackRequest().setResourcesList(
      resources.map((r) => {
        const resource = new AnalyzerResource()
          .setType(r.type)
          .setName(r.name)
          .setUrn(r.urn)
          .setProperties(serializeProperties(r.properties))
          .setOptions(options(r));
        if (r.parent) {
          resource.setParent(r.parent);
        }
        return resource;
      }),
    );
    return diagnostics(await unary(this.client.analyzeStack.bind(this.client), request));
  }

  /** Asks the policies at `remediate` level to fix one resource; returns each remediation. */
  async remediate(resource: AnalyzedResource): Promise<RemediationResult[]> {
    const response: RemediateResponse = await unary(
      this.client.remediate.bind(this.client),
      analyzeRequest(resource),
    );
    return response.getRemediationsList().map((r) => {
      const props = r.getProperties();
      return {
        policyName: r.getPolicyname(),
        diagnostic: r.getDiagnostic(),
        ...(props ? { properties: deserializeProperties(props) } : {}),
      };
    });
  }

  /** Closes the connection. */
  close(): void {
    this.client.close();
  }
}
