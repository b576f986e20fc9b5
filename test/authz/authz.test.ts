// Every role against every server action and route handler, in process, on a fresh copy of one
// fixture database per case. Fails when a route or an exported server action has no matrix entry.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { APP_ERROR_HTTP_STATUS, type AppErrorCode } from "@strides/content";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTemplate, type Fixture, ROLES, type Role, type Template, USERS } from "./fixture.ts";
import { ACTIONS, type Outcome, ROUTES } from "./matrix.ts";

const state = vi.hoisted(() => ({ db: null as unknown, userId: null as string | null }));

class Redirect extends Error {
  constructor(readonly url: string) {
    super(`redirect ${url}`);
  }
}

vi.mock("@/lib/db", () => ({
  get db() {
    return state.db;
  },
  get dbHandle() {
    return { db: state.db, provider: "sqlite" };
  },
}));
vi.mock("@/lib/session", () => ({
  getSessionUser: async () =>
    state.userId ? { id: state.userId, email: `${state.userId}@example.com`, name: "x" } : null,
}));
vi.mock("@/lib/auth", () => ({
  auth: {
    api: {
      // As better-auth answers: the session, or with `returnHeaders` the session and its headers.
      getSession: async (o?: { returnHeaders?: boolean }) => {
        const session = state.userId
          ? { user: { id: state.userId }, session: { userId: state.userId } }
          : null;
        return o?.returnHeaders ? { headers: new Headers(), response: session } : session;
      },
      signOut: async () => ({ success: true }),
    },
    handler: async () => new Response(null, { status: 200 }),
  },
}));
vi.mock("next/headers", () => ({
  headers: async () => new Headers(),
  cookies: async () => ({ get: () => undefined, getAll: () => [], set() {}, delete() {} }),
}));
vi.mock("next/cache", () => ({ revalidatePath() {}, revalidateTag() {} }));
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw new Redirect(url);
  },
  notFound: () => {
    throw Object.assign(new Error("not found"), { code: "NOT_FOUND" });
  },
}));

const webSrc = join(import.meta.dirname, "../../apps/web/src");
const appDir = join(webSrc, "app");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

