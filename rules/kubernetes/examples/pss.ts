import { RuleExample } from "../../example";
import { podManifest } from "./pod-manifest";

const securityContext = (...fields: string[]) =>
  podManifest({ container: ["securityContext:", ...fields.map((f) => `  ${f}`)] });

const podSecurityContext = (...fields: string[]) =>
  podManifest({ pod: ["securityContext:", ...fields.map((f) => `  ${f}`)] });

const emptyDirVolume = ["volumes:", "  - name: data", "    emptyDir:", "      sizeLimit: 64Mi"];

/** The examples of the Pod Security Standards rules, by rule id. */
export const PSS_EXAMPLES: Readonly<Record<string, RuleExample>> = {
  "host-namespaces": {
    failing: podManifest({ pod: ["hostPID: true"] }),
    passing: podManifest({ pod: ["hostPID: false"] }),
  },
  privileged: {
    failing: securityContext("privileged: true"),
    passing: securityContext("privileged: false"),
  },
  "capabilities-baseline": {
    failing: securityContext("capabilities:", "  add: [SYS_ADMIN]"),
    passing: securityContext("capabilities:", "  add: [NET_BIND_SERVICE]"),
  },
  "host-path-volumes": {
    failing: podManifest({
      pod: ["volumes:", "  - name: data", "    hostPath:", "      path: /srv/data"],
    }),
    passing: podManifest({ pod: emptyDirVolume }),
  },
  "host-ports": {
    failing: podManifest({
      container: ["ports:", "  - containerPort: 8080", "    hostPort: 8080"],
    }),
    passing: podManifest({ container: ["ports:", "  - containerPort: 8080"] }),
  },
  apparmor: {
    failing: podSecurityContext("appArmorProfile:", "  type: Unconfined"),
    passing: podSecurityContext("appArmorProfile:", "  type: RuntimeDefault"),
  },
  selinux: {
    failing: podSecurityContext("seLinuxOptions:", "  type: spc_t"),
    passing: podSecurityContext("seLinuxOptions:", "  type: container_t"),
  },
  "proc-mount": {
    failing: securityContext("procMount: Unmasked"),
    passing: securityContext("procMount: Default"),
  },
  "seccomp-baseline": {
    failing: podSecurityContext("seccompProfile:", "  type: Unconfined"),
    passing: podSecurityContext("seccompProfile:", "  type: RuntimeDefault"),
  },
  sysctls: {
    failing: podSecurityContext("sysctls:", "  - name: kernel.msgmax", '    value: "65536"'),
    passing: podSecurityContext("sysctls:", "  - name: net.ipv4.tcp_syncookies", '    value: "1"'),
  },
  "windows-host-process": {
    failing: securityContext("windowsOptions:", "  hostProcess: true"),
    passing: securityContext("windowsOptions:", "  hostProcess: false"),
  },
  "host-probes-lifecycle": {
    failing: podManifest({
      container: ["livenessProbe:", "  httpGet:", "    host: 10.0.0.1", "    port: 8080"],
    }),
    passing: podManifest({ container: ["livenessProbe:", "  httpGet:", "    port: 8080"] }),
  },
  "volume-types": {
    failing: podManifest({
      pod: [
        "volumes:",
        "  - name: src",
        "    gitRepo:",
        "      repository: https://github.com/acme/web",
      ],
    }),
    passing: podManifest({
      pod: ["volumes:", "  - name: src", "    configMap:", "      name: web-src"],
    }),
  },
  "allow-privilege-escalation": {
    failing: securityContext("allowPrivilegeEscalation: true"),
    passing: securityContext("allowPrivilegeEscalation: false"),
  },
  "run-as-non-root": {
    failing: securityContext("runAsNonRoot: false"),
    passing: securityContext("runAsNonRoot: true"),
  },
  "run-as-user": {
    failing: securityContext("runAsUser: 0"),
    passing: securityContext("runAsUser: 65532"),
  },
  "seccomp-restricted": {
    failing: securityContext("runAsNonRoot: true"),
    passing: securityContext("runAsNonRoot: true", "seccompProfile:", "  type: RuntimeDefault"),
  },
  "capabilities-restricted": {
    failing: securityContext("capabilities:", "  add: [NET_BIND_SERVICE]"),
    passing: securityContext("capabilities:", "  drop: [ALL]", "  add: [NET_BIND_SERVICE]"),
  },
  "proc-mount-restricted": {
    failing: podManifest({
      container: ["securityContext:", "  procMount: Unmasked"],
      pod: ["hostUsers: false"],
    }),
    passing: podManifest({
      container: ["securityContext:", "  procMount: Default"],
      pod: ["hostUsers: false"],
    }),
  },
};
