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
}: {
  action: (prev: unknown, form: FormData) => Promise<ActionResult>;
  fields: Record<string, string>;
  children?: ReactNode;
  button: string;
  confirm?: string;
  label?: string;
}) {
  return (
    <ActionForm action={action} className="inline" confirm={confirm} label={label}>
      {Object.entries(fields).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      {children}
      <button type="submit">{button}</button>
    </ActionForm>
  );
}
