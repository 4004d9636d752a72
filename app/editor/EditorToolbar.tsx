import type { MessageKey } from "../i18n";
import { TEMPLATES } from "../templates";
import type { ManifestVerb } from "./manifestCommands";

interface Props {
  t: (key: MessageKey) => string;
  busy: boolean;
  onRun: (verb: ManifestVerb) => void;
  onTemplate: (kind: string) => void;
}

/** Insert-template menu and the Apply / Diff / Delete buttons. */
export function EditorToolbar({ t, busy, onRun, onTemplate }: Props) {
  return (
    <div className="editor-toolbar">
      <select
        aria-label={t("editor.templates")}
        value=""
        onChange={(e) => {
          if (e.target.value) onTemplate(e.target.value);
        }}
      >
        <option value="">{t("editor.templates")}</option>
        {TEMPLATES.map((template) => (
          <option key={template.kind} value={template.kind}>
            {template.kind}
          </option>
        ))}
      </select>
      <span className="editor-toolbar-spacer" />
      <button
        type="button"
        data-testid="apply"
        className="primary"
        disabled={busy}
        title={t("editor.applyHint")}
        onClick={() => onRun("apply")}
      >
        {t("editor.apply")}
      </button>
      <button type="button" data-testid="diff" disabled={busy} onClick={() => onRun("diff")}>
        {t("editor.diff")}
      </button>
      <button type="button" data-testid="delete" disabled={busy} onClick={() => onRun("delete")}>
        {t("editor.delete")}
      </button>
    </div>
  );
}
