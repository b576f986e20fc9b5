// "Forgot password" with SMTP configured, against a real SMTP server started in the test
// (smtp-server) and better-auth as configured for Strides on a real test database: a known address
// gets a working link by mail, an unknown one the same answer and no mail.
import type { AddressInfo } from "node:net";
import { authenticateApiToken, createApiToken } from "@strides/db";
import { createTestDb, type TestDb, testDbKind } from "@strides/db/testing";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAuth } from "./auth-config";
import { createSmtpMailer } from "./mailer";

const BASE = "http://localhost:3000";

interface Received {
  to: string[];
  body: string;
}

async function startSmtp(): Promise<{ server: SMTPServer; port: number; inbox: Received[] }> {
  const inbox: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["AUTH", "STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        inbox.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          body: Buffer.concat(chunks).toString("utf8"),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  return { server, port, inbox };
}

async function waitFor<T>(read: () => T | undefined, ms = 10_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = read();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error("timed out waiting for the mail");
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The link in a mail body (quoted-printable soft line breaks and =3D undone). */
function linkIn(body: string): string {
  const text = body.replace(/=\r?\n/g, "").replace(/=3D/g, "=");
  const m = text.match(/https?:\/\/\S+\/reset-password\/\S+/);
  if (!m) throw new Error(`no reset link in the mail:\n${text}`);
  return m[0];
}

describe(`password reset by mail on ${testDbKind()}`, () => {
  let t: TestDb;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let auth: ReturnType<typeof createAuth>;
  beforeAll(async () => {
    t = await createTestDb();
    smtp = await startSmtp();
    auth = createAuth({
      db: t.db,
      provider: t.provider,
      secret: "test-secret-test-secret-test-secret-0000",
      baseURL: BASE,
      trustedOrigins: [BASE],
      secureCookies: false,
      mailer: createSmtpMailer({
        url: `smtp://127.0.0.1:${smtp.port}`,
        from: "Strides <strides@example.test>",
      }),
    });
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => smtp?.server.close(() => resolve()));
    await t?.destroy();
  });

  const post = (path: string, body: unknown) =>
    auth.handler(
      new Request(`${BASE}/api/auth${path}`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: BASE },
        body: JSON.stringify(body),
      }),
    );

  it("mails a working link to a known address and nothing to an unknown one", async () => {
    const email = "learner@example.test";
    expect(
      (await post("/sign-up/email", { email, password: "old-password", name: "Learner" })).status,
    ).toBe(200);
    const user = await t.db.user.findUniqueOrThrow({ where: { email } });
    const token = await createApiToken({ db: t.db, userId: user.id, name: "cli", now: new Date() });
    expect(await t.db.session.count({ where: { userId: user.id } })).toBe(1);

    const known = await post("/request-password-reset", { email, redirectTo: "/reset-password" });
    const unknown = await post("/request-password-reset", {
      email: "nobody@example.test",
      redirectTo: "/reset-password",
    });
    expect(known.status).toBe(200);
    expect(unknown.status).toBe(known.status);
    expect(await unknown.json()).toEqual(await known.json());

    const mail = await waitFor(() => smtp.inbox[0]);
    expect(mail.to).toEqual([email]);
    expect(mail.body).toContain("Strides");
    // The unknown address got nothing (the known one's mail has arrived, so would have any other).
    await new Promise((r) => setTimeout(r, 300));
    expect(smtp.inbox).toHaveLength(1);

    // The link opens the reset page with better-auth's token; the page sets the new password.
    const opened = await auth.handler(new Request(linkIn(mail.body)));
    expect(opened.status).toBe(302);
    const location = new URL(opened.headers.get("location") ?? "", BASE);
    expect(location.pathname).toBe("/reset-password");
    const resetToken = location.searchParams.get("token") ?? "";
    expect(resetToken).not.toBe("");
    const reset = await post("/reset-password", { newPassword: "new-password", token: resetToken });
    expect(reset.status).toBe(200);

    expect(await t.db.session.count({ where: { userId: user.id } })).toBe(0);
    expect(
      await authenticateApiToken({ db: t.db, token: token.token, now: new Date() }),
    ).toBeNull();
    expect((await post("/sign-in/email", { email, password: "old-password" })).status).toBe(401);
    expect((await post("/sign-in/email", { email, password: "new-password" })).status).toBe(200);
    // The link works once.
    const again = await post("/reset-password", {
      newPassword: "third-password",
      token: resetToken,
    });
    expect(again.status).toBe(400);
    const audit = await t.db.passwordReset.findMany({ where: { userId: user.id } });
    expect(audit.map((a) => [a.via, a.usedAt !== null])).toEqual([["email", true]]);
  });
});
