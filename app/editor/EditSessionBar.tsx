import type { MessageKey } from "../i18n";
import type { EditorExit } from "./kubectlEdit";

interface Props {
  t: (key: MessageKey) => string;
  /** kubectl is working on the last save: the buttons wait. */
  busy: boolean;
  onExit: (exit: EditorExit) => void;
}

/** In place of the toolbar on a `kubectl edit` file: what kubectl waits for, and the two ways out. */
export function EditSessionBar({ t, busy, onExit }: Props) {
  return (
    <div className="editor-toolbar edit-session" data-testid="edit-session">
      <span className="edit-session-note">{t("editor.editWaiting")}</span>
      <span className="editor-toolbar-spacer" />
      <button
        type="button"
        className="primary"
        data-testid="edit-save"
        disabled={busy}
        onClick={() => onExit("save")}
      >
        {t("editor.saveEdit")}
      </button>
      <button type="button" data-testid="edit-quit" disabled={busy} onClick={() => onExit("quit")}>
        {t("editor.quitEdit")}
      </button>
    </div>
  );
}
