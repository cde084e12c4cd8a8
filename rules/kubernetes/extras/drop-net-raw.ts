import { HARDENED_PROFILES } from "../../profile";
import { KubernetesRule } from "../kubernetes-rule";
import { capabilityEntries, capabilityListPath } from "./support/capabilities";
import { isWindowsPod } from "./support/linux-only";

/** Hardened extra: NET_RAW is dropped (by `ALL` or by name) and not added back. */
export const dropNetRaw: KubernetesRule = {
  id: "drop-net-raw",
  title: "Containers must drop the NET_RAW capability",
  description:
    "NET_RAW lets a process forge packets: ARP and DNS spoofing of its neighbours on the node's network. It is in the runtimes' default set, so it must be dropped, by ALL or by name, and must not be added back (add NET_RAW or ALL is reported at that entry; a missing drop at capabilities.drop). Capability names are read as the runtimes read them: case-insensitive, with or without CAP_. PSS capabilities-restricted (drop ALL, add nothing but NET_BIND_SERVICE) and capabilities-baseline are stronger, and dangerous-capabilities reports an added ALL: where one of them reports the same field, this finding is dropped so each problem is reported once; it shows when they are exempted or not evaluated, so NET_RAW stays dropped in a container exempted from them for another capability. Visits init, regular and ephemeral containers; Windows pods are skipped.",
  severity: "error",
  profiles: HARDENED_PROFILES,
  target: "kubernetes",
  references: {
    cisKubernetes: ["5.2.8"],
    kubeLinter: ["drop-net-raw-capability"],
    checkov: ["CKV_K8S_28"],
    kyverno: ["require-drop-cap-net-raw"],
  },
  remediation:
    'Set securityContext.capabilities.drop: ["ALL"] (or at least "NET_RAW") and remove NET_RAW and ALL from capabilities.add.',
  coveredBy: ["capabilities-baseline", "capabilities-restricted", "dangerous-capabilities"],
  checkContainer: (ctx, pod) => {
    if (isWindowsPod(pod)) {
      return [];
    }
    const added = capabilityEntries(ctx, "add").find(
      (c) => c.name === "NET_RAW" || c.name === "ALL",
    );
    if (added) {
      return [
        {
          path: added.path,
          message: `capabilities.add grants ${JSON.stringify(added.raw)}, which includes NET_RAW; expected NET_RAW not to be added`,
        },
      ];
    }
    const drop = capabilityEntries(ctx, "drop");
    if (drop.some((c) => c.name === "ALL" || c.name === "NET_RAW")) {
      return [];
    }
    return [
      {
        path: capabilityListPath(ctx, "drop"),
        message: `capabilities.drop is ${drop.length === 0 ? "empty or unset" : JSON.stringify(drop.map((c) => c.raw))}; expected it to include "ALL" or "NET_RAW"`,
      },
    ];
  },
};