const files = walk(webSrc).filter((f) => /\.(ts|tsx)$/.test(f) && !/\.test\.tsx?$/.test(f));
const routeFiles = files.filter((f) => f.endsWith("/route.ts"));
const actionFiles = files.filter((f) => /^\s*["']use server["']/.test(readFileSync(f, "utf8")));

/** A refusal's exact status (401, 403, 404), else the kind of answer. */
function classifyStatus(status: number): Outcome | string {
  if (status < 300) return "allow";
  if (status === 401 || status === 403 || status === 404) return status;
  if (status === 409) return "conflict";
  if (status === 400) return "invalid";
  return `status ${status}`;
}

function classify(value: unknown): Outcome | string {
  if (value instanceof Response) return classifyStatus(value.status);
  if (value && typeof value === "object" && "ok" in value) {
    const r = value as { ok: boolean; code?: string; error?: string };
    if (r.ok) return "allow";
    return classifyCode(r.code, r.error);
  }
  return "allow";
}

/** A server action's refusal as the status its code answers with in the API. */
function classifyCode(code: string | undefined, message?: string): Outcome | string {
  const status = APP_ERROR_HTTP_STATUS[code as AppErrorCode];
  if (status === undefined || status >= 500) return `${code}: ${message}`;
  return classifyStatus(status);
}

async function outcome(run: () => Promise<unknown>): Promise<Outcome | string> {
  try {
    return classify(await run());
  } catch (error) {
    if (error instanceof Redirect) {
      // A page or action sending a visitor to sign in is the 401 of the browser.
      if (error.url.startsWith("/sign-in")) return 401;
      if (error.url.includes("error=")) return `redirect ${error.url}`;
      return "allow";
    }
    const e = error as { code?: string; message?: string };
    if (e?.code) return classifyCode(e.code, e.message);
    return `threw ${String(error)}`;
  }
}

let template: Template;
let fx: Fixture;

beforeAll(async () => {
  template = await createTemplate();
  fx = template.fixture;
}, 120_000);
afterAll(() => template?.destroy());

async function asRole<T>(role: Role, run: () => Promise<T>): Promise<T> {
  const handle = await template.open();
  state.db = handle.db;
  state.userId = role === "anonymous" ? null : USERS[role].id;
  try {
    return await run();
  } finally {
    state.db = null;
    state.userId = null;
    await handle.dispose();
  }
}

describe("the matrix covers the app", () => {
  it("has an entry for every route handler and method", async () => {
    const found: string[] = [];
    for (const f of routeFiles) {
      const mod = (await import(f)) as Record<string, unknown>;
      const route = relative(appDir, f).replace(/\/route\.ts$/, "");
      for (const m of METHODS) if (typeof mod[m] === "function") found.push(`${route} ${m}`);
    }
    expect(found.sort()).toEqual(ROUTES.map((r) => r.id).sort());
  });

  it("has an entry for every exported server action", async () => {
    const found: string[] = [];
    for (const f of actionFiles) {
      const mod = (await import(f)) as Record<string, unknown>;
      for (const [name, v] of Object.entries(mod)) {
        if (typeof v === "function") found.push(`${relative(webSrc, f)}#${name}`);
      }
    }
    expect(found.sort()).toEqual(ACTIONS.map((a) => a.id).sort());
  });
});

describe.each(ACTIONS)("server action $id", (entry) => {
  it.each(ROLES)("%s", async (role) => {
    const [path, name] = entry.id.split("#") as [string, string];
    const mod = (await import(join(webSrc, path))) as Record<
      string,
      (...a: unknown[]) => Promise<unknown>
    >;
    const fn = mod[name];
    if (!fn) throw new Error(`${entry.id} is not exported`);
    const got = await asRole(role, () => outcome(() => entry.call(fn, fx)));
    expect(got).toBe(entry.expect[role]);
  });
});

type Handler = (r: Request, c: { params: Promise<unknown> }) => Promise<Response>;

async function callRoute(
  id: string,
  req: { query?: string; body?: FormData; json?: unknown },
  params: Record<string, string | string[]>,
): Promise<Response> {
  const [route, method] = id.split(" ") as [string, string];
  const mod = (await import(join(appDir, route, "route.ts"))) as Record<string, Handler>;
  const handler = mod[method];
  if (!handler) throw new Error(`${id} is not exported`);
  const url = `http://localhost/${route}${req.query ? `?${req.query}` : ""}`;
  const init: RequestInit = { method };
  if (req.json !== undefined) {
    const body = JSON.stringify(req.json);
    init.body = body;
    init.headers = { "content-type": "application/json", "content-length": String(body.length) };
  } else if (req.body) init.body = req.body;
  return handler(new Request(url, init), { params: Promise.resolve(params) });
}

describe.each(ROUTES.filter((r) => r.expect !== "public"))("route $id", (entry) => {
  it.each(ROLES)("%s", async (role) => {
    const got = await asRole(role, async () => {
      if (entry.before) {
        await outcome(() => callRoute(entry.before?.id ?? "", entry.before?.request(fx) ?? {}, {}));
      }
      const response = await callRoute(entry.id, entry.request?.(fx) ?? {}, entry.params(fx)).catch(
        (error: unknown) => error,
      );
      if (response instanceof Response && entry.id.startsWith("api/")) {
        // An answer about one account is kept by no cache, refusals included.
        expect(response.headers.get("cache-control"), entry.id).toMatch(/no-store/);
      }
      if (response instanceof Response && [403, 404].includes(response.status)) {
        // A refusal names nothing of group Alpha (its name, slug or its deck's slug).
        expect(await response.clone().text()).not.toMatch(/alpha/i);
      }
      return outcome(async () => {
        if (response instanceof Response) return response;
        throw response;
      });
    });
    expect(got).toBe((entry.expect as Record<Role, Outcome>)[role]);
  });
});

// A server action is a public endpoint: a client may post it arguments of any type (React's reply
// encoding carries strings, numbers, objects, FormData). A wrong type is the caller's error, a
// validation refusal naming the input, never a TypeError answered 500.
const WRONG_ARGUMENTS: unknown[][] = [[], [null, {}], [null, "x"], [{}], [42, 42], [null, [1]]];

describe.each(ACTIONS)("server action $id given arguments of the wrong type", (entry) => {
  it.each(WRONG_ARGUMENTS.map((args) => [JSON.stringify(args), args] as const))(
    "%s",
    async (_name, args) => {
      const [path, name] = entry.id.split("#") as [string, string];
      const mod = (await import(join(webSrc, path))) as Record<
        string,
        (...a: unknown[]) => Promise<unknown>
      >;
      const fn = mod[name];
      if (!fn) throw new Error(`${entry.id} is not exported`);
      // An action that takes no argument ignores what it is sent.
      if (fn.length === 0) return;
      const got = await asRole("member", () => outcome(() => fn(...args)));
      if (typeof got === "string" && got.startsWith("redirect ")) {
        // A form that answers with a redirect (settings) names the error in the address.
        expect(got).toMatch(/[?&]error=.*[?&]field=input/);
      } else {
        expect(got).toBe("invalid");
      }
    },
  );
});

describe("deleting the account asks for the password", () => {
  it("counts wrong passwords in the sign-in throttle, so a session cannot guess it", async () => {
    const mod = (await import(join(webSrc, "app/settings/account/actions.ts"))) as Record<
      string,
      (...a: unknown[]) => Promise<unknown>
    >;
    const fn = mod.deleteAccountAction;
    if (!fn) throw new Error("deleteAccountAction is not exported");
    const got = await asRole("member", async () => {
      const outcomes: (Outcome | string)[] = [];
      for (let i = 0; i < 11; i++) {
        const form = new FormData();
        form.append("password", `guess-${i}-password`);
        outcomes.push(await outcome(() => fn(null, form)));
      }
      return outcomes;
    });
    expect(got).toEqual([...Array(10).fill("invalid"), "status 429"]);
  });
});
