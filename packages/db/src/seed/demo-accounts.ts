/** The demo instance's accounts (documented in the README). Only seeded when STRIDES_DEMO is not 0. */
export const DEMO_PASSWORD = "strides-demo";

export const DEMO_ACCOUNTS = {
  instructor: { id: "demo-instructor", name: "Demo Instructor", email: "instructor@strides.local" },
  learner: { id: "demo-learner", name: "Demo Learner", email: "learner@strides.local" },
} as const;

export const DEMO_GROUP = { name: "Demo study group", slug: "demo" } as const;
