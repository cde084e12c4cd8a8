/**
 * The root program (`Pulumi.yaml` at the repository root, `main: program/`): the Python example,
 * HardenedImage (python preset) deployed by HardenedDeployment, so that `pulumi preview
 * --policy-pack policies` at the root runs it against the policy pack. Its stack outputs are the
 * example's: `ref`, `user`, `baseImages`, `report`, `podSpec`.
 */
export * from "../examples/python-multistage/index";
