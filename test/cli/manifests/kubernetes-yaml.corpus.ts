/**
 * YAML documents written the way an attacker (or an unlucky chart) writes them: YAML 1.1
 * booleans and integers, merge keys, duplicate keys, explicit tags, wrong types. Each is decoded
 * by `sigs.k8s.io/yaml` and the typed Kubernetes API (test/k8s-yaml-reference) and by
 * `hardened check`'s reader, and the two must agree.
 */

const POD = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n";

function container(securityContext: string): string {
  return `${POD}spec:\n  containers:\n  - name: app\n    image: app\n    securityContext:\n${securityContext
    .split("\n")
    .map((line) => `      ${line}`)
    .join("\n")}\n`;
}

const BOOLEANS = ["yes", "Yes", "YES", "on", "On", "ON", "y", "Y", "true", "True", "TRUE"];
const FALSES = ["no", "No", "NO", "off", "Off", "OFF", "n", "N", "false", "False", "FALSE"];
const ROOT_UIDS = [
  "0b0",
  "0B0",
  "00",
  "0o0",
  "0x0",
  "0X0",
  "-0",
  "+0",
  "0_0",
  "0.0",
  "0e0",
  "-0b0",
];
const INTEGERS = ["010", "0777", "0o17", "0x1F", "1_000", "08", "1e3", "1.", "+5", "-0b11", "0b_1"];

