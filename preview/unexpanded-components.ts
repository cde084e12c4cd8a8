/** A component whose children a run under mocks cannot see. */
export interface UnexpandedComponent {
  /** Its Pulumi type token, e.g. `kubernetes:helm.sh/v4:Chart`. */
  readonly type: string;
  /** Its name in the program. */
  readonly name: string;
}

/**
 * Components of the Kubernetes SDK that build their children from a provider call (`yaml:decode`,
 * `helm:template`, `kustomize:directory`), which mocks answer with nothing.
 */
const EXPANDED_BY_PROVIDER_CALL: ReadonlySet<string> = new Set([
  "kubernetes:yaml:ConfigFile",
  "kubernetes:yaml:ConfigGroup",
  "kubernetes:helm.sh/v3:Chart",
  "kubernetes:kustomize:Directory",
]);

/**
 * True for a component whose children only the real engine produces: a remote component (its
 * provider constructs the children, as for `helm.v4.Chart`, `yaml.v2.ConfigGroup`,
 * `kustomize.v2.Directory`), or one of the SDK components that expand from a provider call.
 */
export function expandsOnlyUnderEngine(component: UnexpandedComponent, remote: boolean): boolean {
  return remote || EXPANDED_BY_PROVIDER_CALL.has(component.type);
}
