import { benchApiServer } from "./apiServer";
import { benchScale } from "./scale";

/**
 * The engine's figures, run from a bundle built as the app's worker is built (see
 * engineBundle.ts), in a Node process of their own.
 */
benchApiServer();
benchScale();
