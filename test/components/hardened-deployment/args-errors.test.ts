import { strict as assert } from "assert";
import {
  HardenedArgsError,
  HardenedDeployment,
  HardenedDeploymentArgs,
} from "../../../components/hardened-deployment";
import { COMPLETE, DIGEST } from "./fixtures";
import { captureResources } from "./mocks";

interface BadArgsCase {
  readonly name: string;
  readonly args: Partial<Record<keyof HardenedDeploymentArgs, unknown>>;
  readonly componentName?: string;
  readonly arg: string;
  readonly message: string;
}

const CASES: readonly BadArgsCase[] = [
  {
    name: "a tag instead of a digest",
    args: { image: "ghcr.io/acme/web:1.4.2" },
    arg: "args.image",
    message: `"ghcr.io/acme/web:1.4.2" is not pinned by digest; expected "<repository>@sha256:<64 hex digits>"`,
  },
  {
    name: "a truncated digest",
    args: { image: "ghcr.io/acme/web@sha256:4f53cda18c2b" },
    arg: "args.image",
    message: "is not pinned by digest",
  },
  {
    name: "an image reference that does not parse",
    args: { image: "ghcr.io/Acme/Web" },
    arg: "args.image",
    message: `"ghcr.io/Acme/Web" is not a valid image reference`,
  },
  {
    name: "a user name instead of a uid",
    args: { image: { ref: `ghcr.io/acme/web@${DIGEST}`, user: { uid: "nginx", gid: 101 } } },
    arg: "args.image.user.uid",
    message: `expected a non-negative integer (a numeric id, not a user name), got "nginx"`,
  },
  {
    name: "a non-numeric runAsUser override",
    args: { securityContext: { pod: { runAsUser: "1000" } } },
    arg: "args.securityContext.pod.runAsUser",
    message: `expected a non-negative integer id (Kubernetes takes no user names) or null to remove it, got "1000"`,
  },
  {
    name: "a negative runAsGroup override",
    args: { securityContext: { container: { runAsGroup: -1 } } },
    arg: "args.securityContext.container.runAsGroup",
    message: "got -1",
  },
  {
    name: "missing resources",
    args: { resources: undefined },
    arg: "args.resources",
    message:
      "is required: give a preset (small, medium, large) or { requests: { cpu, memory }, limits: { memory } }",
  },
  {
    name: "an unknown preset",
    args: { resources: "tiny" },
    arg: "args.resources",
    message: `unknown preset "tiny"; expected one of small, medium, large`,
  },
  {
    name: "an unparsable memory request",
    args: {
      resources: { requests: { cpu: "100m", memory: "128MB" }, limits: { memory: "128Mi" } },
    },
    arg: "args.resources.requests.memory",
    message: `"128MB" is not a Kubernetes quantity`,
  },
  {
    name: "a negative CPU request",
    args: { resources: { requests: { cpu: "-1", memory: "128Mi" }, limits: { memory: "128Mi" } } },
    arg: "args.resources.requests.cpu",
    message: `expected a positive quantity, got "-1"`,
  },
  {
    name: "a memory limit below the request",
    args: { resources: { requests: { cpu: "100m", memory: "1Gi" }, limits: { memory: "512Mi" } } },
    arg: "args.resources.limits.memory",
    message: "512Mi is below the request 1Gi; Kubernetes requires limit >= request",
  },
  {
    name: "a CPU limit below the request",
    args: {
      resources: { requests: { cpu: "1", memory: "1Gi" }, limits: { memory: "1Gi", cpu: "500m" } },
    },
    arg: "args.resources.limits.cpu",
    message: "500m is below the request 1",
  },
  {
    name: "an allowed registry that can never match (the CLI config and the pack refuse it too)",
    args: { ruleOptions: { allowedRegistries: ["ghcr.io", "*"] } },
    arg: "args.ruleOptions.allowedRegistries[1]",
    message: `"*" is not a registry host`,
  },
  {
    name: "a minUid of 0",
    args: { ruleOptions: { minUid: 0 } },
    arg: "args.ruleOptions.minUid",
    message: "got 0; expected an integer of 1 or more",
  },
  {
    name: "a relative writable path",
    args: { writablePaths: ["var/cache"] },
    arg: "args.writablePaths[0]",
    message: `"var/cache" is not an absolute path`,
  },
  {
    name: "a writable path that is not normalized",
    args: { writablePaths: ["/var/../etc"] },
    arg: "args.writablePaths[0]",
    message: `"/var/../etc" is not a normalized directory below "/"`,
  },
  {
    name: "a duplicate writable path",
    args: { writablePaths: ["/cache", { path: "/cache", sizeLimit: "1Gi" }] },
    arg: "args.writablePaths[1]",
    message: `"/cache" is already declared by args.writablePaths[0]; each writable path may appear once`,
  },
  {
    name: "/tmp declared twice",
    args: { writablePaths: ["/tmp"] },
    arg: "args.writablePaths[0]",
    message: `"/tmp" is already declared by args.tmp`,
  },
  {
    name: "a negative size limit",
    args: { writablePaths: [{ path: "/cache", sizeLimit: "-1Gi" }] },
    arg: "args.writablePaths[0].sizeLimit",
    message: `expected a positive quantity, got "-1Gi"`,
  },
  {
    name: "an unparsable /tmp size",
    args: { tmp: { sizeLimit: "lots" } },
    arg: "args.tmp.sizeLimit",
    message: `"lots" is not a Kubernetes quantity`,
  },
  {
    name: "a memory-backed volume larger than the memory limit",
    args: { tmp: { sizeLimit: "1Gi", memory: true } },
    arg: "args.tmp.sizeLimit",
    message:
      "1Gi exceeds the container's memory limit 128Mi; a memory-backed volume counts against that limit",
  },
  {
    name: "a port out of range",
    args: { ports: [{ port: 70000 }] },
    arg: "args.ports[0].port",
    message: "expected an integer from 1 to 65535, got 70000",
  },
  {
    name: "the same port twice",
    args: { ports: [{ port: 8080 }, { port: 8080, name: "other" }] },
    arg: "args.ports[1].port",
    message: "port 8080/TCP conflicts with args.ports[0].port",
  },
  {
    name: "two ports behind the same Service port",
    args: {
      ports: [
        { port: 8080, servicePort: 80 },
        { port: 8081, servicePort: 80 },
      ],
    },
    arg: "args.ports[1].servicePort",
    message: "Service port 80/TCP conflicts with args.ports[0].servicePort",
  },
  {
    name: "the same port name twice",
    args: {
      ports: [
        { port: 8080, name: "web" },
        { port: 8081, name: "web" },
      ],
    },
    arg: "args.ports[1].name",
    message: `name "web" conflicts with args.ports[0].name`,
  },
  {
    name: "a port name that is not an IANA service name",
    args: { ports: [{ port: 8080, name: "HTTP_PORT" }] },
    arg: "args.ports[0].name",
    message: `"HTTP_PORT" is not an IANA service name`,
  },
  {
    name: "an unknown protocol",
    args: { ports: [{ port: 8080, protocol: "HTTP" }] },
    arg: "args.ports[0].protocol",
    message: `expected one of TCP, UDP, SCTP, got "HTTP"`,
  },
  {
    name: "a Service without ports",
    args: { ports: [], service: { type: "ClusterIP" } },
    arg: "args.service",
    message: "is set but args.ports is empty; a Service needs at least one port",
  },
  {
    name: "a PodDisruptionBudget with both bounds",
    args: { podDisruptionBudget: { maxUnavailable: 1, minAvailable: 1 } },
    arg: "args.podDisruptionBudget",
    message: "gives both maxUnavailable and minAvailable; Kubernetes accepts one",
  },
  {
    name: "a probe on a port name that is not declared",
    args: { readinessProbe: { httpGet: { path: "/ready", port: "web" } } },
    arg: "args.readinessProbe.httpGet.port",
    message: `"web" is not the name of a declared port; expected one of http or a port number`,
  },
  {
    name: "a probe on a named port when no port is declared",
    args: { ports: [], livenessProbe: { tcpSocket: { port: "http" } }, readinessProbe: undefined },
    arg: "args.livenessProbe.tcpSocket.port",
    message: `"http" is not the name of a declared port; expected a port number, or declare the port in args.ports`,
  },
  {
    name: "negative replicas",
    args: { replicas: -1 },
    arg: "args.replicas",
    message: "expected a non-negative integer, got -1",
  },
  {
    name: "an exemption of an unknown rule",
    args: { exemptions: [{ rule: "no-such-rule", reason: "because" }] },
    arg: "args.exemptions[0].rule",
    message: `"no-such-rule" is not a Kubernetes rule id; expected one of`,
  },
  {
    name: "an exemption without a reason",
    args: { exemptions: [{ rule: "read-only-root-filesystem", reason: " " }] },
    arg: "args.exemptions[0].reason",
    message: "is empty; every exemption needs a reason",
  },
  {
    name: "an exemption for a container that does not exist",
    args: {
      exemptions: [{ rule: "read-only-root-filesystem", reason: "legacy", container: "sidecar" }],
    },
    arg: "args.exemptions[0].container",
    message: `"sidecar" is not a container of this workload; expected one of app`,
  },
  {
    name: "a container name that is not a DNS label",
    args: { containerName: "App_Server" },
    arg: "args.containerName",
    message: `"App_Server" is not a DNS label`,
  },
  {
    name: "a component name that is not a DNS label",
    args: {},
    componentName: "Web",
    arg: "name (the component name)",
    message: `"Web" is not a DNS label`,
  },
  {
    name: "an empty service account name",
    args: { serviceAccountName: "" },
    arg: "args.serviceAccountName",
    message: `expected the name of an existing ServiceAccount, got ""`,
  },
];

describe("HardenedDeployment bad arguments", () => {
  beforeEach(() => {
    captureResources();
  });

  for (const c of CASES) {
    it(`rejects ${c.name}, naming the argument`, () => {
      const name = c.componentName ?? "web";
      assert.throws(
        () => new HardenedDeployment(name, { ...COMPLETE, ...c.args } as HardenedDeploymentArgs),
        (error: unknown) => {
          assert.ok(error instanceof HardenedArgsError, String(error));
          assert.equal(error.arg, c.arg);
          assert.ok(
            error.message.startsWith(`HardenedDeployment "${name}": ${c.arg}: `),
            error.message,
          );
          assert.ok(
            error.message.includes(c.message),
            `${error.message}\nshould include\n${c.message}`,
          );
          return true;
        },
      );
    });
  }
});
