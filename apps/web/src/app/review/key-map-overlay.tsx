"use client";
// The `?` overlay: the review screen's key map (features/review/review-keys.ts).
import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { keyMapFor } from "@/features/review/review-keys";

/** `canEdit`: the card on screen can be edited (a learner is not shown `e`). */
export function KeyMapOverlay({ onClose, canEdit }: { onClose: () => void; canEdit: boolean }) {
  const t = useTranslations("experience");
  const closeRef = useRef<HTMLButtonElement>(null);
  // The focus moves into the overlay and, when it closes, back where it was (the card, the ratings),
  // so the keys and a screen reader carry on from there rather than from the document.
  useEffect(() => {
    const before = document.activeElement;
    closeRef.current?.focus();
    return () => {
      if (before instanceof HTMLElement && before.isConnected) before.focus();
    };
  }, []);
  return (
    <div className="key-map">
      <div role="dialog" aria-modal="true" aria-labelledby="key-map-title" data-testid="key-map">
        <h2 id="key-map-title">{t("keysTitle")}</h2>
        <dl>
          {keyMapFor({ canEdit }).map((k) => (
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
