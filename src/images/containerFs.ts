/**
 * The writable file system of one container instance (its overlay's upper layer): what the
 * shell's `touch`, `rm`, `mkdir` and redirections write and what `cat`, `test -f` and exec
 * probes read. A restarted container gets a fresh one, as a real new container does.
 * Mounted files (ConfigMaps, Secrets, the service account) are seeded by the kubelet.
 */

/** Why a path operation failed, in busybox's words ("No such file or directory"...). */
export type FsError =
  | "No such file or directory"
  | "Is a directory"
  | "Not a directory"
  | "File exists"
  | "Read-only file system";

/** A volume mounted into a file system: paths under `at` live in `fs`, under `prefix` (a subPath). */
interface Mount {
  at: string;
  fs: ContainerFs;
  prefix: string;
  readOnly: boolean;
}

/** A Linux image's top-level directories (their contents, the image's own files, are not simulated). */
const IMAGE_DIRS: ReadonlySet<string> = new Set([
  "/",
  "/bin",
  "/dev",
  "/etc",
  "/home",
  "/lib",
  "/mnt",
  "/opt",
  "/proc",
  "/root",
  "/run",
  "/sbin",
  "/srv",
  "/sys",
  "/tmp",
  "/usr",
  "/var",
  "/var/run",
]);
/** An empty volume's: its root. */
const VOLUME_DIRS: ReadonlySet<string> = new Set(["/"]);

/**
 * The directories of one tree: a shared starting set, and this tree's own changes to it (every
 * container starts with the same top-level directories; ten thousand need not each copy them).
 */
class DirSet {
  private added = new Set<string>();
  private removed?: Set<string>;

  constructor(private readonly base: ReadonlySet<string>) {}

  has(dir: string): boolean {
    return this.added.has(dir) || (this.base.has(dir) && !this.removed?.has(dir));
  }

  add(dir: string): void {
    this.added.add(dir);
    this.removed?.delete(dir);
  }

  delete(dir: string): void {
    this.added.delete(dir);
    if (this.base.has(dir)) (this.removed ??= new Set()).add(dir);
  }

  *[Symbol.iterator](): Iterator<string> {
    for (const dir of this.base) if (!this.removed?.has(dir)) yield dir;
    yield* this.added;
  }
}

/** What a process does with files: ContainerFs's path operations (a shell sees them through its working directory). */
export type Files = Pick<ContainerFs, "read" | "write" | "remove" | "removeTree" | "mkdir" | "list" | "kind">;

/** A tiny in-memory tree: regular files with text contents, and directories. */
export class ContainerFs {
  private files = new Map<string, string | (() => string)>();
  private dirs = new DirSet(IMAGE_DIRS);
  private mounts: Mount[] = [];
  /** Paths (and everything under them) that refuse writes: ConfigMap and Secret mounts. */
  private readOnlyPaths?: string[];
  /** What fills the tree, run on first use (see `lazy`). */
  private provision?: (fs: ContainerFs) => void;

  constructor(seed: Record<string, string> = {}) {
    for (const [path, text] of Object.entries(seed)) this.seed(path, text);
  }

  /**
   * A tree that `provision` fills the first time anything looks at it or changes it: most
   * containers (a server image no one execs into) never touch their files, and a thousand
   * pods starting need not each build theirs.
   */
  static lazy(provision: (fs: ContainerFs) => void): ContainerFs {
    const fs = new ContainerFs();
    fs.provision = provision;
    return fs;
  }

  /** True while nothing has used a lazy tree: it holds only what provisioning would write. */
  get untouched(): boolean {
    return this.provision !== undefined;
  }

  /** Runs the pending provisioning, once. */
  private ensure(): void {
    const provision = this.provision;
    if (!provision) return;
    this.provision = undefined;
    provision(this);
  }

  /** An empty volume's tree (an emptyDir): only its root directory. */
  static volume(): ContainerFs {
    const fs = new ContainerFs();
    fs.dirs = new DirSet(VOLUME_DIRS);
    return fs;
  }

  /**
   * Mounts `volume` at `path` (its `subPath` directory, created if missing): what the
   * container writes there lands in the volume, which other containers of the pod may mount.
   */
  mount(path: string, volume: ContainerFs, subPath = "", readOnly = false): void {
    this.ensure();
    const at = normalize(path);
    const prefix = subPath ? normalize(subPath) : "/";
    if (prefix !== "/") volume.mkdir(prefix, true);
    this.mkdirParents(at);
    // Longest mount path first, so a nested mount wins over its parent.
    this.mounts = [...this.mounts, { at, fs: volume, prefix, readOnly }].sort(
      (a, b) => b.at.length - a.at.length,
    );
  }

  /** Makes `path` and what is under it read-only (a volume the kubelet mounts read-only). */
  markReadOnly(path: string): void {
    this.ensure();
    (this.readOnlyPaths ??= []).push(normalize(path));
  }

