import { imageBaseLabels } from "./checks/base-labels";
import { imageSystemVolumes, imagePrivilegedPort } from "./checks/config";
import { imageLayerBudget, imageSizeBudget, imageUnneededFiles } from "./checks/contents";
import { imageCredentialFiles } from "./checks/credentials";
import { imageHealthcheck, imageShellFormWithoutShell } from "./checks/healthcheck";
import { imageNoPackageManager, imageNoShell } from "./checks/programs";
import { imageSecretEnv, imageSecretHistory } from "./checks/secrets";
import { imageSetuidFiles } from "./checks/setuid";
import { imageUserNonRoot, imageUserNumeric } from "./checks/user";
import { ImageRule } from "./image-rule";

/** Every static built-image rule: config, history and layer contents, no container started. */
export const STATIC_IMAGE_RULES: readonly ImageRule[] = [
  imageUserNonRoot,
  imageUserNumeric,
  imageHealthcheck,
  imageShellFormWithoutShell,
  imageSetuidFiles,
  imageNoShell,
  imageNoPackageManager,
  imageCredentialFiles,
  imageSecretEnv,
  imageSecretHistory,
  imageSystemVolumes,
  imagePrivilegedPort,
  imageUnneededFiles,
  imageSizeBudget,
  imageLayerBudget,
  imageBaseLabels,
];
