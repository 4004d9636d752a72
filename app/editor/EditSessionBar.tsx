import type { MessageKey } from "../i18n";
import type { EditorExit } from "./kubectlEdit";

interface Props {
  t: (key: MessageKey) => string;
  onExit: (exit: EditorExit) => void;
}

/** In place of the toolbar on a `kubectl edit` file: what kubectl waits for, and the two ways out. */
export function EditSessionBar({ t, onExit }: Props) {
  return (
    <div className="editor-toolbar edit-session" data-testid="edit-session">
      <span className="edit-session-note">{t("editor.editWaiting")}</span>
      <span className="editor-toolbar-spacer" />
      <button type="button" className="primary" data-testid="edit-save" onClick={() => onExit("save")}>
        {t("editor.saveEdit")}
      </button>
      <button type="button" data-testid="edit-quit" onClick={() => onExit("quit")}>
        {t("editor.quitEdit")}
      </button>
    </div>
  );
}
