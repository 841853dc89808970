/**
 * Prepared statements kept across requests. Building a Drizzle query (the SQL text, the field map) costs
 * more than running it on a small table, so the hot reads build theirs once per connection handle and
 * then only bind values: better-sqlite3 keeps the compiled statement; node-postgres sends the named
 * statement once per pooled connection and then only its parameters.
 *
 * A prepared statement holds no data, only SQL, so keeping one is safe however many server instances
 * share the database. Statements are kept per executor: the database handle for reads, which lives as
 * long as the process; a PostgreSQL transaction has an executor of its own, bound to one pooled
 * connection, so statements built inside one are kept with that connection and used again by the
 * next transaction that runs on it (statementOwner).
 */
import { type Executor, statementOwner, type Tables } from "../client";

const kept = new WeakMap<object, Map<string, unknown>>();

/**
 * The statement `name` on this executor, built by `build` on first use: `build` ends with
 * `.prepare(...name)`. SQLite's prepare takes no argument (and ignores one); PostgreSQL's needs the
 * statement's name, which `name` carries while typed as no argument, the types being SQLite's (see
 * client.ts). `name` must be unique per SQL text: PostgreSQL refuses a second text under a name a
 * connection already holds.
 */
export function prepared<P>(q: Executor, t: Tables, name: string, build: (q: Executor, t: Tables, name: []) => P): P {
  const owner = statementOwner(q);
  let statements = kept.get(owner);
  if (!statements) kept.set(owner, (statements = new Map()));
  let statement = statements.get(name) as P | undefined;
  if (!statement) {
    statement = build(q, t, [`nianbao_${name}`] as unknown as []);
    statements.set(name, statement);
  }
  return statement;
}
