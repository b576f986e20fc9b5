"use client";
// The import preview's curation steps: each proposed card rendered (flagged first) to accept, edit
// or reject, a bulk reject by flag, cards rejected earlier to restore; the images the notes show
// that are missing, with a second upload that merges into the same import; the tags step.
import { useTranslations } from "next-intl";
import { useState } from "react";
import { parseTagMapping as parseTagMappingText } from "./map-note-tags";

export interface RenderedCard {
  key: string;
  kind: string;
  file: string;
  line: number | null;
  flags: string[];
  frontHtml: string;
  backHtml: string;
  editable: { front: string; back: string } | null;
  /** The author's earlier edit: it stays, or the note's changed card replaces it (its text). */
  edit?: { state: "kept" | "replaced"; text: string };
}

export interface Curation {
  rejected: string[];
  restored: string[];
  edits: Record<string, { front: string; back: string }>;
}
export const NO_CURATION: Curation = { rejected: [], restored: [], edits: {} };

export interface MissingImage {
  file: string;
  line: number | null;
  path: string;
}

export interface TagChoices {
  drop: string[];
  map: Record<string, string>;
}

/** Server-rendered card HTML (the content package's renderer escapes raw HTML in Markdown). */
export function CardHtml({ html, className }: { html: string; className?: string }) {
  // biome-ignore lint/security/noDangerouslySetInnerHtml: HTML produced on the server from card Markdown
  return <div className={className} dangerouslySetInnerHTML={{ __html: html }} />;
}

function toggle(list: string[], key: string, on: boolean): string[] {
  const rest = list.filter((k) => k !== key);
  return on ? [...rest, key] : rest;
}

export function CurationList({
  cards,
  earlier,
  curation,
  onChange,
}: {
  cards: RenderedCard[];
  earlier: RenderedCard[];
  curation: Curation;
  onChange: (c: Curation) => void;
}) {
  const t = useTranslations("importCuration");
  const flagCounts = new Map<string, number>();
  for (const c of cards) for (const f of c.flags) flagCounts.set(f, (flagCounts.get(f) ?? 0) + 1);
  const rejected = new Set(curation.rejected);
  return (
    <section className="card" aria-labelledby="import-cards">
      <h2 id="import-cards">{t("cardsTitle", { count: cards.length })}</h2>
      <p className="muted" data-testid="curation-summary">
        {t("cardsSummary", {
          rejected: curation.rejected.length,
          edited: Object.keys(curation.edits).length,
          flagged: cards.filter((c) => c.flags.length > 0).length,
        })}
      </p>
      {flagCounts.size > 0 ? (
        <p>
          {[...flagCounts].map(([flag, n]) => (
            <button
              key={flag}
              type="button"
              data-testid={`reject-flag-${flag}`}
              onClick={() =>
                onChange({
                  ...curation,
                  rejected: [
                    ...new Set([
                      ...curation.rejected,
                      ...cards.filter((c) => c.flags.includes(flag)).map((c) => c.key),
                    ]),
                  ],
                })
              }
            >
              {t("rejectFlag", { flag: t(`flags.${flag}`), count: n })}
            </button>
          ))}
        </p>
      ) : null}
      {cards.map((card) => (
        <CardRow
          key={card.key}
          card={card}
          rejected={rejected.has(card.key)}
          edit={curation.edits[card.key]}
          onReject={(on) =>
            onChange({ ...curation, rejected: toggle(curation.rejected, card.key, on) })
          }
          onEdit={(edit) => {
            const edits = { ...curation.edits };
            if (edit) edits[card.key] = edit;
            else delete edits[card.key];
            onChange({ ...curation, edits });
          }}
        />
      ))}
      {earlier.length > 0 ? (
        <details open>
          <summary>{t("rejectedEarlier", { count: earlier.length })}</summary>
          {earlier.map((card) => {
            const restored = curation.restored.includes(card.key);
            return (
              <article
                key={card.key}
                className="card"
                data-testid="import-card-earlier"
                data-state={restored ? "restored" : "rejected"}
              >
                <CardSides card={card} />
                <button
                  type="button"
                  onClick={() =>
                    onChange({
                      ...curation,
                      restored: toggle(curation.restored, card.key, !restored),
                    })
                  }
                >
                  {restored ? t("keepRejected") : t("restore")}
                </button>
              </article>
            );
          })}
        </details>
      ) : null}
    </section>
  );
}

function CardSides({ card }: { card: RenderedCard }) {
  const t = useTranslations("importCuration");
  return (
    <>
      <p className="muted">
        {card.flags.map((f) => (
          <mark key={f} data-flag={f}>
            {t(`flags.${f}`)}
          </mark>
        ))}{" "}
        {card.file}
        {card.line ? `:${card.line}` : ""}
      </p>
      {card.edit ? (
        <p className="muted small" data-testid="earlier-edit" data-edit={card.edit.state}>
          {card.edit.state === "kept" ? (
            t("editKept")
          ) : (
            <>
              {t("editReplaced")} <q style={{ whiteSpace: "pre-line" }}>{card.edit.text}</q>
            </>
          )}
        </p>
      ) : null}
      <CardHtml className="card-front" html={card.frontHtml} />
      <hr />
      <CardHtml className="card-back" html={card.backHtml} />
    </>
  );
}

