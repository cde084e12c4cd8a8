import { FileEntry, ImageLayer, ImageModel } from "./model";

/** Prefix of a whiteout marker's file name: `.wh.<name>` deletes `<name>` from lower layers. */
export const WHITEOUT_PREFIX = ".wh.";

/** File name of an opaque whiteout: the directory's lower-layer content is hidden. */
export const OPAQUE_WHITEOUT = ".wh..wh..opq";

/** A file and the layer it comes from. */
export interface LayeredEntry {
  /** The entry. */
  readonly entry: FileEntry;
  /** Index of the layer that holds it. */
  readonly layer: number;
}

/** The final file system of an image and everything any layer ever held. */
export interface ImageFilesystem {
  /** The files a container sees: layers applied bottom up, whiteouts honoured. */
  readonly final: ReadonlyMap<string, LayeredEntry>;
  /** Every entry of every layer (whiteout markers excepted), bottom layer first. */
  readonly everPresent: readonly LayeredEntry[];
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf("/") + 1);
}

function dirName(path: string): string {
  const dir = path.slice(0, path.lastIndexOf("/"));
  return dir === "" ? "/" : dir;
}

function removeTree(files: Map<string, LayeredEntry>, root: string, keepRoot: boolean): void {
  const prefix = root === "/" ? "/" : `${root}/`;
  for (const path of [...files.keys()]) {
    if (path.startsWith(prefix) || (!keepRoot && path === root)) {
      files.delete(path);
    }
  }
}

function applyLayer(files: Map<string, LayeredEntry>, layer: ImageLayer): void {
  const additions: FileEntry[] = [];
  for (const entry of layer.entries) {
    const name = baseName(entry.path);
    if (name === OPAQUE_WHITEOUT) {
      removeTree(files, dirName(entry.path), true);
    } else if (name.startsWith(WHITEOUT_PREFIX)) {
      removeTree(
        files,
        `${dirName(entry.path).replace(/\/$/, "")}/${name.slice(WHITEOUT_PREFIX.length)}`,
        false,
      );
    } else {
      additions.push(entry);
    }
  }
  for (const entry of additions) {
    const lower = files.get(entry.path);
    if (lower !== undefined && lower.entry.type === "directory" && entry.type !== "directory") {
      removeTree(files, entry.path, false);
    }
    files.set(entry.path, { entry, layer: layer.index });
  }
}

/** True when `entry` is a whiteout marker rather than a file. */
export function isWhiteout(entry: FileEntry): boolean {
  return baseName(entry.path).startsWith(WHITEOUT_PREFIX);
}

/**
 * Applies the layers bottom up as the OCI image spec says: a `.wh.<name>` marker deletes
 * `<name>` (and what is under it) from the layers below, `.wh..wh..opq` hides a directory's
 * lower-layer content, and a non-directory replaces a lower directory with everything in it.
 */
export function imageFilesystem(model: ImageModel): ImageFilesystem {
  const files = new Map<string, LayeredEntry>();
  const everPresent: LayeredEntry[] = [];
  for (const layer of model.layers) {
    applyLayer(files, layer);
    for (const entry of layer.entries) {
      if (!isWhiteout(entry)) {
        everPresent.push({ entry, layer: layer.index });
      }
    }
  }
  return { final: files, everPresent };
}

/** The field path of a file in a layer, as findings print it: `layers[3]:/root/.ssh/id_rsa`. */
export function layerFilePath(layered: LayeredEntry): string {
  return `layers[${layered.layer}]:${layered.entry.path}`;
}
