/**
 * Kept prepared statements: a statement built inside a PostgreSQL transaction is kept with the pooled
 * connection it ran on and used again by the next transaction there, instead of being built anew by
 * every save; a statement is never shared between two connections.
 */
import { count } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Database, type Tx } from "../client";
import { TEST_DIALECTS } from "../testing";
import { suiteDb } from "../testing/suite";
import { prepared } from "./prepared";

describe.each(TEST_DIALECTS)("prepared statements in write transactions ($dialect)", ({ dialect, enabled }) => {
  const test = suiteDb(dialect, enabled);
  let builds = 0;
  const organisationCount = ({ q, t }: Tx) =>
    prepared(q, t, "test_organisation_count", (q, t, name) => {
      builds++;
      return q
        .select({ n: count() })
        .from(t.organisations)
        .prepare(...name);
    }).execute();

  describe.skipIf(!enabled)("", () => {
    let single: Database;
    beforeAll(() => {
      single = createDb({ url: test.url, poolSize: 1 });
    });
    afterAll(() => single.close());

    it("builds a statement once for the transactions of one connection, and it still answers each", async () => {
      builds = 0;
      const answers = [];
      for (let round = 0; round < 3; round++) {
        answers.push(
          await single.write(async (tx) => {
            await tx.q.insert(tx.t.organisations).values({
              id: `org-${dialect}-${round}`,
              parentId: null,
              name: `测试单位${round}`,
              kind: "government",
              path: `/org-${dialect}-${round}/`,
              createdAt: 0,
              updatedAt: 0,
            });
            return (await organisationCount(tx))[0]!.n;
          }),
        );
      }
      expect(builds).toBe(1);
      expect(answers).toEqual([answers[0], answers[0]! + 1, answers[0]! + 2]);
    });
  });

  describe.skipIf(!enabled || dialect !== "postgres")("", () => {
    it("gives each pooled connection its own statement", async () => {
      const two = createDb({ url: test.url, poolSize: 2 });
      try {
        builds = 0;
        // Both transactions are open at once, so they run on the pool's two connections.
        let arrived = 0;
        let release!: () => void;
        const bothOpen = new Promise<void>((resolve) => (release = resolve));
        const inTransaction = () =>
          two.write(async (tx) => {
            if (++arrived === 2) release();
            await bothOpen;
            return (await organisationCount(tx))[0]!.n;
          });
        const [a, b] = await Promise.all([inTransaction(), inTransaction()]);
        expect(a).toBe(b);
        expect(builds).toBe(2);
        // And each connection keeps its own for its next transaction.
        await Promise.all([inTransaction(), inTransaction()]);
        expect(builds).toBe(2);
      } finally {
        await two.close();
      }
    });
  });
});
