"use client";
// One button (plus hidden fields and optional inputs) bound to a server action.
import type { ReactNode } from "react";
import { ActionForm } from "./action-form";
import type { ActionResult } from "./actor";

export function SmallAction({
  action,
  fields,
  children,
  button,
  confirm,
  label,
  danger,
}: {
  action: (prev: unknown, form: FormData) => Promise<ActionResult>;
  fields: Record<string, string>;
  children?: ReactNode;
  button: string;
  confirm?: string;
  label?: string;
  /** Styled as a destructive action (deleting, not undoable). */
  danger?: boolean;
}) {
  return (
    <ActionForm action={action} className="inline" confirm={confirm} label={label}>
      {Object.entries(fields).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      {children}
      <button type="submit" className={danger ? "danger" : undefined}>
        {button}
      </button>
    </ActionForm>
  );
}
