import type { FlagValue } from "./cli/flags";

/** Typed reads of parsed flag values (the parser guarantees each flag's type). */
export function str(flags: Record<string, FlagValue>, name: string): string {
  return String(flags[name] ?? "");
}

export function bool(flags: Record<string, FlagValue>, name: string): boolean {
  return flags[name] === true;
}

export function num(flags: Record<string, FlagValue>, name: string): number {
  return Number(flags[name] ?? 0);
}

export function list(flags: Record<string, FlagValue>, name: string): string[] {
  const value = flags[name];
  return Array.isArray(value) ? value : [];
}
