import { create } from "zustand";
import type { Focus } from "./highlight";

/** The cluster view's UI state (never cluster truth). */
export interface ViewUi {
  mode: "graph" | "table";
  /** The object whose inspector is open. */
  selected?: string;
  /** What the pointer or keyboard focus is on. */
  hover?: Focus;
  /** Groups the learner expanded (ReplicaSet/Job uids). */
  expanded: ReadonlySet<string>;
  /** The history frame shown while travelling back in time; undefined is live. */
  cursor?: number;
  /** The trace record being stepped through, if any. */
  traceSeq?: number;
  /** Its resourceVersion: the view shows the cluster exactly as that decision left it. */
  traceVersion?: number;
  /** Whether the live selector lens stays on without editing. */
  lensPinned: boolean;
  setMode: (mode: "graph" | "table") => void;
  select: (uid: string | undefined) => void;
  setHover: (focus: Focus | undefined) => void;
  toggleGroup: (uid: string) => void;
  /** Shows history frame `cursor` (undefined: live), or within it the moment just after decision `step`. */
  travel: (cursor: number | undefined, step?: { seq: number; resourceVersion: number }) => void;
  setLensPinned: (on: boolean) => void;
}

export const useViewStore = create<ViewUi>()((set) => ({
  mode: "graph",
  expanded: new Set(),
  lensPinned: false,
  setMode: (mode) => set({ mode }),
  select: (selected) => set({ selected }),
  setHover: (hover) => set({ hover }),
  toggleGroup: (uid) =>
    set((s) => {
      const expanded = new Set(s.expanded);
      if (!expanded.delete(uid)) expanded.add(uid);
      return { expanded };
    }),
  travel: (cursor, step) => set({ cursor, traceSeq: step?.seq, traceVersion: step?.resourceVersion }),
  setLensPinned: (lensPinned) => set({ lensPinned }),
}));
