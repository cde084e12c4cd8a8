import { strict as assert } from "assert";
import {
  HardenedArgsError,
  HardenedDeploymentArgs,
  HardeningViolationError,
} from "../../../components/hardened-deployment";
import { HardenedDeployment } from "../../../components/hardened-deployment";
import { evaluateWorkload } from "../../../rules/kubernetes/evaluate";
import { PROFILES } from "../../../rules/profile";
import { COMPLETE, DIGEST, IMAGE, PROBE, TYPES, deploy, deploymentOf, podSpecOf } from "./fixtures";
import {
  CapturedResource,
  captureResources,
  isKnown,
  resourceOf,
  unknownOutput,
  valueOf,
} from "./mocks";

type Plain = Record<string, unknown>;

const SIDECAR_IMAGE = `ghcr.io/acme/metrics@${DIGEST}`;

/** A sidecar that leaves nothing to warn about. */
const SIDECAR = {
  name: "metrics",
  image: SIDECAR_IMAGE,
  resources: "small",
  ports: [{ port: 9090, name: "metrics" }],
  livenessProbe: { httpGet: { path: "/healthz", port: "metrics" } },
  readinessProbe: { httpGet: { path: "/ready", port: "metrics" } },
} as const;

/** A service with every input of a real application. */
const REAL: HardenedDeploymentArgs = {
  ...COMPLETE,
  envFrom: [{ configMapRef: { name: "web-env" } }],
  env: [
    { name: "LOG_LEVEL", valueFrom: { configMapKeyRef: { name: "web-env", key: "level" } } },
    { name: "DB_PASSWORD", valueFrom: { secretKeyRef: { name: "web-db", key: "password" } } },
  ],
  volumes: [
    { name: "config", configMap: { name: "web-config" }, mountPath: "/etc/web" },
    { name: "tls", secret: { secretName: "web-tls" }, mountPath: "/etc/tls" },
    {
      name: "podinfo",
      downwardAPI: { items: [{ path: "labels", fieldRef: { fieldPath: "metadata.labels" } }] },
      mountPath: "/etc/podinfo",
    },
    {
      name: "bundle",
      projected: { sources: [{ configMap: { name: "ca" } }, { secret: { name: "web-key" } }] },
      mountPath: "/etc/bundle",
    },
    {
      name: "data",
      persistentVolumeClaim: { claimName: "web-data" },
      mountPath: "/var/lib/web",
      readOnly: false,
    },
    {
      name: "scratch",
      ephemeral: {
        volumeClaimTemplate: {
          spec: { accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "1Gi" } } },
        },
      },
    },
  ],
  sidecars: [{ ...SIDECAR, volumeMounts: [{ name: "config", mountPath: "/etc/web" }] }],
  initContainers: [
    {
      name: "migrate",
      image: IMAGE,
      resources: "small",
      command: ["/app", "migrate"],
      volumeMounts: [{ name: "scratch", mountPath: "/scratch", readOnly: false }],
    },
  ],
  imagePullSecrets: ["ghcr-pull"],
  nodeSelector: { "kubernetes.io/os": "linux" },
  tolerations: [{ key: "dedicated", operator: "Equal", value: "web", effect: "NoSchedule" }],
  affinity: {
    nodeAffinity: {
      preferredDuringSchedulingIgnoredDuringExecution: [
        {
          weight: 1,
          preference: { matchExpressions: [{ key: "tier", operator: "In", values: ["web"] }] },
        },
      ],
    },
  },
  priorityClassName: "web-critical",
  terminationGracePeriodSeconds: 45,
  podLabels: { "sidecar.istio.io/inject": "false" },
  podAnnotations: { "prometheus.io/scrape": "true", "prometheus.io/port": "9090" },
  autoscaling: { minReplicas: 3, maxReplicas: 10 },
};

const HARDENED_CONTAINER_CONTEXT = {
  privileged: false,
  allowPrivilegeEscalation: false,
  readOnlyRootFilesystem: true,
  capabilities: { drop: ["ALL"] },
};

let captured: CapturedResource[];

const containers = () => podSpecOf(captured).containers as Plain[];
const initContainers = () => podSpecOf(captured).initContainers as Plain[];

