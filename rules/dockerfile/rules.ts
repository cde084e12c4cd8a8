import {
  dockerfileAllowedRegistry,
  dockerfileBaseDigest,
  dockerfileBaseTag,
  dockerfileFinalBaseDebug,
} from "./checks/base-images";
import { dockerfileCopySystemDirs, dockerfileFinalStageTools } from "./checks/minimal";
import {
  dockerfileApkNoCache,
  dockerfileAptGetNotApt,
  dockerfileAptListsCleanup,
  dockerfileAptNoInstallRecommends,
  dockerfileAptUpdateAlone,
  dockerfilePipNoCacheDir,
} from "./checks/packages";
import { dockerfileAddNotCopy } from "./checks/add-not-copy";
import { dockerfilePackageCacheCleanup } from "./checks/package-cache";
import { dockerfilePasswordSet } from "./checks/password";
import { dockerfilePipefail } from "./checks/pipefail";
import { dockerfilePragmaReasonRequired } from "./checks/pragma-reason-required";
import {
  dockerfileExecFormWithoutShell,
  dockerfileExposeSsh,
  dockerfileHealthcheck,
  dockerfilePrivilegedPort,
  dockerfileWorkdirAbsolute,
} from "./checks/runtime";
import {
  dockerfileContextCopyDockerignore,
  dockerfileCredentialFile,
  dockerfileSecretName,
  dockerfileSecretValue,
} from "./checks/secrets";
import {
  dockerfileAddUrlChecksum,
  dockerfileInsecureTransport,
  dockerfilePipeToShell,
  dockerfileUnauthenticatedPackages,
} from "./checks/transport";
import { dockerfileFinalUser, dockerfileNoSudo, dockerfileUserNumeric } from "./checks/user";
import { DockerfileRule } from "./dockerfile-rule";

/** Every Dockerfile rule, grouped as the README lists them. */
export const DOCKERFILE_RULES: readonly DockerfileRule[] = [
  dockerfileBaseDigest,
  dockerfileBaseTag,
  dockerfileAllowedRegistry,
  dockerfileFinalBaseDebug,
  dockerfileFinalUser,
  dockerfileUserNumeric,
  dockerfileNoSudo,
  dockerfileHealthcheck,
  dockerfileExecFormWithoutShell,
  dockerfileExposeSsh,
  dockerfilePrivilegedPort,
  dockerfileWorkdirAbsolute,
  dockerfileSecretName,
  dockerfileSecretValue,
  dockerfileCredentialFile,
  dockerfilePasswordSet,
  dockerfileContextCopyDockerignore,
  dockerfileInsecureTransport,
  dockerfileUnauthenticatedPackages,
  dockerfilePipeToShell,
  dockerfileAddUrlChecksum,
  dockerfileAddNotCopy,
  dockerfilePipefail,
  dockerfileAptUpdateAlone,
  dockerfileAptNoInstallRecommends,
  dockerfileAptListsCleanup,
  dockerfileApkNoCache,
  dockerfilePipNoCacheDir,
  dockerfilePackageCacheCleanup,
  dockerfileAptGetNotApt,
  dockerfileFinalStageTools,
  dockerfileCopySystemDirs,
  dockerfilePragmaReasonRequired,
];
