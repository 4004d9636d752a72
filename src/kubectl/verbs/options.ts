import { GLOBAL_OPTIONS_TEXT } from "../helpText";
import type { Verb } from "../verb";

/** `kubectl options`: the flags every command accepts (kubectl's own text; a hidden command, as in kubectl). */
export const optionsVerb: Verb = {
  name: "options",
  short: "Print the list of flags inherited by all commands",
  usage: "kubectl options [flags] [options]",
  flags: [],
  run: (ctx) => {
    ctx.out(GLOBAL_OPTIONS_TEXT);
    return 0;
  },
};
