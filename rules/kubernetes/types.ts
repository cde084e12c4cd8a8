/*
 * The parts of the Kubernetes API that the rules read. Every field is optional because manifests
 * come from users: rules must treat missing fields, and fields of the wrong type, as unset.
 */

/** Object metadata. */
export interface ObjectMeta {
  readonly name?: string;
  readonly namespace?: string;
  readonly annotations?: Readonly<Record<string, string>>;
  readonly labels?: Readonly<Record<string, string>>;
}

/** A `seccompProfile` or `appArmorProfile` value. */
export interface ProfileSpec {
  readonly type?: string;
  readonly localhostProfile?: string;
}

/** SELinux options. */
export interface SELinuxOptions {
  readonly type?: string;
  readonly user?: string;
  readonly role?: string;
  readonly level?: string;
}

/** Windows options. */
export interface WindowsOptions {
  readonly hostProcess?: boolean;
}

/** Fields shared by pod and container security contexts. */
export interface CommonSecurityContext {
  readonly runAsNonRoot?: boolean;
  readonly runAsUser?: number;
  readonly runAsGroup?: number;
  readonly seccompProfile?: ProfileSpec;
  readonly appArmorProfile?: ProfileSpec;
  readonly seLinuxOptions?: SELinuxOptions;
  readonly windowsOptions?: WindowsOptions;
}

/** A pod's securityContext. */
export interface PodSecurityContext extends CommonSecurityContext {
  readonly fsGroup?: number;
  readonly supplementalGroups?: readonly number[];
  readonly sysctls?: readonly { readonly name?: string; readonly value?: string }[];
}

/** A container's securityContext. */
export interface SecurityContext extends CommonSecurityContext {
  readonly privileged?: boolean;
  readonly allowPrivilegeEscalation?: boolean;
  readonly readOnlyRootFilesystem?: boolean;
  readonly procMount?: string;
  readonly capabilities?: { readonly add?: readonly string[]; readonly drop?: readonly string[] };
}

/** A probe or lifecycle handler. */
export interface Handler {
  readonly httpGet?: {
    readonly host?: string;
    readonly path?: string;
    readonly port?: number | string;
  };
  readonly tcpSocket?: { readonly host?: string; readonly port?: number | string };
  readonly exec?: { readonly command?: readonly string[] };
  readonly grpc?: { readonly port?: number };
}

/** A container, init container or ephemeral container. */
export interface Container {
  readonly name?: string;
  readonly image?: string;
  readonly securityContext?: SecurityContext;
  readonly ports?: readonly {
    readonly containerPort?: number;
    readonly hostPort?: number;
    readonly name?: string;
  }[];
  readonly env?: readonly {
    readonly name?: string;
    readonly value?: string;
    readonly valueFrom?: unknown;
  }[];
  readonly envFrom?: readonly unknown[];
  readonly resources?: {
    readonly requests?: Readonly<Record<string, string | number>>;
    readonly limits?: Readonly<Record<string, string | number>>;
  };
  readonly livenessProbe?: Handler;
  readonly readinessProbe?: Handler;
  readonly startupProbe?: Handler;
  readonly lifecycle?: { readonly postStart?: Handler; readonly preStop?: Handler };
  readonly volumeMounts?: readonly {
    readonly name?: string;
    readonly mountPath?: string;
    readonly readOnly?: boolean;
  }[];
}

/** A pod volume. Only the source kind and the fields rules read are modelled. */
export interface Volume {
  readonly name?: string;
  readonly hostPath?: { readonly path?: string; readonly type?: string };
  readonly emptyDir?: { readonly medium?: string; readonly sizeLimit?: string | number };
  readonly [source: string]: unknown;
}

/** A pod spec. */
export interface PodSpec {
  readonly os?: { readonly name?: string };
  readonly hostNetwork?: boolean;
  readonly hostPID?: boolean;
  readonly hostIPC?: boolean;
  readonly hostUsers?: boolean;
  readonly securityContext?: PodSecurityContext;
  readonly serviceAccountName?: string;
  readonly serviceAccount?: string;
  readonly automountServiceAccountToken?: boolean;
  readonly initContainers?: readonly Container[];
  readonly containers?: readonly Container[];
  readonly ephemeralContainers?: readonly Container[];
  readonly volumes?: readonly Volume[];
}

/** Any Kubernetes object as read from a manifest. */
export interface KubernetesObject {
  readonly apiVersion?: string;
  readonly kind?: string;
  readonly metadata?: ObjectMeta;
  readonly [field: string]: unknown;
}
