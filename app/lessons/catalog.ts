/**
 * The course as bundled by Vite: every `lessons/<id>/*.yaml` as raw text, each in its own lazy
 * chunk. This module is itself imported lazily (lessonStore.loadCourse) so the YAML parser
 * and the prose stay out of the initial JS.
 */
import { buildCourse, type Course } from "./courseFiles";

const files = import.meta.glob<string>("/lessons/*/*.yaml", { query: "?raw", import: "default" });

/** Loads and parses every bundled lesson, in course order. */
export async function loadBundledCourse(): Promise<Course> {
  const entries = await Promise.all(
    Object.entries(files).map(async ([path, load]) => [path, await load()] as const),
  );
  return buildCourse(Object.fromEntries(entries));
}
