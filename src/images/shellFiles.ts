/**
 * The busybox applets that touch the container's file system (containerFs.ts): cat, ls, touch,
 * rm, mkdir, and nslookup (which reads the cluster DNS), with busybox's wording.
 */
import { err, out, type Run, type ShellState } from "./shellState";

/** `cat FILE...`: a file of the container, else a mounted one; stdin without files. */
export function* cat(argv: string[], stdin: string, st: ShellState): Run {
  const files = argv.slice(1).filter((a) => a !== "-");
  if (files.length === 0) {
    if (stdin) yield out(stdin);
    return 0;
  }
  let status = 0;
  for (const f of files) {
    const r = st.fs.read(f);
    const text = typeof r === "string" ? r : st.ctx.readFile?.(f);
    if (text !== undefined) {
      if (text !== "") yield out(text);
      continue;
    }
    status = 1;
    if (typeof r !== "string" && r.error === "Is a directory") yield err("cat: read error: Is a directory\n");
    else yield err(`cat: can't open '${f}': No such file or directory\n`);
  }
  return status;
}

/**
 * `ls [PATH...]`: one name per line, as busybox prints when its output is not a terminal; a
 * directory operand among several gets a `PATH:` heading. Options are accepted and ignored.
 */
export function* ls(argv: string[], _stdin: string, st: ShellState): Run {
  const paths = operands(argv);
  const targets = paths.length > 0 ? paths : ["."];
  let status = 0;
  let first = true;
  for (const path of targets) {
    const kind = st.fs.kind(path);
    if (!kind) {
      yield err(`ls: ${path}: No such file or directory\n`);
      status = 1;
      continue;
    }
    if (kind === "file") {
      yield out(`${path}\n`);
      first = false;
      continue;
    }
    const names = st.fs.list(path);
    if (!Array.isArray(names)) continue;
    const heading = targets.length > 1 ? `${first ? "" : "\n"}${path}:\n` : "";
    first = false;
    yield out(heading + names.map((n) => `${n}\n`).join(""));
  }
  return status;
}

/** `touch FILE...`: creates missing files (contents of existing ones are kept). */
export function* touch(argv: string[], _stdin: string, st: ShellState): Run {
  let status = 0;
  for (const f of operands(argv)) {
    if (st.fs.kind(f)) continue;
    const e = st.fs.write(f, "");
    if (e) {
      yield err(`touch: ${f}: ${e}\n`);
      status = 1;
    }
  }
  return status;
}

/** `rm [-f] [-r] FILE...`. */
export function* rm(argv: string[], _stdin: string, st: ShellState): Run {
  const flags = argv
    .slice(1)
    .filter((a) => /^-[a-zA-Z]+$/.test(a))
    .join("");
  const force = flags.includes("f");
  const recursive = /[rR]/.test(flags);
  let status = 0;
  for (const f of operands(argv)) {
    const kind = st.fs.kind(f);
    if (kind === "dir" && !recursive) {
      yield err(`rm: '${f}' is a directory\n`);
      status = 1;
    } else if (kind === "dir") {
      const e = st.fs.removeTree(f);
      if (e) {
        yield err(`rm: can't remove '${f}': ${e}\n`);
        status = 1;
      }
    } else {
      const e = st.fs.remove(f);
      if (e && !(force && e === "No such file or directory")) {
        yield err(`rm: can't remove '${f}': ${e}\n`);
        status = 1;
      }
    }
  }
  return status;
}

/** `mkdir [-p] DIR...`. */
export function* mkdir(argv: string[], _stdin: string, st: ShellState): Run {
  const parents = argv.slice(1).some((a) => /^-[a-zA-Z]*p/.test(a));
  let status = 0;
  for (const d of operands(argv)) {
    const e = st.fs.mkdir(d, parents);
    if (e) {
      yield err(`mkdir: can't create directory '${d}': ${e}\n`);
      status = 1;
    }
  }
  return status;
}

/** The cluster DNS Service's address, as every pod's /etc/resolv.conf names it. */
export const CLUSTER_DNS = "10.96.0.10";

/**
 * `nslookup NAME`: busybox's output for an A lookup through the cluster DNS. A name that does
 * not resolve prints NXDOMAIN (for the A and the AAAA query) and exits 1.
 */
export function* nslookup(argv: string[], _stdin: string, st: ShellState): Run {
  const name = operands(argv)[0];
  if (name === undefined) {
    yield err(
      "BusyBox v1.37.0 (2024-09-26 21:31:42 UTC) multi-call binary.\n\nUsage: nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]\n\nQuery DNS about HOST\n\nQUERY_TYPE: soa,ns,a,aaaa,cname,mx,txt,ptr,srv,any\n",
    );
    return 1;
  }
  const header = `Server:\t\t${CLUSTER_DNS}\nAddress:\t${CLUSTER_DNS}:53\n\n`;
  const answer = st.ctx.lookupHost?.(name);
  if (!answer) {
    const miss = `** server can't find ${name}: NXDOMAIN\n\n`;
    yield out(header + miss + miss);
    return 1;
  }
  yield out(`${header}Name:\t${answer.name}\nAddress: ${answer.address}\n\n`);
  return 0;
}

function operands(argv: string[]): string[] {
  return argv.slice(1).filter((a) => !/^-[a-zA-Z]+$/.test(a));
}