  /** The file system and path a path resolves to through the mounts. */
  private route(path: string): { fs: ContainerFs; p: string; readOnly: boolean } {
    this.ensure();
    const p = normalize(path);
    if (this.readOnlyPaths?.some((r) => p === r || p.startsWith(`${r}/`)))
      return { fs: this, p, readOnly: true };
    for (const m of this.mounts) {
      if (p !== m.at && !p.startsWith(`${m.at}/`)) continue;
      return { fs: m.fs, p: normalize(`${m.prefix}/${p.slice(m.at.length)}`), readOnly: m.readOnly };
    }
    return { fs: this, p, readOnly: false };
  }

  /**
   * Adds a file and its parent directories (a mount), bypassing the checks a process meets.
   * The text may be a function, called on first read: most containers' files (the kubelet's
   * /etc/hosts, the service account token) are never read, and a thousand pods need not build them.
   */
  seed(path: string, text: string | (() => string)): void {
    this.ensure();
    const p = normalize(path);
    this.mkdirParents(parent(p));
    this.files.set(p, text);
  }

  /** A file's text, built now if it was seeded lazily. */
  private text(p: string): string | undefined {
    const text = this.files.get(p);
    if (typeof text !== "function") return text;
    const built = text();
    this.files.set(p, built);
    return built;
  }

  /** The text of a regular file, or the reason it cannot be read. */
  read(path: string): string | { error: FsError } {
    const { fs, p } = this.route(path);
    if (fs !== this) return fs.read(p);
    if (p === "/dev/null") return "";
    const text = this.text(p);
    if (text !== undefined) return text;
    return { error: this.dirs.has(p) ? "Is a directory" : "No such file or directory" };
  }

  /** Writes (or appends to) a file; its directory must exist. */
  write(path: string, text: string, append = false): FsError | undefined {
    const { fs, p, readOnly } = this.route(path);
    if (readOnly) return "Read-only file system";
    if (fs !== this) return fs.write(p, text, append);
    if (p === "/dev/null") return undefined;
    if (this.dirs.has(p)) return "Is a directory";
    if (!this.dirs.has(parent(p))) return "No such file or directory";
    this.files.set(p, (append ? (this.text(p) ?? "") : "") + text);
    return undefined;
  }

  /** Removes a regular file. */
  remove(path: string): FsError | undefined {
    const { fs, p, readOnly } = this.route(path);
    if (readOnly) return "Read-only file system";
    if (fs !== this) return fs.remove(p);
    if (this.dirs.has(p)) return "Is a directory";
    return this.files.delete(p) ? undefined : "No such file or directory";
  }

  /** Removes a directory and everything under it (`rm -r`). */
  removeTree(path: string): FsError | undefined {
    const { fs, p, readOnly } = this.route(path);
    if (readOnly) return "Read-only file system";
    if (fs !== this) return fs.removeTree(p);
    const inside = (x: string) => x === p || x.startsWith(`${p}/`);
    for (const f of [...this.files.keys()]) if (inside(f)) this.files.delete(f);
    for (const d of [...this.dirs]) if (inside(d) && d !== "/") this.dirs.delete(d);
    return undefined;
  }

  /** Creates a directory (with `parents`, every missing ancestor and no error if it exists). */
  mkdir(path: string, parents = false): FsError | undefined {
    const { fs, p, readOnly } = this.route(path);
    if (readOnly) return "Read-only file system";
    if (fs !== this) return fs.mkdir(p, parents);
    if (this.files.has(p)) return "File exists";
    if (parents) return this.mkdirParents(p);
    if (this.dirs.has(p)) return "File exists";
    if (!this.dirs.has(parent(p))) return "No such file or directory";
    this.dirs.add(p);
    return undefined;
  }

  /** The names directly inside a directory (mount points included), sorted; or why it cannot be listed. */
  list(path: string): string[] | { error: FsError } {
    const { fs, p } = this.route(path);
    if (fs !== this) return fs.list(p);
    if (this.files.has(p)) return { error: "Not a directory" };
    if (!this.dirs.has(p)) return { error: "No such file or directory" };
    const names = new Set<string>();
    const childOf = (x: string) =>
      parent(x) === p && x !== "/" ? x.slice(x.lastIndexOf("/") + 1) : undefined;
    for (const x of [...this.files.keys(), ...this.dirs, ...this.mounts.map((m) => m.at)]) {
      const name = childOf(x);
      if (name) names.add(name);
    }
    return [...names].sort();
  }

  /** "file", "dir" or undefined for a path that does not exist. */
  kind(path: string): "file" | "dir" | undefined {
    const { fs, p } = this.route(path);
    if (fs !== this) return fs.kind(p);
    if (this.files.has(p) || p === "/dev/null") return "file";
    return this.dirs.has(p) ? "dir" : undefined;
  }

  private mkdirParents(p: string): FsError | undefined {
    for (let d = p; d !== "/" && !this.dirs.has(d); d = parent(d)) {
      if (this.files.has(d)) return "Not a directory";
      this.dirs.add(d);
    }
    return undefined;
  }
}

/** An absolute, normalised path (a relative one is taken from /; shells resolve theirs first). */
export function normalize(path: string): string {
  const out: string[] = [];
  for (const seg of path.split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") out.pop();
    else out.push(seg);
  }
  return `/${out.join("/")}`;
}

function parent(p: string): string {
  const i = p.lastIndexOf("/");
  return i <= 0 ? "/" : p.slice(0, i);
}
