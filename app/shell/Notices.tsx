import type { MessageKey } from "../i18n";
import type { WorkErrorReason } from "../permalink/work";
import { useBridgeStatus } from "../sim/session";
import { useT } from "../state/uiStore";

const linkMessages: Record<WorkErrorReason, MessageKey> = {
  corrupt: "link.corrupt",
  newer: "link.newer",
  invalid: "link.invalid",
  tooLarge: "link.tooLarge",
};

const statusMessages: Partial<Record<string, MessageKey>> = {
  recovering: "sim.recovering",
  recovered: "sim.recovered",
  failed: "sim.failed",
};

/** Alerts the learner must see: a link that could not be opened, and a simulator that was restarted. */
export function Notices({
  linkError,
  onDismissLink,
}: {
  linkError?: WorkErrorReason;
  onDismissLink: () => void;
}) {
  const t = useT();
  const status = useBridgeStatus();
  const statusKey = statusMessages[status];
  return (
    <div className="notices">
      {linkError && (
        <p className="notice error" role="alert" data-notice="link">
          {t(linkMessages[linkError])}
          <button type="button" onClick={onDismissLink}>
            {t("notice.dismiss")}
          </button>
        </p>
      )}
      {statusKey && (
        <p
          className={`notice ${status === "recovered" ? "info" : "error"}`}
          role="alert"
          data-notice="simulator"
        >
          {t(statusKey)}
        </p>
      )}
    </div>
  );
}