describe("HardenedDeployment for a real service", () => {
  beforeEach(() => {
    captured = captureResources();
  });

  describe("with every input", () => {
    beforeEach(async () => {
      await deploy(REAL);
    });

    for (const profile of PROFILES) {
      it(`emits a Deployment with no error or warning in the ${profile} profile`, () => {
        // Reading a Secret key into env is accepted, and noted by env-secret-ref (hardened only).
        assert.deepEqual(
          evaluateWorkload(deploymentOf(captured), { profile }).map((f) => [
            f.ruleId,
            f.severity,
            f.path,
          ]),
          profile === "hardened"
            ? [
                [
                  "env-secret-ref",
                  "note",
                  "spec.template.spec.containers[0].env[1].valueFrom.secretKeyRef",
                ],
              ]
            : [],
        );
      });
    }

    it("mounts each volume in the app read-only unless a claim is mounted writable", () => {
      assert.deepEqual(containers()[0].volumeMounts, [
        { name: "tmp", mountPath: "/tmp" },
        { name: "config", mountPath: "/etc/web", readOnly: true },
        { name: "tls", mountPath: "/etc/tls", readOnly: true },
        { name: "podinfo", mountPath: "/etc/podinfo", readOnly: true },
        { name: "bundle", mountPath: "/etc/bundle", readOnly: true },
        { name: "data", mountPath: "/var/lib/web" },
      ]);
      assert.deepEqual(
        (podSpecOf(captured).volumes as Plain[]).map((v) => [
          v.name,
          Object.keys(v).find((k) => k !== "name"),
        ]),
        [
          ["tmp", "emptyDir"],
          ["config", "configMap"],
          ["tls", "secret"],
          ["podinfo", "downwardAPI"],
          ["bundle", "projected"],
          ["data", "persistentVolumeClaim"],
          ["scratch", "ephemeral"],
        ],
      );
    });

    it("passes env from ConfigMap and Secret keys and envFrom through", () => {
      assert.deepEqual(containers()[0].env, REAL.env);
      assert.deepEqual(containers()[0].envFrom, REAL.envFrom);
    });

    it("hardens the sidecar exactly like the app, with the pod's /tmp and its own mounts", () => {
      const sidecar = containers()[1];
      assert.equal(sidecar.name, "metrics");
      assert.equal(sidecar.image, SIDECAR_IMAGE);
      assert.deepEqual(sidecar.securityContext, containers()[0].securityContext);
      assert.deepEqual(sidecar.securityContext, HARDENED_CONTAINER_CONTEXT);
      assert.deepEqual(sidecar.resources, containers()[0].resources);
      assert.deepEqual(sidecar.startupProbe, {
        tcpSocket: { port: "metrics" },
        periodSeconds: 2,
        failureThreshold: 30,
      });
      assert.deepEqual(sidecar.volumeMounts, [
        { name: "tmp", mountPath: "/tmp" },
        { name: "config", mountPath: "/etc/web", readOnly: true },
      ]);
    });

    it("hardens the init container like the app, without probes", () => {
      const [init] = initContainers();
      assert.deepEqual(init.securityContext, HARDENED_CONTAINER_CONTEXT);
      assert.deepEqual(init.command, ["/app", "migrate"]);
      assert.equal(init.startupProbe, undefined);
      assert.deepEqual(init.volumeMounts, [
        { name: "tmp", mountPath: "/tmp" },
        { name: "scratch", mountPath: "/scratch" },
      ]);
    });

    it("writes the scheduling fields, pod labels and annotations", () => {
      const pod = podSpecOf(captured);
      assert.deepEqual(pod.imagePullSecrets, [{ name: "ghcr-pull" }]);
      assert.deepEqual(pod.nodeSelector, REAL.nodeSelector);
      assert.deepEqual(pod.tolerations, REAL.tolerations);
      assert.deepEqual(pod.affinity, REAL.affinity);
      assert.equal(pod.priorityClassName, "web-critical");
      assert.equal(pod.terminationGracePeriodSeconds, 45);
      const template = (deploymentOf(captured).spec as Plain).template as Plain;
      assert.deepEqual(template.metadata, {
        labels: { "sidecar.istio.io/inject": "false", "app.kubernetes.io/name": "web" },
        annotations: REAL.podAnnotations,
      });
    });

    it("leaves replicas to the autoscaler and keeps a PDB for minReplicas 3", () => {
      assert.equal("replicas" in (deploymentOf(captured).spec as Plain), false);
      assert.deepEqual(
        resourceOf(captured, "kubernetes:autoscaling/v2:HorizontalPodAutoscaler").inputs,
        {
          apiVersion: "autoscaling/v2",
          kind: "HorizontalPodAutoscaler",
          metadata: { name: "web", namespace: "shop", labels: { "app.kubernetes.io/name": "web" } },
          spec: {
            scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name: "web" },
            minReplicas: 3,
            maxReplicas: 10,
            metrics: [
              {
                type: "Resource",
                resource: { name: "cpu", target: { type: "Utilization", averageUtilization: 80 } },
              },
            ],
          },
        },
      );
      assert.deepEqual((resourceOf(captured, TYPES.pdb).inputs.spec as Plain).maxUnavailable, 1);
    });

    it("opens the sidecar's port in the Service and the NetworkPolicy", () => {
      const service = resourceOf(captured, TYPES.service).inputs.spec as Plain;
      assert.deepEqual(service.ports, [
        { name: "http", port: 8080, targetPort: "http", protocol: "TCP" },
        { name: "metrics", port: 9090, targetPort: "metrics", protocol: "TCP" },
      ]);
      const policy = resourceOf(captured, TYPES.networkPolicy).inputs.spec as Plain;
      assert.deepEqual((policy.ingress as Plain[])[0].ports, [
        { port: 8080, protocol: "TCP" },
        { port: 9090, protocol: "TCP" },
      ]);
    });
  });

  it("creates no PDB when the autoscaler may scale down to one pod", async () => {
    await deploy({
      ...COMPLETE,
      autoscaling: { minReplicas: 1, maxReplicas: 3, memoryUtilization: 70 },
    });
    assert.equal(
      captured.some((r) => r.type === TYPES.pdb),
      false,
    );
    const hpa = resourceOf(captured, "kubernetes:autoscaling/v2:HorizontalPodAutoscaler");
    assert.deepEqual(
      ((hpa.inputs.spec as Plain).metrics as Plain[]).map((m) => (m.resource as Plain).name),
      ["cpu", "memory"],
    );
  });

  it("runs a sidecar built by a HardenedImage as that image's user", async () => {
    await deploy({
      ...COMPLETE,
      sidecars: [{ ...SIDECAR, image: { ref: SIDECAR_IMAGE, user: { uid: 10001, gid: 10002 } } }],
    });
    assert.deepEqual(containers()[1].securityContext, {
      ...HARDENED_CONTAINER_CONTEXT,
      runAsUser: 10001,
      runAsGroup: 10002,
    });
    assert.equal((podSpecOf(captured).securityContext as Plain).runAsUser, 65534);
  });

  it("gives a native sidecar (restartPolicy Always) the startup probe on its port", async () => {
    await deploy({
      ...COMPLETE,
      initContainers: [{ ...SIDECAR, restartPolicy: "Always" }],
    });
    const [sidecar] = initContainers();
    assert.equal(sidecar.restartPolicy, "Always");
    assert.deepEqual(sidecar.startupProbe, {
      tcpSocket: { port: "metrics" },
      periodSeconds: 2,
      failureThreshold: 30,
    });
    assert.deepEqual(evaluateWorkload(deploymentOf(captured), { profile: "hardened" }), []);
  });

  it("refuses a sidecar override that breaks a rule, naming the container's field", () => {
    assert.throws(
      () =>
        new HardenedDeployment("web", {
          ...COMPLETE,
          sidecars: [{ ...SIDECAR, securityContext: { readOnlyRootFilesystem: false } }],
        }),
      (error: unknown) => {
        assert.ok(error instanceof HardeningViolationError, String(error));
        assert.deepEqual(
          error.findings.map((f) => [f.ruleId, f.path, f.container]),
          [
            [
              "read-only-root-filesystem",
              "spec.template.spec.containers[1].securityContext.readOnlyRootFilesystem",
              "metrics",
            ],
          ],
        );
        return true;
      },
    );
  });

  it("accepts that override with an exemption for the sidecar, written to the workload", async () => {
    await deploy({
      ...COMPLETE,
      sidecars: [{ ...SIDECAR, securityContext: { readOnlyRootFilesystem: false } }],
      exemptions: [
        { rule: "read-only-root-filesystem", container: "metrics", reason: "writes its WAL" },
      ],
    });
    assert.deepEqual((deploymentOf(captured).metadata as Plain).annotations, {
      "hardened.dev/exempt": "read-only-root-filesystem:metrics",
      "hardened.dev/exempt-reason": "writes its WAL",
    });
  });

  it("lets a sidecar share a writable path, read-only unless it asks to write", async () => {
    await deploy({
      ...COMPLETE,
      writablePaths: ["/var/log/web"],
      sidecars: [
        {
          ...SIDECAR,
          volumeMounts: [
            { name: "var-log-web", mountPath: "/logs" },
            { name: "var-log-web", mountPath: "/spool", subPath: "spool", readOnly: false },
          ],
        },
      ],
    });
    assert.deepEqual(containers()[1].volumeMounts, [
      { name: "tmp", mountPath: "/tmp" },
      { name: "var-log-web", mountPath: "/logs", readOnly: true },
      { name: "var-log-web", mountPath: "/spool", subPath: "spool" },
    ]);
  });

  it("refuses a secret as a literal env value in a sidecar", () => {
    assert.throws(
      () =>
        new HardenedDeployment("web", {
          ...COMPLETE,
          sidecars: [{ ...SIDECAR, env: [{ name: "API_TOKEN", value: "hunter2hunter2" }] }],
        }),
      (error: unknown) => {
        assert.ok(error instanceof HardeningViolationError, String(error));
        assert.deepEqual(
          error.findings.map((f) => [f.ruleId, f.path]),
          [["env-secret-literal", "spec.template.spec.containers[1].env[0].value"]],
        );
        return true;
      },
    );
  });

  it("refuses an init container override that breaks a rule", () => {
    assert.throws(
      () =>
        new HardenedDeployment("web", {
          ...COMPLETE,
          initContainers: [
            { name: "setup", image: IMAGE, resources: "small", securityContext: { runAsUser: 0 } },
          ],
        }),
      (error: unknown) =>
        error instanceof HardeningViolationError &&
        error.findings.some(
          (f) =>
            f.ruleId === "run-as-user" &&
            f.path === "spec.template.spec.initContainers[0].securityContext.runAsUser",
        ),
    );
  });

  it("waits for a sidecar image that is not known during a preview", async () => {
    captured = captureResources(true);
    const component = await deploy({
      ...COMPLETE,
      sidecars: [{ ...SIDECAR, image: unknownOutput<string>() }],
    });
    assert.equal(await isKnown(component.podSpec), false);
    assert.equal(await valueOf(component.deployment.urn).then((u) => typeof u), "string");
  });
});

