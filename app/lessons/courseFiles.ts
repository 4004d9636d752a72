/**
 * Turns the bundled lesson files (`/lessons/<id>/<file>.yaml` → text) into parsed lessons in
 * course order. Pure, so it is tested in Node; catalog.ts feeds it from Vite's glob.
 */
import { parseLesson } from "../../src/lessons/parse";
import type { Lesson } from "../../src/lessons/types";

/** What loading the course gave: the lessons that parsed, and why the others did not. */
export interface Course {
  lessons: Lesson[];
  problems: string[];
}

/** Groups file texts by lesson folder: `{ "07-deployment": { "lesson.yaml": …, "en.yaml": … } }`. */
export function groupLessonFiles(texts: Record<string, string>): Record<string, Record<string, string>> {
  const folders: Record<string, Record<string, string>> = {};
  for (const [path, text] of Object.entries(texts)) {
    const match = /\/lessons\/([^/]+)\/([^/]+\.yaml)$/.exec(path);
    if (!match) continue;
    folders[match[1]] ??= {};
    folders[match[1]][match[2]] = text;
  }
  return folders;
}

/**
 * Parses every lesson folder; sorted by `order`, then id. A lesson that does not parse is left
 * out (the lessons test names its problems at build time), so one bad file never hides the course.
 */
export function buildCourse(texts: Record<string, string>): Course {
  const lessons: Lesson[] = [];
  const problems: string[] = [];
  for (const [id, files] of Object.entries(groupLessonFiles(texts))) {
    try {
      lessons.push(parseLesson(id, files));
    } catch (error) {
      problems.push((error as Error).message);
    }
  }
  lessons.sort((a, b) => a.spec.order - b.spec.order || a.spec.id.localeCompare(b.spec.id));
  return { lessons, problems };
}
