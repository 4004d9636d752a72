// What a scalar's characters allow, following go-yaml v2's yaml_emitter_analyze_scalar
// (emitterc.go) and its character classes (yamlprivateh.go). Works on code points.

/** The styles a scalar may be written in, and whether it spans lines. */
export interface ScalarAnalysis {
  multiline: boolean;
  blockPlainAllowed: boolean;
  singleQuotedAllowed: boolean;
  blockAllowed: boolean;
}

/** go-yaml's is_printable: tab and all astral characters (emoji) are not "printable". */
export function isYamlPrintable(cp: number): boolean {
  return (
    cp === 0x0a ||
    (cp >= 0x20 && cp <= 0x7e) ||
    (cp >= 0xa0 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd && cp !== 0xfeff)
  );
}

/** go-yaml's is_break: CR, LF, NEL, LS, PS. */
export function isYamlBreak(cp: number): boolean {
  return cp === 0x0d || cp === 0x0a || cp === 0x85 || cp === 0x2028 || cp === 0x2029;
}

/** go-yaml's is_blank: space or tab. */
function isBlank(cp: number | undefined): boolean {
  return cp === 0x20 || cp === 0x09;
}

const SPACE = 0x20;
const ALWAYS_INDICATORS = new Set([..."#,[]{}&*!|>'\"%@`"].map((c) => c.charCodeAt(0)));
const FLOW_INDICATORS = new Set([..."?[]{},"].map((c) => c.charCodeAt(0)));

interface Indicators {
  flow: boolean;
  block: boolean;
}

/** Marks the indicator characters that keep a scalar from being written plain. */
function markIndicators(cps: number[], i: number, precededByWs: boolean, ind: Indicators): void {
  const c = String.fromCodePoint(cps[i]);
  const followedByWs = i + 1 >= cps.length || isBlank(cps[i + 1]);
  if (i === 0) {
    if (ALWAYS_INDICATORS.has(cps[i])) ind.flow = ind.block = true;
    else if (c === "?" || c === ":") {
      ind.flow = true;
      if (followedByWs) ind.block = true;
    } else if (c === "-" && followedByWs) ind.flow = ind.block = true;
    return;
  }
  if (FLOW_INDICATORS.has(cps[i])) ind.flow = true;
  else if (c === ":") {
    ind.flow = true;
    if (followedByWs) ind.block = true;
  } else if (c === "#" && precededByWs) ind.flow = ind.block = true;
}

/** Analyzes a scalar's code points as go-yaml does before choosing its style. */
export function analyzeScalar(cps: number[]): ScalarAnalysis {
  if (cps.length === 0) {
    return { multiline: false, blockPlainAllowed: true, singleQuotedAllowed: true, blockAllowed: false };
  }
  const text = String.fromCodePoint(...cps.slice(0, 3));
  const ind: Indicators = { flow: false, block: text === "---" || text === "..." };
  let [lineBreaks, special, leadingSpace, leadingBreak, trailingSpace, trailingBreak] = Array(6).fill(false);
  let [breakSpace, spaceBreak, previousSpace, previousBreak] = [false, false, false, false];
  let precededByWs = true;
  const last = cps.length - 1;
  cps.forEach((cp, i) => {
    markIndicators(cps, i, precededByWs, ind);
    if (!isYamlPrintable(cp)) special = true;
    if (cp === SPACE) {
      if (i === 0) leadingSpace = true;
      if (i === last) trailingSpace = true;
      if (previousBreak) breakSpace = true;
      [previousSpace, previousBreak] = [true, false];
    } else if (isYamlBreak(cp)) {
      lineBreaks = true;
      if (i === 0) leadingBreak = true;
      if (i === last) trailingBreak = true;
      if (previousSpace) spaceBreak = true;
      [previousSpace, previousBreak] = [false, true];
    } else [previousSpace, previousBreak] = [false, false];
    precededByWs = isBlank(cp) || isYamlBreak(cp) || cp === 0;
  });
  const edgeBlank = leadingSpace || leadingBreak || trailingSpace || trailingBreak;
  return {
    multiline: lineBreaks,
    blockPlainAllowed: !(edgeBlank || breakSpace || spaceBreak || special || lineBreaks || ind.block),
    singleQuotedAllowed: !(breakSpace || spaceBreak || special),
    blockAllowed: !(trailingSpace || spaceBreak || special),
  };
}
