/**
 * The types the API server gives to the workload fields the rules read. A value of another type
 * makes the API server reject the object, so `hardened check` refuses it too instead of reading
 * it as unset, and the pack reports it (`field-types`). Fields not listed here are not checked.
 */

/** A field type, as the API server decodes JSON into it. */
export type FieldType =
  | "string"
  | "bool"
  | "int32"
  | "int64"
  | "intOrString"
  | "quantity"
  | "stringMap"
  | "quantityMap"
  | "any"
  | { readonly list: FieldType }
  | { readonly object: Readonly<Record<string, FieldType>> };

const list = (item: FieldType): FieldType => ({ list: item });
const object = (fields: Record<string, FieldType>): FieldType => ({ object: fields });

const objectMeta = object({
  name: "string",
  namespace: "string",
  labels: "stringMap",
  annotations: "stringMap",
});

const profile = object({ type: "string", localhostProfile: "string" });
const seLinuxOptions = object({ user: "string", role: "string", type: "string", level: "string" });
const windowsOptions = object({
  hostProcess: "bool",
  runAsUserName: "string",
  gmsaCredentialSpecName: "string",
  gmsaCredentialSpec: "string",
});

const commonSecurityContext: Record<string, FieldType> = {
  runAsNonRoot: "bool",
  runAsUser: "int64",
  runAsGroup: "int64",
  seccompProfile: profile,
  appArmorProfile: profile,
  seLinuxOptions,
  windowsOptions,
};

const handler = object({
  exec: object({ command: list("string") }),
  httpGet: object({ host: "string", path: "string", port: "intOrString", scheme: "string" }),
  tcpSocket: object({ host: "string", port: "intOrString" }),
  grpc: object({ port: "int32", service: "string" }),
});

const probe = object({
  exec: object({ command: list("string") }),
  httpGet: object({ host: "string", path: "string", port: "intOrString", scheme: "string" }),
  tcpSocket: object({ host: "string", port: "intOrString" }),
  grpc: object({ port: "int32", service: "string" }),
  initialDelaySeconds: "int32",
  timeoutSeconds: "int32",
  periodSeconds: "int32",
  successThreshold: "int32",
  failureThreshold: "int32",
});

const container = object({
  name: "string",
  image: "string",
  imagePullPolicy: "string",
  command: list("string"),
  args: list("string"),
  workingDir: "string",
  securityContext: object({
    ...commonSecurityContext,
    privileged: "bool",
    allowPrivilegeEscalation: "bool",
    readOnlyRootFilesystem: "bool",
    procMount: "string",
    capabilities: object({ add: list("string"), drop: list("string") }),
  }),
  ports: list(
    object({
      name: "string",
      containerPort: "int32",
      hostPort: "int32",
      hostIP: "string",
      protocol: "string",
    }),
  ),
  env: list(object({ name: "string", value: "string", valueFrom: "any" })),
  resources: object({ limits: "quantityMap", requests: "quantityMap" }),
  volumeMounts: list(
    object({
      name: "string",
      mountPath: "string",
      subPath: "string",
      readOnly: "bool",
      mountPropagation: "string",
    }),
  ),
  livenessProbe: probe,
  readinessProbe: probe,
  startupProbe: probe,
  lifecycle: object({ postStart: handler, preStop: handler }),
  stdin: "bool",
  tty: "bool",
});

const volume = object({
  name: "string",
  hostPath: object({ path: "string", type: "string" }),
  emptyDir: object({ medium: "string", sizeLimit: "quantity" }),
  secret: object({ secretName: "string", defaultMode: "int32", optional: "bool" }),
  configMap: object({ name: "string", defaultMode: "int32", optional: "bool" }),
});

/** The pod spec fields the rules read. */
export const POD_SPEC: FieldType = object({
  os: object({ name: "string" }),
  hostNetwork: "bool",
  hostPID: "bool",
  hostIPC: "bool",
  hostUsers: "bool",
  shareProcessNamespace: "bool",
  serviceAccountName: "string",
  serviceAccount: "string",
  automountServiceAccountToken: "bool",
  nodeName: "string",
  securityContext: object({
    ...commonSecurityContext,
    fsGroup: "int64",
    fsGroupChangePolicy: "string",
    supplementalGroups: list("int64"),
    sysctls: list(object({ name: "string", value: "string" })),
  }),
  initContainers: list(container),
  containers: list(container),
  ephemeralContainers: list(container),
  volumes: list(volume),
});

const podTemplate = object({ metadata: objectMeta, spec: POD_SPEC });
const withTemplate = object({ template: podTemplate });

/**
 * The schema of each workload kind from its root, as far as the pod template; the same keys as
 * `WORKLOAD_SHAPES`.
 */
export const WORKLOAD_SCHEMAS: Readonly<Record<string, FieldType>> = {
  Pod: object({ metadata: objectMeta, spec: POD_SPEC }),
  PodTemplate: object({ metadata: objectMeta, template: podTemplate }),
  ReplicationController: object({ metadata: objectMeta, spec: withTemplate }),
  ReplicaSet: object({ metadata: objectMeta, spec: withTemplate }),
  Deployment: object({ metadata: objectMeta, spec: withTemplate }),
  StatefulSet: object({ metadata: objectMeta, spec: withTemplate }),
  DaemonSet: object({ metadata: objectMeta, spec: withTemplate }),
  Job: object({ metadata: objectMeta, spec: withTemplate }),
  CronJob: object({
    metadata: objectMeta,
    spec: object({ jobTemplate: object({ metadata: objectMeta, spec: withTemplate }) }),
  }),
};

/** The schema every other object kind is held to. */
export const ANY_OBJECT_SCHEMA: FieldType = object({ metadata: objectMeta });
