// Test helpers for other packages' tests (a real temp SQLite file or a Postgres database of the
// test's own, and review fixtures). Not for production code.
export { ensurePostgresRunning } from "./postgres-server.ts";
export {
  createReviewFixture,
  type ReviewFixture,
  type ReviewFixtureOptions,
} from "./review-fixtures.ts";
export { createSchoolFixture, type SchoolFixture } from "./school-fixture.ts";
export {
  adminPostgresUrl,
  createTestDb,
  type TestDb,
  type TestDbKind,
  testDbKind,
} from "./test-db.ts";
