"use client";
// The column mapping step of an import: for an Anki text or CSV file, which column is the front,
// back, extra, tags and id, shown over a sample of its rows (the server suggests a mapping).
import { useTranslations } from "next-intl";
import { useState } from "react";

export interface Mapping {
  front: number;
  back?: number;
  extra?: number;
  tags?: number;
  guid?: number;
  header?: boolean;
}
export interface Table {
  file: string;
  format: "anki" | "csv";
  columns: string[];
  sample: string[][];
  suggested: Mapping;
}

const ROLES = ["front", "back", "extra", "tags", "guid"] as const;

export function ColumnMappingStep({
  table,
  onApply,
}: {
  table: Table;
  onApply: (m: Mapping) => void;
}) {
  const t = useTranslations("authoring");
  const [m, setM] = useState<Mapping>(table.suggested);
  return (
    <section className="card" aria-label={t("mappingTitle", { file: table.file })}>
      <h2>{t("mappingTitle", { file: table.file })}</h2>
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              {table.columns.map((c) => (
                <th key={c}>{c}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.sample.map((row, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: sample rows have no identity
              <tr key={i}>
                {table.columns.map((c, j) => (
                  <td key={c}>{row[j] ?? ""}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="grid">
        {ROLES.map((role) => (
          <div key={role}>
            <label htmlFor={`${table.file}-${role}`}>{t(`columns.${role}`)}</label>
            <select
              id={`${table.file}-${role}`}
              value={m[role] === undefined ? "" : String(m[role])}
              onChange={(e) => {
                const v = e.currentTarget.value;
                const next = { ...m };
                if (v === "") {
                  if (role !== "front") delete next[role];
                } else next[role] = Number(v);
                setM(next);
              }}
            >
              {role !== "front" ? <option value="">{t("columns.none")}</option> : null}
              {table.columns.map((c, j) => (
                <option key={c} value={j}>
                  {c}
                </option>
              ))}
            </select>
          </div>
        ))}
      </div>
      {table.format === "csv" ? (
        <label>
          <input
            type="checkbox"
            checked={m.header ?? true}
            onChange={(e) => setM({ ...m, header: e.currentTarget.checked })}
          />{" "}
          {t("columns.header")}
        </label>
      ) : null}
      <p>
        <button type="button" onClick={() => onApply(m)}>
          {t("applyMapping")}
        </button>
      </p>
    </section>
  );
}
