// The demo instance's accounts. Only seeded when STRIDES_DEMO is not 0. Each has a random password
// of its own (the learner's never opens the instructor's account), made at the first seed and
// printed once on the server's console (never published, never stored in plain text); test scripts
// may fix them with STRIDES_DEMO_LEARNER_PASSWORD and STRIDES_DEMO_INSTRUCTOR_PASSWORD. The demo
// instructor owns the demo group but is not the instance administrator: the first real account to
// sign up is.
import { randomBytes } from "node:crypto";

export const DEMO_ACCOUNTS = {
  instructor: { id: "demo-instructor", name: "Demo Instructor", email: "instructor@strides.local" },
  learner: { id: "demo-learner", name: "Demo Learner", email: "learner@strides.local" },
} as const;

export const DEMO_GROUP = { name: "Demo study group", slug: "demo" } as const;

/** The password demo instances seeded before passwords were random used; it is public. */
export const PUBLISHED_DEMO_PASSWORD = "strides-demo";

export type DemoAccount = keyof typeof DEMO_ACCOUNTS;
/** A password per demo account. */
export type DemoPasswords = Record<DemoAccount, string>;

/** A random demo password: 16 characters from a URL-safe alphabet (96 bits). */
export function generateDemoPassword(): string {
  return randomBytes(12).toString("base64url");
}

/** A random password for each demo account, each drawn on its own. */
export function generateDemoPasswords(): DemoPasswords {
  return { instructor: generateDemoPassword(), learner: generateDemoPassword() };
}
