import { dockerfileAddNotCopy } from "./checks/add-not-copy";
import { dockerfileAddUrlChecksum } from "./checks/add-url-checksum";
import { dockerfileAllowedRegistry } from "./checks/allowed-registry";
import { dockerfileApkNoCache } from "./checks/apk-no-cache";
import { dockerfileAptGetNotApt } from "./checks/apt-get-not-apt";
import { dockerfileAptListsCleanup } from "./checks/apt-lists-cleanup";
import { dockerfileAptNoInstallRecommends } from "./checks/apt-no-install-recommends";
import { dockerfileAptUpdateAlone } from "./checks/apt-update-alone";
import { dockerfileBaseDigest } from "./checks/base-digest";
import { dockerfileBaseTag } from "./checks/base-tag";
import { dockerfileContextCopyDockerignore } from "./checks/context-copy-dockerignore";
import { dockerfileCopySystemDirs } from "./checks/copy-system-dirs";
import { dockerfileCredentialFile } from "./checks/credential-file";
import { dockerfileExecFormWithoutShell } from "./checks/exec-form-without-shell";
import { dockerfileExposeSsh } from "./checks/expose-ssh";
import { dockerfileFinalBaseDebug } from "./checks/final-base-debug";
import { dockerfileFinalStageTools } from "./checks/final-stage-tools";
import { dockerfileFinalUser } from "./checks/final-user";
import { dockerfileHealthcheck } from "./checks/healthcheck";
import { dockerfileInsecureTransport } from "./checks/insecure-transport";
import { dockerfileNoSudo } from "./checks/no-sudo";
import { dockerfileOnbuild } from "./checks/onbuild";
import { dockerfilePackageCacheCleanup } from "./checks/package-cache-cleanup";
import { dockerfilePasswordSet } from "./checks/password-set";
import { dockerfilePipNoCacheDir } from "./checks/pip-no-cache-dir";
import { dockerfilePipeToShell } from "./checks/pipe-to-shell";
import { dockerfilePipefail } from "./checks/pipefail";
import { dockerfilePragmaReasonRequired } from "./checks/pragma-reason-required";
import { dockerfilePrivilegedPort } from "./checks/privileged-port";
import { dockerfileSecretName } from "./checks/secret-name";
import { dockerfileSecretValue } from "./checks/secret-value";
import { dockerfileSyntaxDigest } from "./checks/syntax-digest";
import { dockerfileUnauthenticatedPackages } from "./checks/unauthenticated-packages";
import { dockerfileUserNumeric } from "./checks/user-numeric";
import { dockerfileWorkdirAbsolute } from "./checks/workdir-absolute";
import { DockerfileRule } from "./dockerfile-rule";

/** Every Dockerfile rule, one per file in `checks/`, in the order they are reported. */
export const DOCKERFILE_RULES: readonly DockerfileRule[] = [
  dockerfileBaseDigest,
  dockerfileBaseTag,
  dockerfileAllowedRegistry,
  dockerfileFinalBaseDebug,
  dockerfileSyntaxDigest,
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
  dockerfileOnbuild,
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
