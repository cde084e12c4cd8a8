import { HARDENED_PROFILES } from "../../profile";
import { KubernetesRule } from "../kubernetes-rule";
import { declaredPorts } from "./support/container-ports";

/** Ports below this one need root or NET_BIND_SERVICE to bind. */
const FIRST_UNPRIVILEGED_PORT = 1024;

/** Hardened extra: containers listen on unprivileged ports. */
export const containerPrivilegedPort: KubernetesRule = {
  id: "container-privileged-port",
  title: "Containers must listen on ports from 1024 up",
  description:
    "Binding a port below 1024 needs root or the NET_BIND_SERVICE capability, which a hardened container (non-root, drop ALL) does not have: the port either fails at start or is the sign of a container that kept privileges. Port 22 is container-ssh-port's. Checked in init, regular and ephemeral containers.",
  severity: "warning",
  profiles: HARDENED_PROFILES,
  target: "kubernetes",
  references: { kubeLinter: ["privileged-ports"], cisDocker: ["5.7"] },
  remediation:
    "Listen on a port from 1024 up (8080 for HTTP) and map the well-known port in the Service (port: 80, targetPort: 8080).",
  checkContainer: (ctx) =>
    declaredPorts(ctx)
      .filter((p) => p.port > 0 && p.port < FIRST_UNPRIVILEGED_PORT && p.port !== 22)
      .map((p) => ({
        path: p.path,
        message: `containerPort is ${p.port}, below 1024, which needs root or NET_BIND_SERVICE to bind; expected a port from 1024 up`,
      })),
};
