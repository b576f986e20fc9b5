"use client";
// The `?` overlay: the review screen's key map (features/review/review-keys.ts).
import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { KEY_MAP } from "@/features/review/review-keys";

export function KeyMapOverlay({ onClose }: { onClose: () => void }) {
  const t = useTranslations("experience");
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => closeRef.current?.focus(), []);
  return (
    <div className="key-map">
      <div role="dialog" aria-modal="true" aria-labelledby="key-map-title" data-testid="key-map">
        <h2 id="key-map-title">{t("keysTitle")}</h2>
        <dl>
          {KEY_MAP.map((k) => (
            <div key={k.action} style={{ display: "contents" }}>
              <dt>
                {k.keys.map((key, i) => (
                  <span key={key}>
                    {i > 0 ? " / " : null}
                    <kbd>{key}</kbd>
                  </span>
                ))}
              </dt>
              <dd>{t(k.action as "keysTitle")}</dd>
            </div>
          ))}
        </dl>
        <button type="button" ref={closeRef} onClick={onClose}>
          {t("keysClose")} <kbd>Esc</kbd>
        </button>
      </div>
    </div>
  );
}
