import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { AppliedControl, appliedControls } from "./applied-controls";
import { HardenedDeploymentArgs } from "./args";
import { logFindings, logUnusedExemptions } from "../shared/log-findings";
import { checkWorkload } from "./check-workload";
import { containerInputs } from "./container-spec";
import { ResolvedInputs, deploymentObject } from "./deployment-object";
import { planDeployment } from "./plan";
import { HARDENED_AUTOMOUNT_SERVICE_ACCOUNT_TOKEN } from "./security-context";

/** The Pulumi type token of {@link HardenedDeployment}. */
export const HARDENED_DEPLOYMENT_TYPE = "hardened:index:HardenedDeployment";

type Plain = Record<string, unknown>;

function isPlainData(value: unknown): boolean {
  if (pulumi.Output.isInstance(value) || value instanceof Promise) {
    return false;
  }
  if (typeof value === "object" && value !== null) {
    return Object.values(value).every(isPlainData);
  }
  return true;
}

/**
 * A Kubernetes Deployment whose pods pass every rule of the `hardened` profile (and so `restricted`
 * and `baseline`) out of the box: non-root numeric user and group, RuntimeDefault seccomp, no
 * service account token, a dedicated ServiceAccount, read-only root filesystem with size-limited
 * writable paths, no privilege escalation, all capabilities dropped, a digest-pinned image and
 * resource requests with a memory limit; with a Service, a PodDisruptionBudget, a default-deny
 * NetworkPolicy and soft topology spread. Volumes (mounted read-only unless a claim asks to write),
 * sidecars and init containers (each hardened like the application container), scheduling, pod
 * metadata and an optional HorizontalPodAutoscaler make it fit a real service.
 *
 * The Deployment is built as plain data and run through the same rules as `hardened check` and
 * the policy pack before it is emitted: an override that breaks a rule fails with the rule id, the
 * field and the value, unless `exemptions` accepts it with a reason. When every input is a plain
 * value the check runs in the constructor, which throws. Values that are outputs (an image from a
 * HardenedImage, a namespace) are checked once known, and a failure fails the deployment of the
 * Deployment; during a preview in which they are unknown, the check waits for them (the pod spec
 * shows as unknown in that preview).
 */
export class HardenedDeployment extends pulumi.ComponentResource {
  /** The Deployment. */
  public readonly deployment: k8s.apps.v1.Deployment;
  /** The dedicated ServiceAccount, unless `serviceAccountName` names an existing one. */
  public readonly serviceAccount?: k8s.core.v1.ServiceAccount;
  /** The Service, when there are ports and it is not removed. */
  public readonly service?: k8s.core.v1.Service;
  /** The PodDisruptionBudget, when replicas > 1 or it is configured, and not removed. */
  public readonly podDisruptionBudget?: k8s.policy.v1.PodDisruptionBudget;
  /** The NetworkPolicy, unless removed. */
  public readonly networkPolicy?: k8s.networking.v1.NetworkPolicy;
  /** The HorizontalPodAutoscaler, when `autoscaling` is given. */
  public readonly autoscaler?: k8s.autoscaling.v2.HorizontalPodAutoscaler;
  /** The final pod spec, as sent to Kubernetes. */
  public readonly podSpec: pulumi.Output<Plain>;
  /** The hardening defaults in effect, each with the rule ids it satisfies. */
  public readonly appliedControls: pulumi.Output<AppliedControl[]>;

  constructor(name: string, args: HardenedDeploymentArgs, opts?: pulumi.ComponentResourceOptions) {
    super(HARDENED_DEPLOYMENT_TYPE, name, {}, opts);
    const plan = planDeployment(name, args);
    const inputs = {
      namespace: args.namespace,
      containers: [args, ...(args.sidecars ?? [])].map(containerInputs),
      initContainers: (args.initContainers ?? []).map(containerInputs),
      volumes: plan.volumes,
      scheduling: {
        nodeSelector: args.nodeSelector,
        tolerations: args.tolerations,
        affinity: args.affinity,
      },
    };
    const build = (known: pulumi.Unwrap<typeof inputs>) => {
      const built = deploymentObject(
        plan,
        {
          securityContext: args.securityContext,
          automountServiceAccountToken:
            args.automountServiceAccountToken ?? HARDENED_AUTOMOUNT_SERVICE_ACCOUNT_TOKEN,
          topologySpread: args.topologySpread,
          imagePullSecrets: args.imagePullSecrets,
          priorityClassName: args.priorityClassName,
          terminationGracePeriodSeconds: args.terminationGracePeriodSeconds,
        },
        known as ResolvedInputs,
      );
      const findings = checkWorkload(built.workload, plan.owner, args.ruleOptions);
      logFindings(findings, this);
      logUnusedExemptions(findings, plan.exemptions, "args.exemptions", this);
      return built;
    };
    const checked: pulumi.Output<ReturnType<typeof build>> = isPlainData(inputs)
      ? (pulumi.output(build(inputs as pulumi.Unwrap<typeof inputs>)) as unknown as pulumi.Output<
          ReturnType<typeof build>
        >)
      : pulumi.output(inputs).apply(build);
    const workload = checked.apply((c) => c.workload);
    const child = { parent: this };
    this.serviceAccount =
      plan.serviceAccount === undefined
        ? undefined
        : new k8s.core.v1.ServiceAccount(name, plan.serviceAccount, child);
    this.deployment = new k8s.apps.v1.Deployment(
      name,
      {
        metadata: workload.apply((w) => w.metadata as k8s.types.input.meta.v1.ObjectMeta),
        spec: workload.apply((w) => w.spec as k8s.types.input.apps.v1.DeploymentSpec),
      },
      this.serviceAccount === undefined ? child : { ...child, dependsOn: [this.serviceAccount] },
    );
    this.service =
      plan.service === undefined ? undefined : new k8s.core.v1.Service(name, plan.service, child);
    this.podDisruptionBudget =
      plan.podDisruptionBudget === undefined
        ? undefined
        : new k8s.policy.v1.PodDisruptionBudget(name, plan.podDisruptionBudget, child);
    this.networkPolicy =
      plan.networkPolicy === undefined
        ? undefined
        : new k8s.networking.v1.NetworkPolicy(name, plan.networkPolicy, child);
    this.autoscaler =
      plan.autoscaler === undefined
        ? undefined
        : new k8s.autoscaling.v2.HorizontalPodAutoscaler(name, plan.autoscaler, child);
    this.podSpec = workload.apply((w) => ((w.spec as Plain).template as Plain).spec as Plain);
    this.appliedControls = checked.apply((c) =>
      appliedControls(
        ((c.workload.spec as Plain).template as Plain).spec as Plain,
        "spec.template.spec",
        c.user,
        plan.serviceAccount !== undefined,
      ),
    );
    this.registerOutputs({
      deployment: this.deployment,
      serviceAccount: this.serviceAccount,
      service: this.service,
      podDisruptionBudget: this.podDisruptionBudget,
      networkPolicy: this.networkPolicy,
      autoscaler: this.autoscaler,
      podSpec: this.podSpec,
      appliedControls: this.appliedControls,
    });
  }
}
