// Answer-format helpers shared by the architecture exercise generators.
import { t } from "../generator.ts";

export const ints = (values: number[]) => ({ kind: "integers" as const, values });
export const int = (value: number) => ({ kind: "integer" as const, value });
export const listFormat = (lang: "ko" | "en", n: number, example: string) =>
  t(
    lang,
    `정수 ${n}개를 세미콜론으로 구분 (예: ${example})`,
    `${n} integers separated by semicolons (e.g. ${example})`,
  );
