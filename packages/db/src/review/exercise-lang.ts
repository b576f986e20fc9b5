// The language an exercise is generated in: the language of the page that shows it. The web app
// passes the page's language when it knows it (`lang`) and the browser's (`browserLang`), which
// counts only when the learner saved no language ("browser language").

export type ExerciseLang = "en" | "ko";

export interface ExerciseLangChoice {
  /** The language the page is shown in (wins). */
  lang?: ExerciseLang | undefined;
  /** The browser's language, for a learner whose saved language is "browser language". */
  browserLang?: ExerciseLang | undefined;
}

export function exerciseLangOf(saved: string | null, choice: ExerciseLangChoice): ExerciseLang {
  if (choice.lang) return choice.lang;
  if (saved === "ko" || saved === "en") return saved;
  return choice.browserLang ?? "en";
}
