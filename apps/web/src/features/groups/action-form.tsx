"use client";
// A form bound to a server action returning an ActionResult: shows the error next to the form (or
// at the named field through `FieldError`) and the success content once done.
import { useTranslations } from "next-intl";
import {
  createContext,
  type ReactNode,
  startTransition,
  useActionState,
  useContext,
  useEffect,
  useRef,
} from "react";
import { errorBodyText } from "@/lib/api-error-text";
import type { ActionResult } from "./actor";

type Action<T> = (prev: unknown, form: FormData) => Promise<ActionResult<T>>;

const ResultContext = createContext<ActionResult<object> | null>(null);

type Failure = Extract<ActionResult<object>, { ok: false }>;

/**
 * The failure in the interface language: its message id (`errors.<key>`, the field it names in
 * that language), else the group screens' text for its code, else the English message.
 */
function useErrorText(): (state: Failure) => string {
  const t = useTranslations("groups");
  const e = useTranslations("errors");
  const fields = useTranslations("errorFields");
  return (state) => {
    const fallback = t.has(`errors.${state.code}`) ? t(`errors.${state.code}`) : state.error;
    return errorBodyText(state, fallback, e, { fields });
  };
}

export function ActionForm<T extends object>({
  action,
  children,
  success,
  className,
  confirm,
  label,
}: {
  action: Action<T>;
  children: ReactNode;
  success?: (result: { ok: true } & T) => ReactNode;
  className?: string;
  confirm?: string;
  label?: string;
}) {
  const errorText = useErrorText();
  const [state, formAction, pending] = useActionState<ActionResult<T> | null, FormData>(
    action,
    null,
  );
  const formRef = useRef<HTMLFormElement>(null);
  // Cleared once the action succeeds; after an error what was typed stays to be corrected (React
  // resets a form whose `action` ran, so with JavaScript the action is called from onSubmit).
  useEffect(() => {
    if (state?.ok) formRef.current?.reset();
  }, [state]);
  return (
    <ResultContext.Provider value={state as ActionResult<object> | null}>
      <form
        ref={formRef}
        action={formAction}
        className={className}
        aria-label={label}
        aria-busy={pending}
        onSubmit={(e) => {
          e.preventDefault();
          if (confirm && !window.confirm(confirm)) return;
          const submitter = (e.nativeEvent as SubmitEvent).submitter;
          const data = new FormData(e.currentTarget, submitter);
          startTransition(() => formAction(data));
        }}
      >
        {children}
        {state && !state.ok && !state.field ? (
          <p role="alert" className="error">
            {errorText(state)}
          </p>
        ) : null}
      </form>
      {state?.ok && success ? success(state) : null}
    </ResultContext.Provider>
  );
}

/** The error for one field of the enclosing ActionForm, shown at the field. */
export function FieldError({ field, id }: { field: string; id?: string }) {
  const state = useContext(ResultContext);
  const errorText = useErrorText();
  if (!state || state.ok || state.field?.split(".")[0] !== field) return null;
  return (
    <p role="alert" className="error" id={id}>
      {errorText(state)}
    </p>
  );
}
