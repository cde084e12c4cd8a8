/** The image rules that look for secrets in an image's layers, files and history. */
export const IMAGE_SECRET_RULES: readonly string[] = [
  "image-credential-files",
  "image-secret-env",
  "image-secret-history",
];
