"use client";
import { useTranslations } from "next-intl";
import { ActionForm, FieldError } from "./action-form";
import type { ActionResult } from "./actor";

const FIELDS = [
  "desiredRetention",
  "newPerDay",
  "reviewsPerDay",
  "learningSteps",
  "relearningSteps",
  "maximumInterval",
] as const;

export interface PresetValues {
  desiredRetention: number;
  newPerDay: number;
  reviewsPerDay: number;
  learningSteps: string;
  relearningSteps: string;
  maximumInterval: number;
  learnerOverridable: string;
}

export function PresetForm({
  action,
  groupId,
  deckId,
  preset,
}: {
  action: (prev: unknown, form: FormData) => Promise<ActionResult>;
  groupId: string;
  deckId: string;
  preset: PresetValues;
}) {
  const t = useTranslations("groups");
  const overridable = new Set(preset.learnerOverridable.split(/\s+/));
  return (
    <ActionForm
      action={action}
      success={() => <p role="status">{t("saved")}</p>}
      label={t("preset")}
    >
      <input type="hidden" name="groupId" value={groupId} />
      <input type="hidden" name="deckId" value={deckId} />
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th>{t("presetOption")}</th>
              <th>{t("presetValue")}</th>
              <th>{t("learnerMayChange")}</th>
            </tr>
          </thead>
          <tbody>
            {FIELDS.map((f) => {
              const id = `${deckId}-${f}`;
              const text = f === "learningSteps" || f === "relearningSteps";
              return (
                <tr key={f}>
                  <td>
                    <label htmlFor={id}>{t(`presetFields.${f}`)}</label>
                  </td>
                  <td>
                    <input
                      id={id}
                      name={f}
                      type={text ? "text" : "number"}
                      step={f === "desiredRetention" ? 0.01 : 1}
                      defaultValue={preset[f]}
                    />
                    <FieldError field={f} />
                  </td>
                  <td>
                    <input
                      type="checkbox"
                      name="learnerOverridable"
                      value={f}
                      aria-label={`${t("learnerMayChange")}: ${t(`presetFields.${f}`)}`}
                      defaultChecked={overridable.has(f)}
                    />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <button type="submit">{t("savePreset")}</button>
    </ActionForm>
  );
}
