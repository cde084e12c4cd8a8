/** OCI image index: the manifest of a multi-platform image. */
export const OCI_INDEX = "application/vnd.oci.image.index.v1+json";

/** Docker manifest list: Docker's multi-platform manifest. */
export const DOCKER_MANIFEST_LIST = "application/vnd.docker.distribution.manifest.list.v2+json";

/** OCI image manifest: one platform's config and layers. */
export const OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";

/** Docker image manifest, schema 2. */
export const DOCKER_MANIFEST = "application/vnd.docker.distribution.manifest.v2+json";

/** The manifest media types this client reads, index types first. */
export const MANIFEST_MEDIA_TYPES: readonly string[] = [
  OCI_INDEX,
  DOCKER_MANIFEST_LIST,
  OCI_MANIFEST,
  DOCKER_MANIFEST,
];

/** True for the media types of a multi-platform image (OCI index or Docker manifest list). */
export function isIndexMediaType(mediaType: string): boolean {
  return mediaType === OCI_INDEX || mediaType === DOCKER_MANIFEST_LIST;
}
