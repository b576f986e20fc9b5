// The review loop's JSON API against the running production build (scripts/e2e.mjs starts it on a
// temp SQLite database with the demo seed). Uses its own learners so the browser tests are unaffected.
import { randomUUID } from "node:crypto";
import { listGenerators } from "@strides/content";
import {
  createApiToken,
  createDeck,
  createGroup,
  type DbHandle,
  DEMO_GROUP,
  loadActor,
  openDb,
  saveEditorCard,
} from "@strides/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const baseUrl = process.env.STRIDES_BASE_URL ?? "http://127.0.0.1:3000";
const DECK = "dl-basic-cnn";

interface Step {
  card: {
    id: string;
    kind: string;
    frontHtml: string;
    context: string[];
    intervals: { rating: number; label: string }[];
  } | null;
  counts: { new: number; learning: number; review: number };
}

describe("JSON API for the review loop", () => {
  let handle: DbHandle;
  let cookie = "";
  let memberToken = "";
  let outsiderToken = "";
  let deckId = "";
  let memberId = "";

  async function api(
    path: string,
    init: {
      method?: string;
      body?: unknown;
      raw?: string;
      auth?: "cookie" | "member" | "outsider" | "none";
      headers?: Record<string, string>;
    } = {},
  ) {
    const headers: Record<string, string> = { ...init.headers };
    const auth = init.auth ?? "cookie";
    if (auth === "cookie") headers.cookie = cookie;
    if (auth === "member") headers.authorization = `Bearer ${memberToken}`;
    if (auth === "outsider") headers.authorization = `Bearer ${outsiderToken}`;
    if (init.body !== undefined || init.raw !== undefined)
      headers["content-type"] = "application/json";
    const res = await fetch(`${baseUrl}${path}`, {
      method: init.method ?? "GET",
      headers,
      ...(init.raw !== undefined
        ? { body: init.raw }
        : init.body !== undefined
          ? { body: JSON.stringify(init.body) }
          : {}),
    });
    return { status: res.status, json: (await res.json()) as Record<string, unknown> };
  }

  beforeAll(async () => {
    handle = await openDb(process.env.DATABASE_URL);
    const email = `api-${randomUUID().slice(0, 8)}@strides.local`;
    const res = await fetch(`${baseUrl}/api/auth/sign-up/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: baseUrl },
      body: JSON.stringify({ email, password: "api-test-password", name: "API learner" }),
    });
    expect(res.status).toBe(200);
    cookie = res.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    const user = await handle.db.user.findUniqueOrThrow({ where: { email } });
    memberId = user.id;
    const group = await handle.db.group.findUniqueOrThrow({ where: { slug: DEMO_GROUP.slug } });
    await handle.db.membership.create({
      data: { groupId: group.id, userId: user.id, role: "member" },
    });
    memberToken = (
      await createApiToken({ db: handle.db, userId: user.id, name: "api test", now: new Date() })
    ).token;
    const outsider = await handle.db.user.create({
      data: {
        id: `outsider-${randomUUID()}`,
        name: "Outsider",
        email: `out-${randomUUID().slice(0, 8)}@strides.local`,
      },
    });
    outsiderToken = (
      await createApiToken({ db: handle.db, userId: outsider.id, name: "t", now: new Date() })
    ).token;
    deckId = (await handle.db.deck.findUniqueOrThrow({ where: { slug: DECK } })).id;
  });
  afterAll(async () => {
    await handle?.close();
  });

  it("refuses requests without a session or token (401, JSON error)", async () => {
    const r = await api("/api/v1/decks", { auth: "none" });
    expect(r.status).toBe(401);
    expect(r.json).toEqual({
      error: { code: "UNAUTHENTICATED", message: expect.any(String), key: "signedOut" },
    });
    expect((await api("/api/v1/decks", { auth: "none", method: "GET" })).status).toBe(401);
    const bad = await fetch(`${baseUrl}/api/v1/decks`, {
      headers: { authorization: "Bearer nope" },
    });
    expect(bad.status).toBe(401);
  });

  it("refuses a review-scope token outside /api/v1 (403), however privileged its owner", async () => {
    for (const path of ["/admin/backup", "/settings/account/export"]) {
      const r = await fetch(`${baseUrl}${path}`, {
        headers: { authorization: `Bearer ${memberToken}` },
      });
      expect(r.status, path).toBe(403);
      expect(((await r.json()) as { error: { key?: string } }).error.key).toBe("tokenScope");
    }
    // The same account's session cookie still exports its data.
    const own = await fetch(`${baseUrl}/settings/account/export`, { headers: { cookie } });
    expect(own.status).toBe(200);
  });

  it("lists the learner's decks with today's counts (session cookie and bearer token)", async () => {
    for (const auth of ["cookie", "member"] as const) {
      const r = await api("/api/v1/decks", { auth });
      expect(r.status).toBe(200);
      const decks = r.json.decks as { id: string; slug: string; counts: { new: number } }[];
      const deck = decks.find((d) => d.slug === DECK);
      expect(deck?.id).toBe(deckId);
      expect(deck?.counts.new).toBeGreaterThan(0);
    }
    const out = await api("/api/v1/decks", { auth: "outsider" });
    expect(out.json.decks).toEqual([]);
  });

  it("returns the next card rendered, with context, counts and the four intervals", async () => {
    const r = await api(`/api/v1/review/next?deck=${deckId}`);
    expect(r.status).toBe(200);
    const step = r.json as unknown as Step;
    expect(step.card?.frontHtml).toMatch(/<p>|<span class="katex/);
    expect(step.card?.intervals.map((i) => i.rating)).toEqual([1, 2, 3, 4]);
    expect(step.counts.new).toBeGreaterThan(0);
    expect(Array.isArray(step.card?.context)).toBe(true);
  });

  it("answers 404 for unknown decks and cards and for others' (naming nothing)", async () => {
    expect((await api("/api/v1/review/next?deck=no-such-deck")).status).toBe(404);
    const hidden = await api(`/api/v1/review/next?deck=${deckId}`, { auth: "outsider" });
    expect(hidden.status).toBe(404);
    expect((hidden.json.error as { code: string }).code).toBe("NOT_FOUND");
    const unknown = await api("/api/v1/reviews", {
      method: "POST",
      body: { requestId: randomUUID(), cardId: "no-such-card", rating: 3, durationMs: 1000 },
    });
    expect(unknown.status).toBe(404);
    const card = await handle.db.card.findFirstOrThrow({ where: { deckId, kind: "basic" } });
    const others = await api("/api/v1/reviews", {
      method: "POST",
      auth: "outsider",
      body: { requestId: randomUUID(), cardId: card.id, rating: 3, durationMs: 1000 },
    });
    expect(others.status).toBe(404);
    const slug = (await handle.db.deck.findUniqueOrThrow({ where: { id: deckId } })).slug;
    expect(JSON.stringify(others.json)).not.toContain(slug);
    expect(JSON.stringify(others.json)).not.toContain(deckId);
    expect((await api(`/api/v1/cards/${card.id}`, { auth: "outsider" })).status).toBe(404);
  });

  it("answers the same with the session cookie and with a bearer token", async () => {
    // The production server's front thread answers these two paths itself (apps/web/src/server).
    const viaNext = await api(`/api/v1/review/next?deck=${deckId}`);
    const direct = await api(`/api/v1/review/next?deck=${deckId}`, { auth: "member" });
    expect(direct.status).toBe(200);
    // Interval labels carry FSRS fuzz, seeded by the moment of the request: compare the rest.
    const withoutLabels = (json: Record<string, unknown>) => {
      const card = json.card as { intervals: { rating: number; label: string }[] };
      return { ...json, card: { ...card, intervals: card.intervals.map((i) => i.rating) } };
    };
    expect(withoutLabels(direct.json)).toEqual(withoutLabels(viaNext.json));
    for (const auth of ["cookie", "member"] as const) {
      const bad = await api("/api/v1/reviews", {
        method: "POST",
        auth,
        body: { requestId: randomUUID(), cardId: "x", rating: 3 },
      });
      expect(bad).toEqual({
        status: 400,
        json: {
          error: {
            code: "BAD_INPUT",
            message: expect.any(String),
            field: "durationMs",
            key: "fieldRequired",
            params: { field: "durationMs" },
          },
        },
      });
      const notJson = await api("/api/v1/reviews", { method: "POST", auth, raw: "{nope" });
      expect(notJson.status).toBe(400);
    }
    const res = await fetch(`${baseUrl}/api/v1/reviews`, {
      method: "POST",
      headers: { authorization: `Bearer ${memberToken}`, "content-type": "application/json" },
      body: JSON.stringify({ requestId: randomUUID(), cardId: "x", answer: "y".repeat(70_000) }),
    });
    // Too large is 413 (not a malformed body), naming the field and the limit.
    expect(res.status).toBe(413);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("x-frame-options")).toBe("DENY");
    expect(res.headers.get("content-type")).toContain("application/json");
    expect(await res.json()).toMatchObject({
      error: { code: "TOO_LARGE", field: "body", key: "tooLarge", params: { limit: "64 KiB" } },
    });
  });

  it("refuses a cross-site review posted with the session cookie (403), not with a token", async () => {
    const body = { requestId: randomUUID(), cardId: "x", rating: 3, durationMs: 1000 };
    const crossSite: Record<string, string>[] = [
      { origin: "https://evil.example" },
      { "sec-fetch-site": "cross-site" },
    ];
    for (const headers of crossSite) {
      const r = await api("/api/v1/reviews", { method: "POST", body, headers });
      expect(r).toEqual({
        status: 403,
        json: { error: { code: "FORBIDDEN", message: "cross-site request refused" } },
      });
      // A bearer token is no ambient credential: the same request is answered (the card is unknown).
      const token = await api("/api/v1/reviews", { method: "POST", body, headers, auth: "member" });
      expect(token.status).toBe(404);
    }
    const none = await api(`/api/v1/review/next?deck=${deckId}`, { auth: "none" });
    expect(none.status).toBe(401);
  });

  it("renews a session due for it on the review API and sends the new cookie", async () => {
    // Sessions last 30 days and are renewed once a day: this one was last renewed 2 days ago.
    const due = new Date(Date.now() + 28 * 24 * 3600 * 1000);
    await handle.db.session.updateMany({ where: { userId: memberId }, data: { expiresAt: due } });
    const res = await fetch(`${baseUrl}/api/v1/review/next?deck=${deckId}`, {
      headers: { cookie },
    });
    expect(res.status).toBe(200);
    const renewed = res.headers.getSetCookie().find((c) => c.includes("session_token="));
    expect(renewed).toMatch(/Max-Age=2592000/i);
    const session = await handle.db.session.findFirstOrThrow({ where: { userId: memberId } });
    expect(session.expiresAt.getTime()).toBeGreaterThan(due.getTime() + 24 * 3600 * 1000);
  });

  it("clears the cookie of a session that no longer exists, with the 401", async () => {
    const email = `gone-${randomUUID().slice(0, 8)}@strides.local`;
    const up = await fetch(`${baseUrl}/api/auth/sign-up/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: baseUrl },
      body: JSON.stringify({ email, password: "api-test-password", name: "Gone" }),
    });
    const goneCookie = up.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    const user = await handle.db.user.findUniqueOrThrow({ where: { email } });
    await handle.db.session.deleteMany({ where: { userId: user.id } });
    const res = await fetch(`${baseUrl}/api/v1/review/next`, { headers: { cookie: goneCookie } });
    expect(res.status).toBe(401);
    const cleared = res.headers.getSetCookie().find((c) => c.includes("session_token="));
    expect(cleared).toMatch(/Max-Age=0/i);
  });

  it("rejects bad bodies with 400 naming the field", async () => {
    const notJson = await api("/api/v1/reviews", { method: "POST", raw: "{nope" });
    expect(notJson.status).toBe(400);
    expect((notJson.json.error as { code: string }).code).toBe("BAD_INPUT");
    const noDuration = await api("/api/v1/reviews", {
      method: "POST",
      body: { requestId: randomUUID(), cardId: "x", rating: 3 },
    });
    expect(noDuration.status).toBe(400);
    expect((noDuration.json.error as { field: string }).field).toBe("durationMs");
    const badRating = await api("/api/v1/reviews", {
      method: "POST",
      body: { requestId: randomUUID(), cardId: "x", rating: 5, durationMs: 10 },
    });
    expect(badRating.status).toBe(400);
    const neither = await api("/api/v1/reviews", {
      method: "POST",
      body: { requestId: randomUUID(), cardId: "x", durationMs: 10 },
    });
    expect(neither.status).toBe(400);
  });

  it("records a review once per request id, returns the next card, and undoes it", async () => {
    const first = (await api(`/api/v1/review/next?deck=${deckId}`)).json as unknown as Step;
    const cardId = first.card?.id as string;
    const requestId = randomUUID();
    const body = { requestId, cardId, rating: 3, durationMs: 4200, deck: deckId };
    const r = await api("/api/v1/reviews", { method: "POST", body });
    expect(r.status).toBe(201);
    const result = r.json as {
      review: { cardId: string; rating: number; duplicate: boolean };
      next: Step;
    };
    expect(result.review).toMatchObject({ cardId, rating: 3, duplicate: false });
    expect(result.next.card?.id).not.toBe(cardId);

    const again = await api("/api/v1/reviews", { method: "POST", body });
    expect(again.status).toBe(200);
    expect((again.json.review as { duplicate: boolean }).duplicate).toBe(true);
    expect(await handle.db.reviewLog.count({ where: { userId: memberId, cardId } })).toBe(1);

    const undo = await api("/api/v1/reviews/undo", { method: "POST", body: { deck: deckId } });
    expect(undo.status).toBe(200);
    expect((undo.json as { undone: string; next: Step }).next.card?.id).toBe(cardId);
    expect(await handle.db.reviewLog.count({ where: { userId: memberId, cardId } })).toBe(0);
    const nothing = await api("/api/v1/reviews/undo", { method: "POST" });
    expect(nothing.status).toBe(404);
  });

  it("checks exercise answers only for exercise cards and buries a card", async () => {
    const basic = await handle.db.card.findFirstOrThrow({ where: { deckId, kind: "basic" } });
    const r = await api("/api/v1/review/check", {
      method: "POST",
      body: { cardId: basic.id, answer: "42", durationMs: 1000 },
    });
    expect(r.status).toBe(400);
    const step = (await api(`/api/v1/review/next?deck=${deckId}`)).json as unknown as Step;
    const id = step.card?.id as string;
    const buried = await api(`/api/v1/cards/${id}/bury`, {
      method: "POST",
      body: { deck: deckId },
    });
    expect(buried.status).toBe(200);
    expect((buried.json as unknown as Step).card?.id).not.toBe(id);
  });

  it("asks the exercise in the request's language on both paths (Accept-Language)", async () => {
    // A learner of their own group and deck holding one exercise: it is their next card.
    const id = randomUUID().slice(0, 8);
    const user = await handle.db.user.create({
      data: { id: `lang-${id}`, name: "Lang learner", email: `lang-${id}@strides.local` },
    });
    const actor = await loadActor({ db: handle.db, userId: user.id });
    if (!actor) throw new Error("no actor");
    const now = new Date();
    const group = await createGroup({
      db: handle.db,
      actor,
      input: { name: "Lang", slug: `lang-${id}` },
      now,
    });
    if (!group.ok) throw new Error("group slug taken");
    const deck = await createDeck({
      db: handle.db,
      actor,
      groupId: group.groupId,
      input: { name: "Lang", slug: `lang-${id}` },
      now,
    });
    if (!deck.ok) throw new Error("deck slug taken");
    const generator = listGenerators()[0]?.name ?? "";
    await saveEditorCard({
      db: handle.db,
      actor,
      deckId: deck.deckId,
      fields: { kind: "exercise", generator, params: "", prompt: "", tags: "" },
      now,
    });
    const token = (await createApiToken({ db: handle.db, userId: user.id, name: "lang", now }))
      .token;
    const ask = async (headers: Record<string, string>) => {
      const r = await fetch(`${baseUrl}/api/v1/review/next?deck=${deck.deckId}`, { headers });
      expect(r.status).toBe(200);
      const step = (await r.json()) as {
        card: { kind: string; exercise: { questionHtml: string; answerFormat: string } } | null;
      };
      expect(step.card?.kind).toBe("exercise");
      const ex = step.card?.exercise;
      return `${ex?.questionHtml ?? ""}\n${ex?.answerFormat ?? ""}`;
    };
    const bearer = { authorization: `Bearer ${token}` };
    // The production server's direct route (bearer token) …
    expect(await ask({ ...bearer, "accept-language": "ko-KR,ko;q=0.9,en;q=0.5" })).toMatch(
      /[가-힣]/,
    );
    expect(await ask({ ...bearer, "accept-language": "en-US,en;q=0.9" })).not.toMatch(/[가-힣]/);
    // … and a saved language wins over the browser's, as on the pages.
    await handle.db.learnerSettings.upsert({
      where: { userId: user.id },
      create: { userId: user.id, locale: "en" },
      update: { locale: "en" },
    });
    expect(await ask({ ...bearer, "accept-language": "ko-KR" })).not.toMatch(/[가-힣]/);
  });
});
