import { useSyncExternalStore } from "react";
import type { Speed } from "../sim/protocol";

const BY_SPEED: Record<string, number> = { "1": 650, "2": 480, "5": 340, "10": 250, "60": 170, max: 120 };

/** How long a change animates: shorter as simulated time runs faster; 0 when motion is reduced. */
export function animationMs(speed: Speed, reducedMotion: boolean): number {
  return reducedMotion ? 0 : (BY_SPEED[String(speed)] ?? 400);
}

const QUERY = "(prefers-reduced-motion: reduce)";

/** One query object for the page: asking matchMedia on every render costs a parse each time. */
let media: MediaQueryList | undefined;
const query = () => (media ??= matchMedia(QUERY));

function subscribe(listener: () => void): () => void {
  query().addEventListener("change", listener);
  return () => query().removeEventListener("change", listener);
}

/** Whether the learner asked the system for reduced motion (followed live). */
export function useReducedMotion(): boolean {
  return useSyncExternalStore(subscribe, () => query().matches);
}