interface BadArgsCase {
  readonly name: string;
  readonly args: Partial<Record<keyof HardenedDeploymentArgs, unknown>>;
  readonly arg: string;
  readonly message: string;
}

const BAD: readonly BadArgsCase[] = [
  {
    name: "a volume with two sources",
    args: { volumes: [{ name: "x", configMap: { name: "a" }, secret: { secretName: "b" } }] },
    arg: "args.volumes[0]",
    message:
      "has 2 sources (configMap, secret); expected exactly one of configMap, secret, projected, downwardAPI, persistentVolumeClaim, ephemeral",
  },
  {
    name: "a volume with no source (hostPath is not offered)",
    args: { volumes: [{ name: "x", hostPath: { path: "/" } }] },
    arg: "args.volumes[0]",
    message: "has no source",
  },
  {
    name: "two volumes with one name",
    args: {
      volumes: [
        { name: "x", configMap: { name: "a" } },
        { name: "x", secret: { secretName: "b" } },
      ],
    },
    arg: "args.volumes[1].name",
    message: `"x" is already the name of args.volumes[0]`,
  },
  {
    name: "a writable Secret mount",
    args: {
      volumes: [{ name: "s", secret: { secretName: "b" }, mountPath: "/s", readOnly: false }],
    },
    arg: "args.volumes[0].readOnly",
    message: `volume "s" is always mounted read-only by the kubelet`,
  },
  {
    name: "a volume mounted over /tmp",
    args: { volumes: [{ name: "s", configMap: { name: "b" }, mountPath: "/tmp" }] },
    arg: "args.volumes[0].mountPath",
    message: `"/tmp" is already mounted by args.writablePaths`,
  },
  {
    name: "a relative mount path",
    args: { volumes: [{ name: "s", configMap: { name: "b" }, mountPath: "etc/s" }] },
    arg: "args.volumes[0].mountPath",
    message: `"etc/s" is not an absolute path`,
  },
  {
    name: "a subPath leaving the volume",
    args: { volumes: [{ name: "s", configMap: { name: "b" }, mountPath: "/s", subPath: "../x" }] },
    arg: "args.volumes[0].subPath",
    message: "is not a relative path inside the volume",
  },
  {
    name: "a sidecar mounting an unknown volume",
    args: { sidecars: [{ ...SIDECAR, volumeMounts: [{ name: "nope", mountPath: "/n" }] }] },
    arg: "args.sidecars[0].volumeMounts[0].name",
    message: `"nope" is not a volume of this pod; expected one of tmp`,
  },
  {
    name: "a sidecar named like the app",
    args: { sidecars: [{ ...SIDECAR, name: "app" }] },
    arg: "args.sidecars[0].name",
    message: `"app" is already the name of the application container`,
  },
  {
    name: "a sidecar port the app already uses",
    args: { sidecars: [{ ...SIDECAR, ports: [{ port: 8080, name: "proxy" }] }] },
    arg: "args.sidecars[0].ports[0]",
    message: "port 8080/TCP conflicts with args.ports[0]",
  },
  {
    name: "a sidecar without resources",
    args: { sidecars: [{ ...SIDECAR, resources: undefined }] },
    arg: "args.sidecars[0].resources",
    message: "is required",
  },
  {
    name: "a probe on an init container that runs to completion",
    args: {
      initContainers: [{ name: "setup", image: IMAGE, resources: "small", livenessProbe: PROBE }],
    },
    arg: "args.initContainers[0].livenessProbe",
    message: "is set on an init container that runs to completion",
  },
  {
    name: "an init container restartPolicy other than Always",
    args: {
      initContainers: [
        { name: "setup", image: IMAGE, resources: "small", restartPolicy: "OnFailure" },
      ],
    },
    arg: "args.initContainers[0].restartPolicy",
    message: `expected "Always" (a native sidecar) or unset, got "OnFailure"`,
  },
  {
    name: "a sidecar image by tag",
    args: { sidecars: [{ ...SIDECAR, image: "ghcr.io/acme/metrics:1" }] },
    arg: "args.sidecars[0].image",
    message: `"ghcr.io/acme/metrics:1" is not pinned by digest`,
  },
  {
    name: "a sidecar probe on another container's port",
    args: { sidecars: [{ ...SIDECAR, livenessProbe: PROBE }] },
    arg: "args.sidecars[0].livenessProbe.httpGet.port",
    message: `"http" is not the name of a declared port; expected one of metrics or a port number`,
  },
  {
    name: "replicas with autoscaling",
    args: { replicas: 3, autoscaling: { maxReplicas: 5 } },
    arg: "args.replicas",
    message: "is set together with args.autoscaling",
  },
  {
    name: "maxReplicas below minReplicas",
    args: { autoscaling: { minReplicas: 4, maxReplicas: 2 } },
    arg: "args.autoscaling.maxReplicas",
    message: "expected an integer from 4 to 10000, got 2",
  },
  {
    name: "an autoscaler without a metric",
    args: { autoscaling: { maxReplicas: 4, cpuUtilization: null } },
    arg: "args.autoscaling",
    message: "has no metric",
  },
  {
    name: "an exemption written as a pod annotation",
    args: { podAnnotations: { "hardened.dev/exempt": "privileged" } },
    arg: `args.podAnnotations["hardened.dev/exempt"]`,
    message: "annotations are written from args.exemptions",
  },
  {
    name: "a pod label that changes the selector",
    args: { podLabels: { "app.kubernetes.io/name": "other" } },
    arg: `args.podLabels["app.kubernetes.io/name"]`,
    message: `would change the label "app.kubernetes.io/name": "web"`,
  },
  {
    name: "a negative grace period",
    args: { terminationGracePeriodSeconds: -1 },
    arg: "args.terminationGracePeriodSeconds",
    message: "expected a non-negative integer number of seconds, got -1",
  },
  {
    name: "an image pull secret that is not a name",
    args: { imagePullSecrets: ["Ghcr Pull"] },
    arg: "args.imagePullSecrets[0]",
    message: `"Ghcr Pull" is not a Secret name`,
  },
];

describe("HardenedDeployment real-service arguments", () => {
  beforeEach(() => {
    captureResources();
  });

  for (const c of BAD) {
    it(`rejects ${c.name}, naming the argument`, () => {
      assert.throws(
        () => new HardenedDeployment("web", { ...COMPLETE, ...c.args } as HardenedDeploymentArgs),
        (error: unknown) => {
          assert.ok(error instanceof HardenedArgsError, String(error));
          assert.equal(error.arg, c.arg);
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
