import { FileEntry, ImageLayer, ImageModel } from "./model";
import { resolveParents } from "./resolve-path";

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

/**
 * The merged file system while layers are applied: the files by path, and each directory's
 * children (listed or implied by a deeper path), so a whiteout removes a subtree in time
 * proportional to its size.
 */
class MergedTree {
  readonly files = new Map<string, LayeredEntry>();
  private readonly children = new Map<string, Set<string>>();

  set(path: string, layered: LayeredEntry): void {
    this.files.set(path, layered);
    let child = path;
    while (child !== "/") {
      const parent = dirName(child);
      let siblings = this.children.get(parent);
      if (siblings === undefined) {
        siblings = new Set();
        this.children.set(parent, siblings);
      }
      if (siblings.has(child)) {
        return;
      }
      siblings.add(child);
      child = parent;
    }
  }

  hasChildren(path: string): boolean {
    return (this.children.get(path)?.size ?? 0) > 0;
  }

  /** Removes everything under `root`, and `root` itself unless `keepRoot`. */
  removeTree(root: string, keepRoot: boolean): void {
    const stack = [...(this.children.get(root) ?? [])];
    this.children.delete(root);
    while (stack.length > 0) {
      const path = stack.pop() as string;
      this.files.delete(path);
      const below = this.children.get(path);
      if (below !== undefined) {
        stack.push(...below);
        this.children.delete(path);
      }
    }
    if (!keepRoot && root !== "/") {
      this.files.delete(root);
      this.children.get(dirName(root))?.delete(root);
    }
  }
}

function applyLayer(tree: MergedTree, layer: ImageLayer): void {
  const additions: FileEntry[] = [];
  for (const entry of layer.entries) {
    const name = baseName(entry.path);
    if (name === OPAQUE_WHITEOUT) {
      tree.removeTree(dirName(resolveParents(tree.files, entry.path)), true);
    } else if (name.startsWith(WHITEOUT_PREFIX)) {
      const marker = resolveParents(tree.files, entry.path);
      const dir = dirName(marker);
      tree.removeTree(`${dir === "/" ? "" : dir}/${name.slice(WHITEOUT_PREFIX.length)}`, false);
    } else {
      additions.push(entry);
    }
  }
  for (const entry of additions) {
    const path = resolveParents(tree.files, entry.path);
    const lower = tree.files.get(path);
    if (
      entry.type !== "directory" &&
      (lower?.entry.type === "directory" || tree.hasChildren(path))
    ) {
      tree.removeTree(path, false);
    }
    tree.set(path, { entry: path === entry.path ? entry : { ...entry, path }, layer: layer.index });
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
 * Entries and markers land where Docker's extraction puts them: through the symlinks their parent
 * directories already are (`bin/sh` over a `/bin` → `usr/bin` link is `/usr/bin/sh`).
 */
export function imageFilesystem(model: ImageModel): ImageFilesystem {
  const tree = new MergedTree();
  const everPresent: LayeredEntry[] = [];
  for (const layer of model.layers) {
    applyLayer(tree, layer);
    for (const entry of layer.entries) {
      if (!isWhiteout(entry)) {
        everPresent.push({ entry, layer: layer.index });
      }
    }
  }
  return { final: tree.files, everPresent };
}

/** The field path of a file in a layer, as findings print it: `layers[3]:/root/.ssh/id_rsa`. */
export function layerFilePath(layered: LayeredEntry): string {
  return `layers[${layered.layer}]:${layered.entry.path}`;
}
