"use client";
// The card editor: every card kind, tags, a live preview rendered in the browser with KaTeX
// (card-preview.tsx), and for exercise cards a generator picker, parameter ranges and a sample
// variant. Errors show at the field.
import { generateExercise, isAppError, listGenerators } from "@strides/content";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useMemo, useRef, useState } from "react";
import { errorBodyText } from "@/lib/api-error-text";
import { saveCardAction } from "./actions";
import { CardPreview } from "./card-preview";
import { mathInvalidText } from "./math-error-text";

type Kind = "basic" | "cloze" | "listRecall" | "exercise";

export interface EditorInitial {
  kind: Kind;
  front?: string;
  back?: string;
  extra?: string;
  text?: string;
  items?: string;
  ordered?: boolean;
  generator?: string;
  params?: string;
  prompt?: string;
  tags?: string;
}

function ExerciseSample({
  generator,
  params,
  lang,
}: {
  generator: string;
  params: string;
  lang: "ko" | "en";
}) {
  const t = useTranslations("authoring");
  const tErrors = useTranslations("errors");
  const tFields = useTranslations("errorFields");
  const [seed, setSeed] = useState(1);
  const sample = useMemo(() => {
    try {
      const ranges = params.trim() ? (JSON.parse(params) as Record<string, never>) : undefined;
      return {
        ok: true as const,
        v: generateExercise(generator, { seed, lang, ...(ranges ? { ranges } : {}) }),
      };
    } catch (error) {
      if (error instanceof SyntaxError)
        return { ok: false as const, message: tErrors("paramsJson") };
      return {
        ok: false as const,
        message: isAppError(error)
          ? errorBodyText(error, error.message, tErrors, { fields: tFields })
          : String(error),
      };
    }
  }, [generator, params, seed, lang, tErrors, tFields]);
  return (
    <div data-testid="exercise-sample">
      <h3>
        {t("sampleVariant")}{" "}
        <button type="button" onClick={() => setSeed((s) => s + 1)}>
          {t("anotherSample")}
        </button>
      </h3>
      {sample.ok ? (
        <>
          <CardPreview markdown={sample.v.question} label={t("sampleQuestion")} />
          <p>
            {t("sampleAnswer")}: <strong>{sample.v.answer}</strong>
          </p>
        </>
      ) : (
        <p className="error" role="alert">
          {sample.message}
        </p>
      )}
    </div>
  );
}

