/**
 * Image references parsed and normalised as the kubelet does (distribution/reference
 * `ParseNormalizedNamed` + the kubelet's `applyDefaultImageTag`): "nginx" is
 * "docker.io/library/nginx:latest", with the same errors for malformed names.
 */

/** A normalised reference. */
export interface ImageRef {
  /** "docker.io" or the registry host[:port]. */
  domain: string;
  /** "library/nginx", "hashicorp/http-echo", "pause". */
  path: string;
  /** The tag, "latest" when neither tag nor digest was given. */
  tag?: string;
  /** "sha256:<64 hex>" when pinned by digest. */
  digest?: string;
}

const COMPONENT = "[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*";
const DOMAIN_PART = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
const DOMAIN = `(?:${DOMAIN_PART}(?:\\.${DOMAIN_PART})*|\\[[a-fA-F0-9:]+\\])(?::[0-9]+)?`;
const TAG = "[\\w][\\w.-]{0,127}";
const DIGEST = "[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}";
const REFERENCE = new RegExp(
  `^((?:${DOMAIN}/)?${COMPONENT}(?:/${COMPONENT})*)(?::(${TAG}))?(?:@(${DIGEST}))?$`,
);

/** The name to show in messages: the kubelet's defaulted form, e.g. "docker.io/library/nginx:1.999". */
export function refString(r: ImageRef): string {
  const name = `${r.domain}/${r.path}`;
  return `${name}${r.tag ? `:${r.tag}` : ""}${r.digest ? `@${r.digest}` : ""}`;
}

/**
 * Parses `image` as the kubelet does; on failure returns distribution/reference's error
 * text (e.g. `invalid reference format: repository name (library/NGINX) must be lowercase`).
 */
export function parseImageRef(image: string): ImageRef | { error: string } {
  if (/^[a-f0-9]{64}$/.test(image)) {
    return { error: `invalid repository name (${image}), cannot specify 64-byte hexadecimal strings` };
  }
  const [domain, remainder] = splitDockerDomain(image);
  const colon = remainder.indexOf(":");
  const remote = colon >= 0 ? remainder.slice(0, colon) : remainder;
  if (remote.toLowerCase() !== remote) {
    return { error: `invalid reference format: repository name (${remote}) must be lowercase` };
  }
  const full = `${domain}/${remainder}`;
  const m = REFERENCE.exec(full);
  if (!m) {
    if (REFERENCE.test(full.toLowerCase()))
      return { error: "invalid reference format: repository name must be lowercase" };
    return { error: "invalid reference format" };
  }
  if (m[1].length > 255) return { error: "repository name must not be more than 255 characters" };
  const [, name, tag, digest] = m;
  const path = name.slice(domain.length + 1);
  return { domain, path, tag: tag ?? (digest ? undefined : "latest"), digest };
}

function splitDockerDomain(name: string): [string, string] {
  const slash = name.indexOf("/");
  if (slash < 0) return ["docker.io", `library/${name}`];
  const maybeDomain = name.slice(0, slash);
  const rest = name.slice(slash + 1);
  let domain = "docker.io";
  let remote = name;
  if (maybeDomain === "localhost" || /[.:]/.test(maybeDomain) || maybeDomain.toLowerCase() !== maybeDomain) {
    [domain, remote] = [maybeDomain, rest];
  }
  if (domain === "index.docker.io") domain = "docker.io";
  if (domain === "docker.io" && !remote.includes("/")) remote = `library/${remote}`;
  return [domain, remote];
}
