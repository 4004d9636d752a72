import { type ChangeEvent, useState } from "react";
import { type ClockRequest, clockRequest } from "../sim/bridge";
import { SPEEDS, type Speed } from "../sim/protocol";
import { bridge, useBridgeStatus, useClock } from "../sim/session";
import { useT } from "../state/uiStore";
import { FRESH } from "../persist/startup";
import { formatClock, formatInstant, simulationDay } from "./formatClock";

const ADVANCE_STEPS: { seconds: number; label: string }[] = [
  { seconds: 10, label: "+10s" },
  { seconds: 60, label: "+1m" },
  { seconds: 600, label: "+10m" },
];

/** Play/pause, speed, step and advance-by, with the simulated clock always visible. */
export function TimeControls() {
  const t = useT();
  const clock = useClock();
  const status = useBridgeStatus();
  const [busy, setBusy] = useState(false);
  const disabled = busy || status === "starting" || status === "recovering" || status === "failed";
  // Fast-forwarding passes midnight easily: say which day it is, or 09:25 looks like going back.
  const day = simulationDay(clock.now, Date.parse(bridge.log.get()?.start ?? FRESH.start));

  const send = (request: ClockRequest) => {
    setBusy(true);
    clockRequest(bridge, request)
      .catch(() => undefined) // a lost worker is reported by the status banner
      .finally(() => setBusy(false));
  };
  const onSpeed = (event: ChangeEvent<HTMLSelectElement>) => {
    const value = event.target.value;
    send({ type: "setSpeed", speed: (value === "max" ? "max" : Number(value)) as Speed });
  };

  return (
    <div className="time-controls" role="group" aria-label={t("time.controls")}>
      <output
        className="clock"
        data-testid="clock"
        aria-label={t("time.clock")}
        title={formatInstant(clock.now)}
      >
        {day > 1 && <span className="clock-day">{t("time.day").replace("{n}", String(day))} </span>}
        {formatClock(clock.now)}
      </output>
      {clock.playing ? (
        <button type="button" data-testid="pause" disabled={disabled} onClick={() => send({ type: "pause" })}>
          <PauseIcon />
          {t("time.pause")}
        </button>
      ) : (
        <button type="button" data-testid="play" disabled={disabled} onClick={() => send({ type: "play" })}>
          <PlayIcon />
          {t("time.play")}
        </button>
      )}
      <button
        type="button"
        disabled={disabled}
        title={t("time.stepHint")}
        onClick={() => send({ type: "step" })}
      >
        {t("time.step")}
      </button>
      <label className="speed">
        <span className="visually-hidden">{t("time.speed")}</span>
        <select data-testid="speed" value={String(clock.speed)} disabled={disabled} onChange={onSpeed}>
          {SPEEDS.map((speed) => (
            <option
              key={speed}
              value={String(speed)}
              title={speed === "max" ? t("time.speedMax") : undefined}
            >
              {speed === "max" ? "max" : `${speed}×`}
            </option>
          ))}
        </select>
      </label>
      <span className="advance-by" role="group" aria-label={t("time.advanceBy")}>
        {ADVANCE_STEPS.map((step) => (
          <button
            key={step.seconds}
            type="button"
            disabled={disabled}
            aria-label={`${t("time.advanceBy")} ${step.label}`}
            onClick={() => send({ type: "advance", seconds: step.seconds })}
          >
            {step.label}
          </button>
        ))}
      </span>
    </div>
  );
}

/*
 * Drawn rather than typed: U+23F8 (⏸) is missing from common Linux fonts (Debian's Chromium
 * showed an empty box), and the two icons should match in size and weight.
 */
function PlayIcon() {
  return (
    <svg className="time-icon" viewBox="0 0 10 10" aria-hidden="true">
      <path d="M2 1 L9 5 L2 9 Z" />
    </svg>
  );
}

function PauseIcon() {
  return (
    <svg className="time-icon" viewBox="0 0 10 10" aria-hidden="true">
      <rect x="1.5" y="1" width="2.5" height="8" />
      <rect x="6" y="1" width="2.5" height="8" />
    </svg>
  );
}
