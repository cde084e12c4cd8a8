import { dockerBuildSecretArgs } from "./build-secret-args";
import { dockerAddedCapabilities } from "./container-capabilities";
import { dockerSocketMount } from "./container-docker-socket";
import { dockerHostNamespaces } from "./container-host-namespaces";
import { dockerPrivileged } from "./container-privileged";
import { dockerReadOnlyRootFilesystem } from "./container-read-only";
import { dockerNonRootUser } from "./container-user";
import { DockerResourceRule } from "./docker-resource-rule";
import { dockerImageTag } from "./image-tag";

/** Every rule that checks one Docker resource at a time: containers, then images. */
export const DOCKER_PER_RESOURCE_RULES: readonly DockerResourceRule[] = [
  dockerPrivileged,
  dockerNonRootUser,
  dockerReadOnlyRootFilesystem,
  dockerAddedCapabilities,
  dockerHostNamespaces,
  dockerSocketMount,
  dockerImageTag,
  dockerBuildSecretArgs,
];
