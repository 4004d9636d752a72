import { type KeyboardEvent, useState } from "react";
import type { MessageKey } from "../i18n";
import type { FileNameProblem } from "./fileNames";

interface Props {
  names: string[];
  active: string;
  t: (key: MessageKey) => string;
  onSelect: (name: string) => void;
  onNew: () => void;
  onClose: (name: string) => void;
  /** Returns why the name was refused, if it was. */
  onRename: (from: string, to: string) => FileNameProblem | undefined;
  onProblem: (problem: FileNameProblem | undefined) => void;
}

/** The file tabs: click to show, double-click to rename in place, × to close, + for a new file. */
export function TabBar({ names, active, t, onSelect, onNew, onClose, onRename, onProblem }: Props) {
  const [editing, setEditing] = useState<string>();

  const finish = (from: string, to: string) => {
    const trimmed = to.trim();
    const problem = trimmed === from ? undefined : onRename(from, trimmed);
    onProblem(problem);
    if (!problem) setEditing(undefined);
  };

  const onKey = (from: string) => (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "Enter") finish(from, e.currentTarget.value);
    if (e.key === "Escape") {
      onProblem(undefined);
      setEditing(undefined);
    }
  };

  return (
    <div className="editor-tabs" role="tablist" aria-label={t("editor.tabs")}>
      {names.map((name) =>
        editing === name ? (
          <input
            key={name}
            className="editor-tab-rename"
            aria-label={t("editor.fileName")}
            defaultValue={name}
            // biome-ignore lint/a11y/noAutofocus: the learner just asked to rename this tab
            autoFocus
            onKeyDown={onKey(name)}
            onBlur={(e) => finish(name, e.currentTarget.value)}
          />
        ) : (
          <div key={name} className="editor-tab" data-active={name === active}>
            <button
              type="button"
              role="tab"
              aria-selected={name === active}
              title={t("editor.renameHint")}
              onClick={() => onSelect(name)}
              onDoubleClick={() => setEditing(name)}
            >
              {name}
            </button>
            {names.length > 1 && (
              <button
                type="button"
                className="editor-tab-close"
                aria-label={`${t("editor.close")} ${name}`}
                onClick={() => onClose(name)}
              >
                ×
              </button>
            )}
          </div>
        ),
      )}
      <button
        type="button"
        className="editor-tab-new"
        aria-label={t("editor.newFile")}
        title={t("editor.newFile")}
        onClick={onNew}
      >
        +
      </button>
      <button type="button" className="editor-tab-rename-button" onClick={() => setEditing(active)}>
        {t("editor.rename")}
      </button>
    </div>
  );
}
