// Each requester's share of the pages process's CPU (pages-server.ts). A page that grows with the
// school (a 300-member dashboard, an export, the statistics of 100,000 reviews) costs ~100 ms of
// CPU; requested again and again by one instructor, it kept a core busy, and on a 2-core server
// the learners' reviews then queued for the other one (Postgres' review p99 1.6–2.8× its value
// alone, instructor bench). Lower priority alone does not prevent it on every kernel: a process
// spinning at nice 19 did the same.
//
// So a requester (a session, or a client address without one) may use `share` of one core on
// average: the CPU its reads used is charged to it, the charge is paid back at `share` of wall
// time, and while it is in debt its next read starts only once the debt is paid. A debt is never
// more than `maxWaitMs` of paying back: one long export costs its requester one wait of at most
// that, not a wait on every page for as long as the export took. It starts with `burstMs` of credit, so someone opening pages as people do,
// a heavy one included, never waits; only a requester that keeps pages rendering back to back is
// slowed, to `share` of a core, however fast the server is. Writes (server actions, imports) are
// neither charged nor held: they are rare and asked for.
//
// The CPU is the process's own (all its threads, the database's read workers included), split
// evenly between the requests in progress each time one starts or ends.
import type { IncomingMessage, ServerResponse } from "node:http";
import { CLIENT_ADDRESS_HEADER } from "../lib/client-address";

export type PageBudgetOptions = {
  /** The share of one core a requester may use on average (0 < share ≤ 1). */
  share: number;
  /** CPU milliseconds a requester may use before being held. */
  burstMs: number;
  /** The longest a request is held (a debt is capped at `maxWaitMs × share`). */
  maxWaitMs: number;
  /** Wall-clock milliseconds. */
  now: () => number;
  /** The CPU milliseconds this process has used (user + system, all threads). */
  cpuMs: () => number;
};

type Account = { debt: number; at: number };
type Charge = { account: Account; cpu: number };

export class PageBudget {
  private readonly accounts = new Map<string, Account>();
  private readonly running = new Set<Charge>();
  private lastCpu: number;

  constructor(private readonly o: PageBudgetOptions) {
    if (!(o.share > 0 && o.share <= 1)) throw new RangeError(`share: ${o.share} is not in (0, 1]`);
    this.lastCpu = o.cpuMs();
  }

  /** How long `key`'s next request is to wait before it starts, in milliseconds. */
  waitMs(key: string): number {
    const debt = this.account(key).debt;
    return debt > 0 ? debt / this.o.share : 0;
  }

  /** A request of `key`'s starts; call the returned function once when it has ended. */
  begin(key: string): () => void {
    this.settle();
    const charge: Charge = { account: this.account(key), cpu: 0 };
    this.running.add(charge);
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      this.settle();
      this.running.delete(charge);
      const account = this.account(key);
      account.debt = Math.min(account.debt + charge.cpu, this.o.maxWaitMs * this.o.share);
    };
  }

  /** The CPU used since the last call, split evenly between the requests in progress. */
  private settle(): void {
    const cpu = this.o.cpuMs();
    const used = cpu - this.lastCpu;
    this.lastCpu = cpu;
    if (this.running.size === 0) return;
    for (const charge of this.running) charge.cpu += used / this.running.size;
  }

  /** `key`'s account, its debt paid back up to now (and forgotten once it has all its credit). */
  private account(key: string): Account {
    const now = this.o.now();
    this.forgetSettled(now);
    let account = this.accounts.get(key);
    if (!account) {
      account = { debt: -this.o.burstMs, at: now };
      this.accounts.set(key, account);
    }
    account.debt = Math.max(-this.o.burstMs, account.debt - (now - account.at) * this.o.share);
    account.at = now;
    return account;
  }

  private lastSweep = Number.NEGATIVE_INFINITY;

  /** Accounts with their whole credit back are dropped (a new one starts the same way). */
  private forgetSettled(now: number): void {
    const fullCreditAfter = (this.o.burstMs * 2) / this.o.share;
    if (now - this.lastSweep < fullCreditAfter) return;
    this.lastSweep = now;
    const busy = new Set([...this.running].map((c) => c.account));
    for (const [key, account] of this.accounts) {
      const paid = account.debt - (now - account.at) * this.o.share <= -this.o.burstMs;
      if (paid && !busy.has(account)) this.accounts.delete(key);
    }
  }
}

/** better-auth's session cookie (with the __Secure- prefix over HTTPS). */
const SESSION_COOKIE = /(?:^|;\s*)(?:__Secure-)?better-auth\.session_token=([^;]+)/;

/**
 * Whose request it is: the session, else the API token, else the client address (set by the
 * front, production-server.ts).
 */
export function requesterOf(req: IncomingMessage): string {
  const session = SESSION_COOKIE.exec(req.headers.cookie ?? "")?.[1];
  if (session) return `session ${session}`;
  const token = req.headers.authorization;
  if (token) return `token ${token}`;
  return `address ${req.headers[CLIENT_ADDRESS_HEADER]}`;
}

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * `handle`, with every read (GET, HEAD) charged to its requester and held while it is in debt;
 * Next's static files (hashed, cached by browsers) are charged but never held.
 */
export function budgetedReads(
  budget: PageBudget,
  handle: Handler,
  hold: (ms: number, go: () => void) => void = (ms, go) => void setTimeout(go, ms),
): Handler {
  return (req, res) => {
    if (req.method !== "GET" && req.method !== "HEAD") return handle(req, res);
    const key = requesterOf(req);
    const go = () => {
      res.once("close", budget.begin(key));
      handle(req, res);
    };
    const wait = req.url?.startsWith("/_next/static/") ? 0 : budget.waitMs(key);
    if (wait > 0) hold(wait, go);
    else go();
  };
}
