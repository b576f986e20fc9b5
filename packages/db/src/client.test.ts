import { createRequire } from "node:module";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { prismaPgOver, withHotPathOptions } from "./client.ts";

describe("withHotPathOptions", () => {
  it.each([
    [
      "postgresql://u:p@db.example:5432/strides?sslmode=require",
      { host: "db.example", database: "strides", options: "-c plan_cache_mode=force_generic_plan" },
    ],
    // A socket directory as the host.
    [
      "postgresql:///strides?host=/var/run/postgresql",
      {
        host: "/var/run/postgresql",
        database: "strides",
        options: "-c plan_cache_mode=force_generic_plan",
      },
    ],
    // The URL's own options are kept, ours added after them.
    [
      "postgres://u@localhost/strides?options=-c%20statement_timeout%3D5000",
      {
        host: "localhost",
        database: "strides",
        options: "-c statement_timeout=5000 -c plan_cache_mode=force_generic_plan",
      },
    ],
  ])("%s: the same server and database, with the hot path's setting", (url, expected) => {
    const result = withHotPathOptions(url);
    // The server and database as pg reads them; the options as URL parameters are read (pg's
    // parser reads them with URLSearchParams).
    const client = new pg.Client({ connectionString: result });
    expect({
      host: client.host,
      database: client.database,
      options: new URL(result).searchParams.get("options"),
    }).toEqual(expected);
  });

  it("leaves a string that is not a URL as it is", () => {
    expect(withHotPathOptions("not a url")).toBe("not a url");
  });
});

describe("prismaPgOver", () => {
  it("uses our pool even when it comes from another copy of pg than the adapter's", async () => {
    // A second copy of pg, as Next's server bundle loads one beside the adapter's.
    const require = createRequire(import.meta.url);
    const cached = Object.keys(require.cache).filter((k) =>
      /[\\/]node_modules[\\/]pg[\\/]/.test(k),
    );
    const saved = cached.map((k) => [k, require.cache[k]] as const);
    for (const k of cached) delete require.cache[k];
    let other: typeof pg;
    try {
      other = require("pg") as typeof pg;
    } finally {
      for (const [k, m] of saved) require.cache[k] = m;
    }
    expect(other.Pool).not.toBe(pg.Pool);
    // Never connected: the adapter only wraps the pool until a query.
    const pool = new other.Pool({ connectionString: "postgresql://u@127.0.0.1:1/none" });
    for (const p of [pool, new pg.Pool({ connectionString: "postgresql://u@127.0.0.1:1/none" })]) {
      const adapter = await prismaPgOver(p as pg.Pool).connect();
      expect(adapter.underlyingDriver()).toBe(p);
      await p.end();
    }
  });
});
