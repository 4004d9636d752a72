import { useState } from "react";
import { authoritativeWork } from "../persist/currentWork";
import { bridge } from "../sim/session";
import { useT } from "../state/uiStore";
import { encodeWorkLink } from "./codec";
import type { Work } from "./work";

/** Makes a permalink of the current work, shows it in a box and copies it to the clipboard. */
export function ShareButton() {
  const t = useT();
  const [url, setUrl] = useState<string>();
  const [copied, setCopied] = useState<boolean>();

  const share = async () => {
    // Ask the worker: the clock on screen can trail it by a frame, and the link must replay exactly.
    let work: Work;
    try {
      work = await authoritativeWork(bridge);
    } catch {
      return; // the simulator is restarting; the learner can press Share again
    }
    const link = `${location.origin}${location.pathname}${encodeWorkLink(work)}`;
    setUrl(link);
    try {
      await navigator.clipboard.writeText(link);
      setCopied(true);
    } catch {
      setCopied(false); // no clipboard permission: the box still holds the link
    }
  };

  return (
    <span className="share">
      <button type="button" data-testid="share" onClick={share}>
        {t("share.button")}
      </button>
      {url && (
        <>
          <input
            data-testid="share-url"
            className="share-url"
            readOnly
            value={url}
            aria-label={t("share.url")}
            onFocus={(e) => e.currentTarget.select()}
          />
          <span className="share-note" role="status">
            {copied ? t("share.copied") : t("share.copyFailed")}
          </span>
        </>
      )}
    </span>
  );
}
