import { strict as assert } from "assert";
import { evaluateWorkload } from "../../../rules/kubernetes/evaluate";
import { PROFILES } from "../../../rules/profile";
import {
  COMPLETE,
  IMAGE,
  PROBE,
  TYPES,
  blockingIds,
  containerOf,
  deploy,
  deploymentOf,
  podSpecOf,
} from "./fixtures";
import { CapturedResource, captureResources, resourceOf, valueOf } from "./mocks";

let captured: CapturedResource[];

const deploymentInputs = () => deploymentOf(captured);
const podSpecInputs = () => podSpecOf(captured);
const container = () => containerOf(captured);

describe("HardenedDeployment", () => {
  beforeEach(() => {
    captured = captureResources();
  });

  describe("defaults", () => {
    it("gives every child the exact hardened inputs", async () => {
      const component = await deploy(COMPLETE);
      assert.deepEqual(
        captured.map((r) => `${r.type}::${r.name}`).sort(),
        [
          "hardened:index:HardenedDeployment::web",
          `${TYPES.serviceAccount}::web`,
          `${TYPES.deployment}::web`,
          `${TYPES.service}::web`,
          `${TYPES.pdb}::web`,
          `${TYPES.networkPolicy}::web`,
        ].sort(),
      );
      const metadata = {
        name: "web",
        namespace: "shop",
        labels: { "app.kubernetes.io/name": "web" },
      };
      const selector = { "app.kubernetes.io/name": "web" };
      assert.deepEqual(resourceOf(captured, TYPES.serviceAccount).inputs, {
        apiVersion: "v1",
        kind: "ServiceAccount",
        metadata,
        automountServiceAccountToken: false,
      });
      assert.deepEqual(deploymentInputs(), {
        apiVersion: "apps/v1",
        kind: "Deployment",
        metadata,
        spec: {
          replicas: 2,
          selector: { matchLabels: selector },
          template: {
            metadata: { labels: selector },
            spec: {
              serviceAccountName: "web",
              automountServiceAccountToken: false,
              securityContext: {
                runAsNonRoot: true,
                runAsUser: 65534,
                runAsGroup: 65534,
                fsGroup: 65534,
                seccompProfile: { type: "RuntimeDefault" },
              },
              containers: [
                {
                  name: "app",
                  image: IMAGE,
                  ports: [{ name: "http", containerPort: 8080, protocol: "TCP" }],
                  resources: {
                    requests: { cpu: "100m", memory: "128Mi" },
                    limits: { memory: "128Mi" },
                  },
                  startupProbe: {
                    tcpSocket: { port: "http" },
                    periodSeconds: 2,
                    failureThreshold: 30,
                  },
                  livenessProbe: PROBE,
                  readinessProbe: PROBE,
                  securityContext: {
                    privileged: false,
                    allowPrivilegeEscalation: false,
                    readOnlyRootFilesystem: true,
                    capabilities: { drop: ["ALL"] },
                  },
                  volumeMounts: [{ name: "tmp", mountPath: "/tmp" }],
                },
              ],
              volumes: [{ name: "tmp", emptyDir: { sizeLimit: "64Mi" } }],
              topologySpreadConstraints: [
                {
                  maxSkew: 1,
                  topologyKey: "kubernetes.io/hostname",
                  whenUnsatisfiable: "ScheduleAnyway",
                  labelSelector: { matchLabels: selector },
                },
              ],
            },
          },
        },
      });
      assert.deepEqual(resourceOf(captured, TYPES.service).inputs, {
        apiVersion: "v1",
        kind: "Service",
        metadata,
        spec: {
          type: "ClusterIP",
          selector,
          ports: [{ name: "http", port: 8080, targetPort: "http", protocol: "TCP" }],
        },
      });
      assert.deepEqual(resourceOf(captured, TYPES.pdb).inputs, {
        apiVersion: "policy/v1",
        kind: "PodDisruptionBudget",
        metadata,
        spec: { selector: { matchLabels: selector }, maxUnavailable: 1 },
      });
      assert.deepEqual(resourceOf(captured, TYPES.networkPolicy).inputs, {
        apiVersion: "networking.k8s.io/v1",
        kind: "NetworkPolicy",
        metadata,
        spec: {
          podSelector: { matchLabels: selector },
          policyTypes: ["Ingress"],
          ingress: [{ ports: [{ port: 8080, protocol: "TCP" }] }],
        },
      });
      assert.deepEqual(await valueOf(component.podSpec), podSpecInputs());
      assert.match(
        await valueOf(component.deployment.urn),
        /hardened:index:HardenedDeployment\$kubernetes:apps\/v1:Deployment::web$/,
      );
    });

    for (const profile of PROFILES) {
      it(`emits a Deployment with no finding at all in the ${profile} profile`, async () => {
        await deploy(COMPLETE);
        assert.deepEqual(evaluateWorkload(deploymentInputs(), { profile }), []);
      });
    }

    it("with only image and resources, leaves exactly the warnings it cannot decide for the user", async () => {
      await deploy({ image: IMAGE, resources: "small" });
      const findings = evaluateWorkload(deploymentInputs(), { profile: "hardened" });
      assert.deepEqual(
        findings.map((f) => [f.ruleId, f.severity, f.path]).sort(),
        [
          ["liveness-probe", "warning", "spec.template.spec.containers[0].livenessProbe"],
          ["readiness-probe", "warning", "spec.template.spec.containers[0].readinessProbe"],
          ["default-namespace", "warning", "metadata.namespace"],
        ].sort(),
      );
    });

    it("lists the controls it applied with the rule ids they satisfy", async () => {
      const component = await deploy(COMPLETE);
      const controls = await valueOf(component.appliedControls);
      const byField = new Map(controls.map((c) => [c.field, c.ruleIds]));
      const pod = "spec.template.spec";
      const app = `${pod}.containers[0]`;
      assert.deepEqual(byField.get(`${pod}.securityContext.runAsNonRoot`), ["run-as-non-root"]);
      assert.deepEqual(byField.get(`${pod}.securityContext.runAsUser`), [
        "run-as-user",
        "high-uid",
      ]);
      assert.deepEqual(byField.get(`${pod}.securityContext.runAsGroup`), [
        "run-as-group",
        "high-uid",
      ]);
      assert.deepEqual(byField.get(`${pod}.securityContext.seccompProfile`), [
        "seccomp-baseline",
        "seccomp-restricted",
      ]);
      assert.deepEqual(byField.get(`${app}.securityContext.capabilities`), [
        "capabilities-restricted",
        "drop-net-raw",
      ]);
      assert.deepEqual(byField.get(`${app}.securityContext.privileged`), ["privileged"]);
      assert.deepEqual(byField.get(`${app}.securityContext.allowPrivilegeEscalation`), [
        "allow-privilege-escalation",
      ]);
      assert.equal(controls.length, 13);
      assert.deepEqual(byField.get(`${pod}.automountServiceAccountToken`), [
        "automount-service-account-token",
      ]);
      assert.deepEqual(byField.get(`${pod}.serviceAccountName`), ["default-service-account"]);
      assert.deepEqual(byField.get(`${app}.securityContext.readOnlyRootFilesystem`), [
        "read-only-root-filesystem",
      ]);
      assert.deepEqual(byField.get(`${app}.image`), ["image-digest"]);
      assert.deepEqual(byField.get(`${pod}.volumes[0].emptyDir.sizeLimit`), [
        "empty-dir-size-limit",
      ]);
      assert.deepEqual(byField.get(`${app}.resources`), ["resource-requests", "memory-limit"]);
    });
  });

  describe("companions", () => {
    it("creates no Service and denies all ingress when there is no port, and no PDB for one replica", async () => {
      const component = await deploy({ image: IMAGE, resources: "small", replicas: 1 });
      assert.equal(component.service, undefined);
      assert.equal(component.podDisruptionBudget, undefined);
      assert.deepEqual(
        captured.map((r) => r.type).sort(),
        [
          "hardened:index:HardenedDeployment",
          TYPES.deployment,
          TYPES.networkPolicy,
          TYPES.serviceAccount,
        ].sort(),
      );
      assert.deepEqual(
        (resourceOf(captured, TYPES.networkPolicy).inputs.spec as Record<string, unknown>).ingress,
        [],
      );
      assert.equal(container().startupProbe, undefined);
    });

    it("removes each companion and the topology spread with null", async () => {
      const component = await deploy({
        ...COMPLETE,
        service: null,
        podDisruptionBudget: null,
        networkPolicy: null,
        topologySpread: null,
      });
      assert.equal(component.service, undefined);
      assert.equal(component.podDisruptionBudget, undefined);
      assert.equal(component.networkPolicy, undefined);
      assert.deepEqual(
        captured.map((r) => r.type).sort(),
        ["hardened:index:HardenedDeployment", TYPES.deployment, TYPES.serviceAccount].sort(),
      );
      assert.equal(podSpecInputs().topologySpreadConstraints, undefined);
    });

    it("configures each companion", async () => {
      await deploy({
        ...COMPLETE,
        replicas: 1,
        ports: [
          { port: 8080, servicePort: 80 },
          { port: 9090, name: "metrics" },
        ],
        service: { type: "LoadBalancer" },
        podDisruptionBudget: { minAvailable: "50%" },
        networkPolicy: {
          ingressFrom: [{ namespaceSelector: { matchLabels: { team: "shop" } } }],
          egress: { rules: [{ to: [{ ipBlock: { cidr: "10.0.0.0/8" } }] }] },
        },
        topologySpread: { topologyKey: "topology.kubernetes.io/zone", maxSkew: 2 },
      });
      assert.deepEqual(
        (resourceOf(captured, TYPES.service).inputs.spec as Record<string, unknown>).ports,
        [
          { name: "http", port: 80, targetPort: "http", protocol: "TCP" },
          { name: "metrics", port: 9090, targetPort: "metrics", protocol: "TCP" },
        ],
      );
      assert.equal(
        (resourceOf(captured, TYPES.service).inputs.spec as Record<string, unknown>).type,
        "LoadBalancer",
      );
      assert.deepEqual(resourceOf(captured, TYPES.pdb).inputs.spec, {
        selector: { matchLabels: { "app.kubernetes.io/name": "web" } },
        minAvailable: "50%",
      });
      assert.deepEqual(resourceOf(captured, TYPES.networkPolicy).inputs.spec, {
        podSelector: { matchLabels: { "app.kubernetes.io/name": "web" } },
        policyTypes: ["Ingress", "Egress"],
        ingress: [
          {
            ports: [
              { port: 8080, protocol: "TCP" },
              { port: 9090, protocol: "TCP" },
            ],
            from: [{ namespaceSelector: { matchLabels: { team: "shop" } } }],
          },
        ],
        egress: [
          {
            ports: [
              { port: 53, protocol: "UDP" },
              { port: 53, protocol: "TCP" },
            ],
          },
          { to: [{ ipBlock: { cidr: "10.0.0.0/8" } }] },
        ],
      });
      assert.deepEqual(podSpecInputs().topologySpreadConstraints, [
        {
          maxSkew: 2,
          topologyKey: "topology.kubernetes.io/zone",
          whenUnsatisfiable: "ScheduleAnyway",
          labelSelector: { matchLabels: { "app.kubernetes.io/name": "web" } },
        },
      ]);
    });

    it("denies all egress when asked, without DNS", async () => {
      await deploy({ ...COMPLETE, networkPolicy: { egress: { allowDns: false } } });
      const spec = resourceOf(captured, TYPES.networkPolicy).inputs.spec as Record<string, unknown>;
      assert.deepEqual([spec.policyTypes, spec.egress], [["Ingress", "Egress"], []]);
    });

    it("runs as an existing service account without creating one", async () => {
      const component = await deploy({ ...COMPLETE, serviceAccountName: "shop-web" });
      assert.equal(component.serviceAccount, undefined);
      assert.equal(
        captured.some((r) => r.type === TYPES.serviceAccount),
        false,
      );
      assert.equal(podSpecInputs().serviceAccountName, "shop-web");
    });

    it("names resources and the container, and adds labels, as asked", async () => {
      await deploy({
        ...COMPLETE,
        name: "storefront",
        containerName: "server",
        labels: { team: "shop" },
      });
      const metadata = deploymentInputs().metadata as Record<string, unknown>;
      assert.deepEqual(metadata, {
        name: "storefront",
        namespace: "shop",
        labels: { team: "shop", "app.kubernetes.io/name": "storefront" },
      });
      assert.equal(container().name, "server");
      assert.deepEqual(
        captured
          .filter((r) => r.type.startsWith("kubernetes:"))
          .map((r) => (r.inputs.metadata as { name: string }).name),
        ["storefront", "storefront", "storefront", "storefront", "storefront"],
      );
    });
  });

  describe("container settings", () => {
    it("passes command, args, env and probes through and mounts writable paths", async () => {
      await deploy({
        ...COMPLETE,
        command: ["/app/server"],
        args: ["--port=8080"],
        env: [
          { name: "MODE", value: "production" },
          { name: "DB_PASSWORD", valueFrom: { secretKeyRef: { name: "db", key: "password" } } },
        ],
        startupProbe: { exec: { command: ["/app/ready"] } },
        tmp: { sizeLimit: "16Mi", memory: true },
        writablePaths: ["/var/cache/app", { path: "/data/uploads", sizeLimit: "1Gi" }],
      });
      const app = container();
      assert.deepEqual(
        [app.command, app.args, app.env, app.startupProbe, app.volumeMounts],
        [
          ["/app/server"],
          ["--port=8080"],
          [
            { name: "MODE", value: "production" },
            { name: "DB_PASSWORD", valueFrom: { secretKeyRef: { name: "db", key: "password" } } },
          ],
          { exec: { command: ["/app/ready"] } },
          [
            { name: "tmp", mountPath: "/tmp" },
            { name: "var-cache-app", mountPath: "/var/cache/app" },
            { name: "data-uploads", mountPath: "/data/uploads" },
          ],
        ],
      );
      assert.deepEqual(podSpecInputs().volumes, [
        { name: "tmp", emptyDir: { medium: "Memory", sizeLimit: "16Mi" } },
        { name: "var-cache-app", emptyDir: { sizeLimit: "64Mi" } },
        { name: "data-uploads", emptyDir: { sizeLimit: "1Gi" } },
      ]);
      assert.deepEqual(blockingIds(deploymentInputs()), []);
    });

    it("names ports that have no name, and probes the first TCP one at startup", async () => {
      await deploy({
        ...COMPLETE,
        ports: [{ port: 53, protocol: "UDP" }, { port: 8080 }],
        livenessProbe: { tcpSocket: { port: 8080 } },
        readinessProbe: { httpGet: { path: "/", port: "tcp-8080" } },
      });
      assert.deepEqual(container().ports, [
        { name: "udp-53", containerPort: 53, protocol: "UDP" },
        { name: "tcp-8080", containerPort: 8080, protocol: "TCP" },
      ]);
      assert.deepEqual(container().startupProbe, {
        tcpSocket: { port: "tcp-8080" },
        periodSeconds: 2,
        failureThreshold: 30,
      });
    });

    it("removes /tmp and the startup probe with null", async () => {
      await deploy({ ...COMPLETE, tmp: null, startupProbe: null });
      assert.deepEqual(
        [container().volumeMounts, podSpecInputs().volumes, container().startupProbe],
        [undefined, undefined, undefined],
      );
    });

    it("takes explicit resources, with a CPU limit when asked", async () => {
      const resources = {
        requests: { cpu: "2", memory: "1Gi" },
        limits: { memory: "2Gi", cpu: "4" },
      };
      await deploy({ ...COMPLETE, resources });
      assert.deepEqual(container().resources, resources);
    });

    for (const preset of ["medium", "large"] as const) {
      it(`sizes the container with the ${preset} preset`, async () => {
        await deploy({ ...COMPLETE, resources: preset });
        assert.deepEqual(
          container().resources,
          preset === "medium"
            ? { requests: { cpu: "250m", memory: "512Mi" }, limits: { memory: "512Mi" } }
            : { requests: { cpu: "1", memory: "2Gi" }, limits: { memory: "2Gi" } },
        );
      });
    }
  });
});
