/** Label and field selectors and name validation, as k8s.io/apimachinery implements them. */
export type { FieldError } from "./fieldError";
export * from "./fieldLabels";
export * from "./fieldSelector";
export * from "./labelSelector";
export * from "./labelValidation";
export { SelectorParseError, parseRequirements } from "./parser";
export * from "./requirement";
export * from "./selector";
export * from "./stringValidation";
