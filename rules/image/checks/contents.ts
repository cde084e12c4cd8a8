import { HARDENED_PROFILES } from "../../profile";
import { layerFilePath } from "../filesystem";
import { ImageRule } from "../image-rule";

/**
 * Names of build files a context may hold that must not ship in the image, wherever they sit.
 * The HardenedImage presets remove them from the copied application directory.
 */
export const UNNEEDED_FILE_NAMES: readonly string[] = [
  ".git",
  ".dockerignore",
  "Dockerfile",
  "Containerfile",
  ".DS_Store",
];

/** No build leftovers such as `.git` or the Dockerfile. */
export const imageUnneededFiles: ImageRule = {
  id: "image-unneeded-files",
  title: "The image should not contain build leftovers (.git, Dockerfile)",
  description:
    "A .git directory or the Dockerfile copied into an image by COPY . . leaks history, internal URLs and sometimes credentials, and shows the build context was not filtered.",
  severity: "warning",
  profiles: HARDENED_PROFILES,
  target: "image",
  references: {
    dockle: ["DKL-LI-0003"],
    docs: ["https://docs.docker.com/build/concepts/context/#dockerignore-files"],
  },
  remediation:
    "Add .git, Dockerfile and other build files to .dockerignore, or copy only the build output.",
  check: ({ fs }) => {
    const found = [...fs.final.values()]
      .filter((f) =>
        UNNEEDED_FILE_NAMES.includes(f.entry.path.slice(f.entry.path.lastIndexOf("/") + 1)),
      )
      .sort((a, b) => a.entry.path.localeCompare(b.entry.path));
    return found
      .filter((f) => !found.some((outer) => f.entry.path.startsWith(`${outer.entry.path}/`)))
      .map((f) => ({
        path: layerFilePath(f),
        message: `the image contains ${f.entry.path}, a build leftover; expected only what the program needs at run time`,
        container: null,
      }));
  },
};

function megabytes(bytes: number): string {
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

/** The image stays within its size budget. */
export const imageSizeBudget: ImageRule = {
  id: "image-size-budget",
  title: "The image must stay within its size budget",
  description:
    "Every megabyte is pulled by every node and is more code that can be vulnerable. The size is the sum of the uncompressed layer sizes (each layer's tar stream, close to what docker images shows). Checked only when maxSizeBytes is set.",
  severity: "warning",
  profiles: HARDENED_PROFILES,
  target: "image",
  references: {
    cisDocker: ["4.3"],
    docs: ["https://docs.docker.com/build/building/best-practices/"],
  },
  remediation:
    "Use a smaller base (distroless, scratch, -slim) and a multi-stage build that copies only the build output.",
  check: ({ model, options }) => {
    const size = model.layers.reduce((sum, l) => sum + l.uncompressedSize, 0);
    if (options.maxSizeBytes === undefined || size <= options.maxSizeBytes) {
      return [];
    }
    return [
      {
        path: "layers",
        message: `the image's layers add up to ${megabytes(size)} uncompressed (${size} bytes); expected at most ${megabytes(options.maxSizeBytes)}`,
        container: null,
      },
    ];
  },
};

/** The image stays within its layer budget. */
export const imageLayerBudget: ImageRule = {
  id: "image-layer-budget",
  title: "The image must stay within its layer budget",
  description:
    "Many layers slow pulls and usually mean files are added and deleted in separate steps, which keeps them in the image. Checked only when maxLayers is set.",
  severity: "warning",
  profiles: HARDENED_PROFILES,
  target: "image",
  references: {
    docs: ["https://docs.docker.com/build/building/best-practices/#minimize-the-number-of-layers"],
  },
  remediation: "Combine RUN steps, and copy the build output into the final stage in one COPY.",
  check: ({ model, options }) =>
    options.maxLayers === undefined || model.layers.length <= options.maxLayers
      ? []
      : [
          {
            path: "layers",
            message: `the image has ${model.layers.length} layers; expected at most ${options.maxLayers}`,
            container: null,
          },
        ],
};
