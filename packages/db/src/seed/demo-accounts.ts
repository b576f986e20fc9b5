// The demo instance's accounts. Only seeded when STRIDES_DEMO is not 0. Their password is random,
// made at the first seed and printed once on the server's console (never published, never stored
// in plain text); test scripts may fix it with STRIDES_DEMO_PASSWORD. The demo instructor owns the
// demo group but is not the instance administrator: the first real account to sign up is.
import { randomBytes } from "node:crypto";

export const DEMO_ACCOUNTS = {
  instructor: { id: "demo-instructor", name: "Demo Instructor", email: "instructor@strides.local" },
  learner: { id: "demo-learner", name: "Demo Learner", email: "learner@strides.local" },
} as const;

export const DEMO_GROUP = { name: "Demo study group", slug: "demo" } as const;

/** The password demo instances seeded before passwords were random used; it is public. */
export const PUBLISHED_DEMO_PASSWORD = "strides-demo";

/** A random demo password: 16 characters from a URL-safe alphabet (96 bits). */
export function generateDemoPassword(): string {
  return randomBytes(12).toString("base64url");
}
