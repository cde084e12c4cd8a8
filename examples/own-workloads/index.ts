import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { hardenPodSpec } from "../../components/harden-pod-spec";
import { exemptionAnnotations } from "../../components/hardened-deployment";

const config = new pulumi.Config("own-workloads");
const image = config.require("image");
const dbImage = config.require("dbImage");

/** Renders manifests to a directory instead of talking to a cluster. */
const provider = new k8s.Provider("render", {
  renderYamlToDirectory: config.get("renderDir") ?? "rendered",
});
const opts = { provider };

/** The requests and memory limit every container here gets. */
const resources = { requests: { cpu: "100m", memory: "256Mi" }, limits: { memory: "256Mi" } };

/** A dedicated ServiceAccount that mounts no token, one per workload. */
function serviceAccount(name: string): k8s.core.v1.ServiceAccount {
  return new k8s.core.v1.ServiceAccount(
    name,
    { metadata: { name, namespace: "shop" }, automountServiceAccountToken: false },
    opts,
  );
}

serviceAccount("db");
const exemptions = [
  { rule: "high-uid", reason: "the postgres image's data files belong to uid 999" },
];
export const db = new k8s.apps.v1.StatefulSet(
  "db",
  {
    metadata: { name: "db", namespace: "shop", annotations: exemptionAnnotations(exemptions) },
    spec: {
      serviceName: "db",
      selector: { matchLabels: { app: "db" } },
      template: {
        metadata: { labels: { app: "db" } },
        spec: hardenPodSpec(
          {
            serviceAccountName: "db",
            containers: [
              {
                name: "db",
                image: dbImage,
                ports: [{ name: "pg", containerPort: 5432 }],
                resources,
                livenessProbe: { tcpSocket: { port: "pg" } },
                readinessProbe: { exec: { command: ["pg_isready", "-h", "127.0.0.1"] } },
                volumeMounts: [{ name: "data", mountPath: "/var/lib/postgresql/data" }],
              },
            ],
          },
          {
            workload: { kind: "StatefulSet", name: "db", namespace: "shop" },
            user: { uid: 999, gid: 999 },
            exemptions,
            writablePaths: ["/var/run/postgresql"],
          },
        ),
      },
      volumeClaimTemplates: [
        {
          metadata: { name: "data" },
          spec: { accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "10Gi" } } },
        },
      ],
    },
  },
  opts,
);

serviceAccount("migrate");
export const migrate = new k8s.batch.v1.Job(
  "migrate",
  {
    metadata: { name: "migrate", namespace: "shop" },
    spec: {
      backoffLimit: 2,
      template: {
        spec: hardenPodSpec(
          {
            serviceAccountName: "migrate",
            restartPolicy: "Never",
            containers: [{ name: "migrate", image, command: ["/app", "migrate"], resources }],
          },
          { workload: { kind: "Job", name: "migrate", namespace: "shop" } },
        ),
      },
    },
  },
  opts,
);

serviceAccount("report");
export const report = new k8s.batch.v1.CronJob(
  "report",
  {
    metadata: { name: "report", namespace: "shop" },
    spec: {
      schedule: "0 3 * * *",
      concurrencyPolicy: "Forbid",
      jobTemplate: {
        spec: {
          template: {
            spec: hardenPodSpec(
              {
                serviceAccountName: "report",
                restartPolicy: "OnFailure",
                containers: [{ name: "report", image, command: ["/app", "report"], resources }],
              },
              {
                workload: { kind: "CronJob", name: "report", namespace: "shop" },
                writablePaths: [{ path: "/var/reports", sizeLimit: "1Gi" }],
              },
            ),
          },
        },
      },
    },
  },
  opts,
);