function CardRow({
  card,
  rejected,
  edit,
  onReject,
  onEdit,
}: {
  card: RenderedCard;
  rejected: boolean;
  edit: { front: string; back: string } | undefined;
  onReject: (on: boolean) => void;
  onEdit: (edit: { front: string; back: string } | null) => void;
}) {
  const t = useTranslations("importCuration");
  const [draft, setDraft] = useState<{ front: string; back: string } | null>(null);
  const state = rejected ? "rejected" : edit ? "edited" : "accepted";
  return (
    <article
      className="card"
      data-testid="import-card"
      data-key={card.key}
      data-flags={card.flags.join(" ")}
      data-state={state}
      style={rejected ? { opacity: 0.5 } : undefined}
    >
      <CardSides card={card} />
      {edit ? (
        <p className="muted">
          {t("editedTo")} <strong>{edit.front}</strong> → {edit.back}
        </p>
      ) : null}
      {draft ? (
        <div>
          <label>
            {t("front")}
            <textarea
              aria-label={t("front")}
              value={draft.front}
              onChange={(e) => setDraft({ ...draft, front: e.currentTarget.value })}
            />
          </label>
          <label>
            {t("back")}
            <textarea
              aria-label={t("back")}
              value={draft.back}
              onChange={(e) => setDraft({ ...draft, back: e.currentTarget.value })}
            />
          </label>
          <button
            type="button"
            disabled={draft.front.trim() === "" || draft.back.trim() === ""}
            onClick={() => {
              const same =
                draft.front === card.editable?.front && draft.back === card.editable?.back;
              onEdit(same ? null : draft);
              setDraft(null);
            }}
          >
            {t("saveEdit")}
          </button>{" "}
          <button type="button" onClick={() => setDraft(null)}>
            {t("cancel")}
          </button>
        </div>
      ) : null}
      <p>
        <span className="muted">{t(`state.${state}`)}</span>{" "}
        {rejected ? (
          <button type="button" onClick={() => onReject(false)}>
            {t("accept")}
          </button>
        ) : (
          <button type="button" onClick={() => onReject(true)}>
            {t("reject")}
          </button>
        )}{" "}
        {card.editable && !rejected && !draft ? (
          <button
            type="button"
            onClick={() => setDraft(edit ?? card.editable ?? { front: "", back: "" })}
          >
            {t("edit")}
          </button>
        ) : null}
      </p>
    </article>
  );
}

export function MissingImagesStep({
  missing,
  onAdd,
  allow,
  onAllow,
}: {
  missing: MissingImage[];
  onAdd: (files: File[]) => void;
  allow: boolean;
  onAllow: (on: boolean) => void;
}) {
  const t = useTranslations("importCuration");
  const names = [...new Set(missing.map((m) => m.path))];
  return (
    <section className="card" aria-labelledby="import-missing" data-testid="missing-images">
      <h2 id="import-missing">{t("missingTitle", { count: names.length })}</h2>
      <ul>
        {missing.map((m) => (
          <li key={`${m.file}:${m.line}:${m.path}`}>
            <code>{m.path.split("/").pop()}</code>{" "}
            <span className="muted">
              ({m.path}, {m.file}
              {m.line ? `:${m.line}` : ""})
            </span>
          </li>
        ))}
      </ul>
      <label htmlFor="import-more-files">{t("addImages")}</label>
      <input
        id="import-more-files"
        type="file"
        multiple
        accept=".zip,.png,.jpg,.jpeg,.gif,.webp"
        onChange={(e) => onAdd(Array.from(e.currentTarget.files ?? []))}
      />{" "}
      <label htmlFor="import-more-folder">{t("addFolder")}</label>
      <input
        id="import-more-folder"
        type="file"
        multiple
        {...{ webkitdirectory: "", directory: "" }}
        onChange={(e) => onAdd(Array.from(e.currentTarget.files ?? []))}
      />
      <p>
        <label>
          <input
            type="checkbox"
            style={{ width: "auto" }}
            checked={allow}
            onChange={(e) => onAllow(e.currentTarget.checked)}
          />{" "}
          {t("publishWithout", { count: names.length })}
        </label>
      </p>
    </section>
  );
}

export function TagsStep({
  tags,
  choices,
  onChange,
}: {
  tags: string[];
  choices: TagChoices;
  onChange: (c: TagChoices) => void;
}) {
  const t = useTranslations("importCuration");
  const [mapping, setMapping] = useState(
    Object.entries(choices.map)
      .map(([from, to]) => `${from}→${to}`)
      .join("\n"),
  );
  const [error, setError] = useState<string | null>(null);
  return (
    <section className="card" aria-labelledby="import-tags">
      <h2 id="import-tags">{t("tagsTitle")}</h2>
      <p className="muted">{t("tagsHelp")}</p>
      <p>
        {tags.map((tag) => (
          <label key={tag} style={{ display: "inline-block", marginRight: "1em" }}>
            <input
              type="checkbox"
              style={{ width: "auto" }}
              data-testid={`keep-tag-${tag}`}
              checked={!choices.drop.includes(tag)}
              onChange={(e) =>
                onChange({ ...choices, drop: toggle(choices.drop, tag, !e.currentTarget.checked) })
              }
            />{" "}
            {tag}
          </label>
        ))}
      </p>
      <label htmlFor="import-tag-map">{t("tagMap")}</label>
      <textarea
        id="import-tag-map"
        value={mapping}
        placeholder="dl→deep-learning"
        onChange={(e) => {
          const text = e.currentTarget.value;
          setMapping(text);
          const parsed = parseTagMappingText(text);
          setError(parsed.errors[0] ?? null);
          if (parsed.errors.length === 0) onChange({ ...choices, map: parsed.map });
        }}
      />
      {error ? (
        <p role="alert" className="error">
          {error}
        </p>
      ) : null}
    </section>
  );
}