/** Named YAML documents; the name says what each one tries. */
export const KUBERNETES_YAML_CORPUS: readonly {
  readonly name: string;
  readonly yaml: string;
  /**
   * Set where we refuse on purpose what Kubernetes accepts: the message we give. Go decodes
   * these in map iteration order, so the cluster may see either value.
   */
  readonly refused?: string;
}[] = [
  ...BOOLEANS.map((w) => ({ name: `privileged: ${w}`, yaml: container(`privileged: ${w}`) })),
  ...FALSES.map((w) => ({ name: `privileged: ${w}`, yaml: container(`privileged: ${w}`) })),
  ...ROOT_UIDS.map((w) => ({ name: `runAsUser: ${w}`, yaml: container(`runAsUser: ${w}`) })),
  ...INTEGERS.map((w) => ({ name: `runAsUser: ${w}`, yaml: container(`runAsUser: ${w}`) })),
  { name: "hostNetwork: on", yaml: `${POD}spec:\n  hostNetwork: on\n  hostPID: Yes\n` },
  {
    name: "merge key from an anchor",
    yaml: `${POD}x-priv: &priv {privileged: true}\nspec:\n  containers:\n  - name: app\n    securityContext:\n      <<: *priv\n`,
  },
  {
    name: "merge key after an explicit key overrides it",
    yaml: container("privileged: false\n<<: {privileged: true}"),
  },
  {
    name: "explicit key after a merge key overrides it",
    yaml: container("<<: {privileged: true}\nprivileged: false"),
  },
  {
    name: "merge list: earlier mappings win",
    yaml: container("<<: [{privileged: false}, {privileged: true, runAsUser: 0}]"),
  },
  { name: "two merge keys", yaml: container("<<: {privileged: false}\n<<: {privileged: true}") },
  { name: "nested merge", yaml: container("<<: {<<: {privileged: true}}") },
  { name: "merge of an empty list", yaml: container("<<: []\nprivileged: true") },
  { name: "explicit !!merge tag", yaml: container("!!merge <<: {privileged: true}") },
  { name: "quoted << is an ordinary key", yaml: container("'<<': {privileged: true}") },
  { name: "merge of a scalar", yaml: container("<<: 5") },
  { name: "merge of null", yaml: container("<<: ~") },
  {
    name: "merge list holding a scalar",
    yaml: container("<<: [{privileged: true}, 5]"),
  },
  { name: "duplicate key: last wins", yaml: container("privileged: false\nprivileged: true") },
  {
    name: "duplicate key: first wins nothing",
    yaml: container("privileged: true\nprivileged: false"),
  },
  { name: "!!bool on a quoted scalar", yaml: container("privileged: !!bool 'yes'") },
  { name: "!!int on a quoted scalar", yaml: container("runAsUser: !!int '0'") },
  { name: "!!float on an integer", yaml: container("runAsUser: !!float 0") },
  { name: "!!str keeps a word a string", yaml: container("privileged: !!str yes") },
  { name: "!!int on a word", yaml: container("runAsUser: !!int abc") },
  { name: "local tag", yaml: container("privileged: !custom true") },
  { name: "binary", yaml: `${POD}data: !!binary aGVsbG8=\n` },
  { name: "keys are resolved too", yaml: `${POD}y: 1\nn: 2\non: 3\n1: 4\n0x10: 5\n1.5: 6\n` },
  {
    name: "key spelled as an int and a string",
    yaml: `${POD}x:\n  1: a\n  "1": b\n`,
    refused: 'case.yaml: document 0: x: key "1" is written both as an int and as a str',
  },
  {
    name: "sexagesimal stays a string",
    yaml: `${POD}x: 190:20:30\ny: 1:0\n`,
  },
  {
    name: "timestamps stay strings",
    yaml: `${POD}x: 2001-12-14\ny: 2001-12-14t21:59:43.10-05:00\n`,
  },
  { name: "floats", yaml: `${POD}a: .5\nb: -.5e1\nc: 1_0.5\nd: 0x1p3\ne: 1e400\nf: 1e-400\n` },
  {
    name: "big integers",
    yaml: `${POD}a: 9223372036854775808\nb: 0x8000000000000000\nc: -9223372036854775809\n`,
  },
  { name: "nulls", yaml: `${POD}a: ~\nb: Null\nc: NULL\nd:\ne: null\n` },
  { name: "not words", yaml: `${POD}a: yES\nb: oN\nc: nO\nd: True!\ne: NaN\nf: infinity\n` },
  { name: "infinity", yaml: `${POD}a: .inf\n` },
  { name: "not a number", yaml: `${POD}a: .NaN\n` },
  { name: "undefined alias", yaml: `${POD}a: *missing\n` },
  { name: "alias that contains itself", yaml: `${POD}a: &a [*a]\n` },
  { name: "sequence as a key", yaml: `${POD}? [a]\n: 1\n` },
  { name: "null key", yaml: `${POD}~: 1\n` },
  { name: "alias key", yaml: `${POD}a: &k privileged\nb: {*k : true}\n` },
  { name: "containers a string", yaml: `${POD}spec:\n  containers: x\n` },
  { name: "containers a mapping", yaml: `${POD}spec:\n  containers: {name: app}\n` },
  { name: "spec a list", yaml: `${POD}spec: []\n` },
  { name: "runAsUser a string", yaml: container('runAsUser: "0"') },
  { name: "runAsUser a fraction", yaml: container("runAsUser: 1.5") },
  { name: "runAsUser a word", yaml: container("runAsUser: 190:20:30") },
  { name: "privileged a string", yaml: container('privileged: "true"') },
  { name: "privileged a number", yaml: container("privileged: 1") },
  { name: "hostNetwork a number", yaml: `${POD}spec:\n  hostNetwork: 1\n` },
  { name: "capabilities.add a string", yaml: container("capabilities: {add: SYS_ADMIN}") },
  { name: "label a number", yaml: `${POD}  labels: {a: 1}\n` },
  {
    name: "containerPort past int32",
    yaml: `${POD}spec:\n  containers:\n  - name: app\n    ports:\n    - containerPort: 99999999999\n`,
  },
  { name: "image a boolean", yaml: `${POD}spec:\n  containers:\n  - name: app\n    image: yes\n` },
  {
    name: "Deployment template spec a string",
    yaml: "apiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    spec: x\n",
  },
  {
    name: "CronJob with YAML 1.1 values",
    yaml: "apiVersion: batch/v1\nkind: CronJob\nspec:\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          hostIPC: ON\n          securityContext: {runAsUser: 0x0, runAsNonRoot: n}\n",
  },
  {
    name: "sysctl value a number",
    yaml: `${POD}spec:\n  securityContext:\n    sysctls: [{name: a, value: 1}]\n`,
  },
  {
    name: "supplementalGroups as words",
    yaml: `${POD}spec:\n  securityContext:\n    supplementalGroups: [0b0, 010]\n`,
  },
  { name: "null containers", yaml: `${POD}spec:\n  containers: ~\n` },
  { name: "quoted word stays a string", yaml: `${POD}a: 'yes'\nb: "0b0"\n` },
  { name: "block scalars are strings", yaml: `${POD}a: |\n  yes\nb: >-\n  0\n` },
];
