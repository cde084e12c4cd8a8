import { CONTAINER_LISTS } from "./pod-context";
import { WORKLOAD_SHAPES, isWorkloadKind } from "./workload-kinds";

/*
 * Pure, mechanical fixes for pod specs, each carried by the rule it fixes (`KubernetesRule.fix`).
 * They copy only what they change and treat every value that is not a plain object or array
 * (secrets, values not known yet, wrong types) as opaque: such a value is never read into, never
 * replaced unless the fix replaces that very field, and kept as is otherwise.
 */

type PlainObject = Record<string, unknown>;

/** A fix for one pod spec: returns the fixed copy, or undefined when there is nothing to change. */
export type PodSpecFix = (spec: PlainObject) => PlainObject | undefined;

function isPlainObject(value: unknown): value is PlainObject {
  return (
    typeof value === "object" &&
    value !== null &&
    !Array.isArray(value) &&
    Object.getPrototypeOf(value) === Object.prototype
  );
}

/** Sets `field` of a nested securityContext-like object unless it already has `value`. */
function setField(
  owner: PlainObject,
  key: string,
  field: string,
  value: unknown,
  shouldReplace: (current: unknown) => boolean,
): PlainObject | undefined {
  const current = owner[key];
  if (current === undefined) {
    return { ...owner, [key]: { [field]: value } };
  }
  if (!isPlainObject(current) || !shouldReplace(current[field])) {
    return undefined;
  }
  return { ...owner, [key]: { ...current, [field]: value } };
}

/** A fix applying `fixContainer` to every container in every list. */
function eachContainer(fixContainer: (c: PlainObject) => PlainObject | undefined): PodSpecFix {
  return (spec) => {
    let out: PlainObject | undefined;
    for (const list of CONTAINER_LISTS) {
      const items = spec[list];
      if (!Array.isArray(items)) {
        continue;
      }
      let changed = false;
      const fixed = items.map((item: unknown) => {
        const result = isPlainObject(item) ? fixContainer(item) : undefined;
        changed = changed || result !== undefined;
        return result ?? item;
      });
      if (changed) {
        out = { ...(out ?? spec), [list]: fixed };
      }
    }
    return out;
  };
}

const securityContextField = (field: string, value: unknown): PodSpecFix =>
  eachContainer((c) => setField(c, "securityContext", field, value, (v) => v !== value));

/** Every container: `securityContext.readOnlyRootFilesystem: true`. */
export const setReadOnlyRootFilesystem = securityContextField("readOnlyRootFilesystem", true);

/** Every container: `securityContext.allowPrivilegeEscalation: false`. */
export const disallowPrivilegeEscalation = securityContextField("allowPrivilegeEscalation", false);

/**
 * Every container: `securityContext.runAsNonRoot: true`; and the pod's `runAsNonRoot: true` where
 * it says `false` (which the standard reports even when every container overrides it).
 */
export const setRunAsNonRoot: PodSpecFix = (spec) => {
  const pod = setField(spec, "securityContext", "runAsNonRoot", true, (v) => v === false);
  const podFixed = isPlainObject(spec.securityContext) ? pod : undefined;
  const base = podFixed ?? spec;
  return securityContextField("runAsNonRoot", true)(base) ?? podFixed;
};

/** Every container: `securityContext.capabilities.drop` is `["ALL"]`, added capabilities kept. */
export const dropAllCapabilities: PodSpecFix = eachContainer((c) => {
  const context = c.securityContext;
  if (context !== undefined && !isPlainObject(context)) {
    return undefined;
  }
  const fixed = setField(
    context ?? {},
    "capabilities",
    "drop",
    ["ALL"],
    (drop) => !(Array.isArray(drop) && drop.includes("ALL")),
  );
  return fixed && { ...c, securityContext: fixed };
});

/** True for a seccomp profile of type `Unconfined`. */
const isUnconfined = (profile: unknown): boolean =>
  isPlainObject(profile) && profile.type === "Unconfined";

/**
 * Pod `securityContext.seccompProfile: {type: RuntimeDefault}` when unset or `Unconfined`, and
 * every container whose own profile is `Unconfined` set to `RuntimeDefault`.
 */
export const setSeccompRuntimeDefault: PodSpecFix = (spec) => {
  const runtimeDefault = { type: "RuntimeDefault" };
  const pod = setField(
    spec,
    "securityContext",
    "seccompProfile",
    runtimeDefault,
    (v) => v === undefined || isUnconfined(v),
  );
  const base = pod ?? spec;
  const containers = eachContainer((c) =>
    setField(c, "securityContext", "seccompProfile", runtimeDefault, isUnconfined),
  )(base);
  return containers ?? pod;
};

/** Pod `automountServiceAccountToken: false`. */
export const disableServiceAccountTokenAutomount: PodSpecFix = (spec) =>
  spec.automountServiceAccountToken === false
    ? undefined
    : { ...spec, automountServiceAccountToken: false };

/** `spec` with each of `fixes` applied in turn (the same object when none changes it). */
export function applyFixes(spec: PlainObject, fixes: readonly PodSpecFix[]): PlainObject {
  return fixes.reduce((current, fix) => fix(current) ?? current, spec);
}

/**
 * Applies `fix` to the pod spec of a workload object of `kind` (at its real path for the kind).
 * Returns the fixed copy of the object, or undefined when nothing changes or the pod spec cannot
 * be reached (not a workload, or a value on the way is not a plain object).
 */
export function fixWorkload(
  object: PlainObject,
  kind: string,
  fix: PodSpecFix,
): PlainObject | undefined {
  if (!isWorkloadKind(kind)) {
    return undefined;
  }
  const apply = (node: unknown, segments: readonly string[]): PlainObject | undefined => {
    if (!isPlainObject(node)) {
      return undefined;
    }
    if (segments.length === 0) {
      return fix(node);
    }
    const [head, ...rest] = segments;
    const fixed = apply(node[head], rest);
    return fixed && { ...node, [head]: fixed };
  };
  return apply(object, WORKLOAD_SHAPES[kind].spec);
}
