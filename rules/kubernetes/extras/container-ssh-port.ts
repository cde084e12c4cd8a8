import { HARDENED_PROFILES } from "../../profile";
import { KubernetesRule } from "../kubernetes-rule";
import { declaredPorts } from "./support/container-ports";

/** The SSH port. */
const SSH_PORT = 22;

/** Hardened extra: no container serves SSH. */
export const containerSshPort: KubernetesRule = {
  id: "container-ssh-port",
  title: "Containers must not expose the SSH port",
  description:
    "A container listening on port 22 runs an SSH server: a second way in, with its own credentials to leak, beside the API server's exec, which is audited. Checked in init, regular and ephemeral containers.",
  severity: "error",
  profiles: HARDENED_PROFILES,
  target: "kubernetes",
  references: { kubeLinter: ["ssh-port"], cisDocker: ["5.6"] },
  remediation:
    "Remove the SSH server and the port; use kubectl exec or kubectl debug (audited by the API server) to reach a container.",
  checkContainer: (ctx) =>
    declaredPorts(ctx)
      .filter((p) => p.port === SSH_PORT)
      .map((p) => ({
        path: p.path,
        message: "containerPort is 22 (SSH); expected no SSH server in the container",
      })),
};