export function CardEditor({
  deckId,
  deckSlug,
  cardId,
  initial,
}: {
  deckId: string;
  deckSlug: string;
  cardId?: string;
  initial: EditorInitial;
}) {
  const t = useTranslations("authoring");
  const tErrors = useTranslations("errors");
  const tFields = useTranslations("errorFields");
  const tMath = useTranslations("mathError");
  const locale = useLocale();
  const router = useRouter();
  const generators = useMemo(() => listGenerators(), []);
  const [f, setF] = useState<Required<EditorInitial>>({
    front: "",
    back: "",
    extra: "",
    text: "",
    items: "",
    ordered: false,
    generator: generators[0]?.name ?? "",
    params: "",
    prompt: "",
    tags: "",
    ...initial,
  });
  const [error, setError] = useState<{ field?: string; message: string } | null>(null);
  const [saved, setSaved] = useState(false);
  const [pending, setPending] = useState(false);
  // Save is disabled while it runs, which drops its focus to the document: when it ends, the focus
  // goes to the field the error names (its message is read with it), else back to Save.
  const [finished, setFinished] = useState(0);
  const saveRef = useRef<HTMLButtonElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when a save ends
  useEffect(() => {
    if (finished === 0) return;
    const field = error?.field ? document.getElementById(`card-${error.field}`) : null;
    (field ?? saveRef.current)?.focus();
  }, [finished]);
  const set = (k: keyof EditorInitial) => (e: { currentTarget: { value: string } }) =>
    setF({ ...f, [k]: e.currentTarget.value });

  async function save() {
    setPending(true);
    setError(null);
    setSaved(false);
    const fields =
      f.kind === "basic"
        ? { kind: f.kind, front: f.front, back: f.back, extra: f.extra, tags: f.tags }
        : f.kind === "cloze"
          ? { kind: f.kind, text: f.text, tags: f.tags }
          : f.kind === "listRecall"
            ? { kind: f.kind, front: f.front, items: f.items, ordered: f.ordered, tags: f.tags }
            : {
                kind: f.kind,
                generator: f.generator,
                params: f.params,
                prompt: f.prompt,
                tags: f.tags,
              };
    const r = await saveCardAction({ deckId, deckSlug, ...(cardId ? { cardId } : {}), fields });
    setPending(false);
    setFinished((n) => n + 1);
    if (!r.ok) {
      setError({
        // An issue of one tag or one parameter (`tags.0`, `params.k`) shows at its field.
        ...(r.field ? { field: r.field.split(".")[0] ?? r.field } : {}),
        // Math: where and why in the page's language, not KaTeX's English (params.problem).
        message:
          (r.key === "mathInvalid" && r.field
            ? mathInvalidText(r.params, tFields.has(r.field) ? tFields(r.field) : r.field, tMath)
            : null) ?? errorBodyText(r, r.error, tErrors, { fields: tFields }),
      });
      return;
    }
    setSaved(true);
    if (!cardId) router.push(`/decks/${deckSlug}?saved=1`);
    router.refresh();
  }

  const fieldError = (name: string) =>
    error?.field === name ? (
      <p role="alert" className="error" id={`${name}-error`}>
        {error.message}
      </p>
    ) : null;
  const area = (
    name: "front" | "back" | "extra" | "text" | "items" | "prompt" | "params",
    rows = 3,
  ) => (
    <>
      <label htmlFor={`card-${name}`}>{t(`fields.${name}`)}</label>
      <textarea
        id={`card-${name}`}
        rows={rows}
        value={f[name]}
        onChange={set(name)}
        aria-invalid={error?.field === name}
        aria-describedby={error?.field === name ? `${name}-error` : undefined}
      />
      {fieldError(name)}
    </>
  );

  return (
    <div className="grid" style={{ gridTemplateColumns: "repeat(auto-fit, minmax(320px, 1fr))" }}>
      <div>
        <label htmlFor="card-kind">{t("fields.kind")}</label>
        <select
          id="card-kind"
          value={f.kind}
          disabled={cardId !== undefined}
          onChange={(e) => setF({ ...f, kind: e.currentTarget.value as Kind })}
        >
          {(["basic", "cloze", "listRecall", "exercise"] as const).map((k) => (
            <option key={k} value={k}>
              {t(`kinds.${k}`)}
            </option>
          ))}
        </select>
        {f.kind === "basic" ? (
          <>
            {area("front")}
            {area("back")}
            {area("extra", 2)}
          </>
        ) : null}
        {f.kind === "cloze" ? (
          <>
            {area("text", 4)}
            <p className="muted">{t("clozeHelp")}</p>
          </>
        ) : null}
        {f.kind === "listRecall" ? (
          <>
            {area("front")}
            {area("items", 5)}
            <label>
              <input
                type="checkbox"
                checked={f.ordered}
                onChange={(e) => setF({ ...f, ordered: e.currentTarget.checked })}
              />{" "}
              {t("fields.ordered")}
            </label>
          </>
        ) : null}
        {f.kind === "exercise" ? (
          <>
            <label htmlFor="card-generator">{t("fields.generator")}</label>
            <select id="card-generator" value={f.generator} onChange={set("generator")}>
              {generators.map((g) => (
                <option key={g.name} value={g.name}>
                  {g.title[locale === "ko" ? "ko" : "en"]} ({g.name})
                </option>
              ))}
            </select>
            {fieldError("generator")}
            <p className="muted">
              {t("paramsHelp", {
                params: generators.find((g) => g.name === f.generator)?.params.join(", ") ?? "",
              })}
            </p>
            {area("params", 3)}
            {area("prompt", 2)}
          </>
        ) : null}
        <label htmlFor="card-tags">{t("fields.tags")}</label>
        <input
          id="card-tags"
          value={f.tags}
          onChange={set("tags")}
          aria-invalid={error?.field === "tags"}
        />
        {fieldError("tags")}
        {error &&
        ![
          "front",
          "back",
          "extra",
          "text",
          "items",
          "prompt",
          "params",
          "generator",
          "tags",
        ].includes(error.field ?? "") ? (
          <p role="alert" className="error">
            {error.message}
          </p>
        ) : null}
        <p>
          <button type="button" className="primary" onClick={save} disabled={pending} ref={saveRef}>
            {t("save")}
          </button>{" "}
          {saved ? (
            <span role="status" data-testid="editor-saved">
              {t("saved")}
            </span>
          ) : null}
        </p>
      </div>
      <div>
        <h2>{t("previewTitle")}</h2>
        {f.kind === "basic" ? (
          <>
            <CardPreview markdown={f.front} label={t("fields.front")} />
            <CardPreview markdown={f.back} label={t("fields.back")} />
            {f.extra ? <CardPreview markdown={f.extra} label={t("fields.extra")} /> : null}
          </>
        ) : null}
        {f.kind === "cloze" ? (
          <CardPreview
            markdown={f.text.replace(/\{\{c\d+::([\s\S]*?)(?:::[^}]*)?\}\}/g, "==$1==")}
            label={t("fields.text")}
          />
        ) : null}
        {f.kind === "listRecall" ? (
          <>
            <CardPreview markdown={f.front} label={t("fields.front")} />
            <CardPreview markdown={f.items} label={t("fields.items")} />
          </>
        ) : null}
        {f.kind === "exercise" ? (
          <ExerciseSample
            generator={f.generator}
            params={f.params}
            lang={locale === "ko" ? "ko" : "en"}
          />
        ) : null}
      </div>
    </div>
  );
}
