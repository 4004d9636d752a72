import { type ChangeEvent, useRef, useState } from "react";
import { bridge } from "../sim/session";
import { useT } from "../state/uiStore";
import { currentExport } from "./currentWork";
import { exportText, parseExport } from "./saved";
import { resetCluster, startFromSaved } from "./startup";

/** Reset (after confirmation), export of one's work as a JSON file, and import of such a file. */
export function WorkMenu() {
  const t = useT();
  const [confirming, setConfirming] = useState(false);
  const [importFailed, setImportFailed] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);

  const doExport = () => {
    const saved = currentExport(bridge);
    if (!saved) return;
    const url = URL.createObjectURL(new Blob([exportText(saved)], { type: "application/json" }));
    const a = document.createElement("a");
    a.href = url;
    a.download = "kubeplay-work.json";
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  const doImport = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = "";
    if (!file) return;
    try {
      const saved = parseExport(await file.text());
      setImportFailed(false);
      await startFromSaved(saved);
    } catch {
      setImportFailed(true);
    }
  };

  return (
    <span className="work-menu" role="group" aria-label={t("work.menu")}>
      <button type="button" onClick={() => setConfirming(true)} aria-expanded={confirming}>
        {t("work.reset")}
      </button>
      <button type="button" onClick={doExport}>
        {t("work.export")}
      </button>
      <button type="button" onClick={() => fileInput.current?.click()}>
        {t("work.import")}
      </button>
      <input ref={fileInput} type="file" accept="application/json,.json" hidden onChange={doImport} />
      {confirming && (
        <div className="confirm" role="alertdialog" aria-label={t("work.reset")}>
          <p>{t("work.resetConfirm")}</p>
          <button
            type="button"
            className="danger"
            onClick={() => {
              setConfirming(false);
              void resetCluster();
            }}
          >
            {t("work.resetYes")}
          </button>
          <button type="button" autoFocus onClick={() => setConfirming(false)}>
            {t("work.cancel")}
          </button>
        </div>
      )}
      {importFailed && (
        <p className="notice error" role="alert">
          {t("work.importFailed")}
          <button type="button" onClick={() => setImportFailed(false)}>
            {t("notice.dismiss")}
          </button>
        </p>
      )}
    </span>
  );
}
