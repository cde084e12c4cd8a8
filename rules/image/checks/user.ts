import { BASELINE_PROFILES, RESTRICTED_PROFILES } from "../../profile";
import { ImageRule } from "../image-rule";
import { parseUser, passwdOf, resolveUid } from "../passwd";

const USER_PATH = "config.User";

/** The image runs as a non-root user. */
export const imageUserNonRoot: ImageRule = {
  id: "image-user-non-root",
  title: "The image's USER must be a non-root user",
  description:
    "An image without USER, or with USER root or 0, runs its process as root unless every platform that runs it overrides the user. A root process in a container owns the container file system and is one kernel or runtime bug away from the host.",
  severity: "error",
  profiles: BASELINE_PROFILES,
  target: "image",
  references: {
    cisDocker: ["4.1"],
    trivy: ["DS002"],
    dockle: ["CIS-DI-0001"],
    hadolint: ["DL3002"],
  },
  remediation:
    "Set USER <uid>:<gid> with a non-zero UID as the last USER of the final stage (distroless: USER 65532:65532).",
  check: ({ model, fs }) => {
    const value = model.config.user;
    const spec = parseUser(value);
    const uid = resolveUid(spec, passwdOf(fs));
    if (uid !== 0) {
      return [];
    }
    const found =
      value.trim() === ""
        ? "the image sets no USER, so it runs as root (uid 0)"
        : spec.numeric
          ? `USER is "${value}", which is root (uid 0)`
          : `USER is "${value}", which /etc/passwd maps to uid 0 (root)`;
    return [
      { path: USER_PATH, message: `${found}; expected a non-zero numeric UID`, container: null },
    ];
  },
};

/** The image's USER is numeric, so Kubernetes runAsNonRoot can verify it. */
export const imageUserNumeric: ImageRule = {
  id: "image-user-numeric",
  title: "The image's USER must be a numeric UID[:GID]",
  description:
    "The kubelet can only prove runAsNonRoot for a numeric user: with a user name it refuses to start the pod. A name also depends on /etc/passwd, which a later layer can change. A numeric UID needs no /etc/passwd entry.",
  severity: "error",
  profiles: RESTRICTED_PROFILES,
  target: "image",
  references: {
    dockle: ["CIS-DI-0001"],
    docs: [
      "https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/pod-v1/#security-context-1",
    ],
  },
  remediation:
    "Write the user as numbers: USER 10001:10001 (create the passwd entry with that UID in an earlier step if the program needs one).",
  check: ({ model, fs }) => {
    const spec = parseUser(model.config.user);
    if (spec.user === "" || spec.numeric) {
      return [];
    }
    const entry = passwdOf(fs)?.find((e) => e.name === spec.user);
    const resolved =
      entry === undefined
        ? "which has no entry in the image's /etc/passwd, so the container cannot even start"
        : `which /etc/passwd maps to uid ${entry.uid}, but Kubernetes cannot verify a name`;
    return [
      {
        path: USER_PATH,
        message: `USER is the name "${spec.user}", ${resolved}; expected a numeric UID such as ${entry?.uid || 10001}`,
        container: null,
      },
    ];
  },
};
