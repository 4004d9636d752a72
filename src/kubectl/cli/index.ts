/**
 * The kubectl command-line layer: shell word splitting, command lookup,
 * pflag-compatible flag parsing and kubectl's top-level error texts.
 */
export * from "./commandErrors";
export * from "./findCommand";
export * from "./flags";
export * from "./flagSpec";
export { formatGoDuration, nanosToSeconds, parseGoDuration } from "./goDuration";
export { goQuote } from "./goStrconv";
export * from "./globalFlags";
export * from "./shellWords";
export * from "./suggestions";
