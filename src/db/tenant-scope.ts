import { AsyncLocalStorage } from 'node:async_hooks';
import { sql } from 'drizzle-orm';
import { NodePgSession, NodePgTransaction } from 'drizzle-orm/node-postgres';
import { PgDialect } from 'drizzle-orm/pg-core';
import type pg from 'pg';
import type { Db, Tx } from './client';

/**
 * The database role customer work runs as: it owns nothing and bypasses nothing, so the
 * row-level security policies of the company tables (see the row_level_security migration)
 * apply to it even when the application connects as the tables' owner or as a superuser.
 */
export const customerRole = 'guichet_customer';

/** The transaction-local setting the policies read: the company of the customer acting. */
export const companySetting = 'guichet.company_id';

interface Scope {
  tx: Tx;
  /** False once the transaction has ended: late callbacks fall back to the plain database. */
  open: boolean;
}

export interface TenantScope {
  /** The database as code sees it: inside `asCustomer`, the customer's transaction; elsewhere the plain database. */
  db: Db;
  /**
   * Runs `work` in one transaction limited to `companyId`: the company is set transaction-locally
   * and the role switched to the customer role, so a query that forgets its WHERE clause still
   * sees nothing of another company. The transaction commits whatever `work` throws, because work
   * that fails after a completed write (e.g. an audit row, then a refusal) expects that write kept,
   * as it is without the scope; a failed inner transaction has already rolled itself back.
   */
  asCustomer<T>(companyId: string, work: () => Promise<T>): Promise<T>;
  /** Whether customer transactions switch role (false when the database user may not take it). */
  enforced(): Promise<boolean>;
}

export function tenantScope(db: Db): TenantScope {
  const storage = new AsyncLocalStorage<Scope>();
  const current = (): Tx | null => {
    const scope = storage.getStore();
    return scope?.open ? scope.tx : null;
  };
  const scopedDb = new Proxy(db, {
    get(target, property) {
      const source: object = current() ?? target;
      const value: unknown = Reflect.get(source, property);
      return typeof value === 'function' ? value.bind(source) : value;
    },
  });

  let roleUsable: Promise<boolean> | null = null;
  const enforced = () => {
    roleUsable ??= db
      .execute(
        sql`select case when exists (select 1 from pg_roles where rolname = ${customerRole})
              then pg_has_role(current_user, ${customerRole}, 'MEMBER') else false end as usable`,
      )
      .then((result) => (result as unknown as { rows: { usable: boolean }[] }).rows[0]?.usable === true);
    return roleUsable;
  };

  return {
    db: scopedDb,
    enforced,
    async asCustomer<T>(companyId: string, work: () => Promise<T>): Promise<T> {
      // Already inside a customer transaction: its scope applies.
      if (current()) return work();
      const switchRole = await enforced();
      // Null until `work` has run: a transaction that could not even begin (the database is
      // away) must surface its own error, which says so, not a generic one.
      let outcome = null as { ok: true; value: T } | { ok: false; error: unknown } | null;
      const committed = scopedTransaction(db, companyId, switchRole, async (tx) => {
        const scope: Scope = { tx, open: true };
        try {
          outcome = { ok: true, value: await storage.run(scope, work) };
        } catch (error) {
          outcome = { ok: false, error };
        } finally {
          scope.open = false;
        }
      });
      try {
        await committed;
      } catch (commitError) {
        // A failed statement aborts the transaction, and the commit then fails too: the work's
        // own error is the one that explains what happened.
        throw outcome && !outcome.ok ? outcome.error : commitError;
      }
      if (!outcome) throw new Error('customer transaction ended without running its work');
      if (!outcome.ok) throw outcome.error;
      return outcome.value;
    },
  };
}

type Pool = { connect(): Promise<pg.PoolClient> };
const isPool = (client: unknown): client is Pool =>
  typeof (client as Pool | undefined)?.connect === 'function';
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const dialect = new PgDialect();

/**
 * A transaction whose company (and role, with `switchRole`) are set before `work` runs. On
 * PostgreSQL, BEGIN and the settings go in one round trip: one simple-protocol query of two
 * statements, which takes no parameters, so the company id is written in only once it is known
 * to be a uuid. The transaction is then drizzle's own over that connection (nested transactions
 * are savepoints). Elsewhere (PGlite, in the process) the settings are a statement of their own.
 */
async function scopedTransaction(
  db: Db,
  companyId: string,
  switchRole: boolean,
  work: (tx: Tx) => Promise<void>,
): Promise<void> {
  const settings = switchRole
    ? sql`select set_config(${companySetting}, ${companyId}, true), set_config('role', ${customerRole}, true)`
    : sql`select set_config(${companySetting}, ${companyId}, true)`;
  const pool: unknown = (db as unknown as { $client?: unknown }).$client;
  if (!isPool(pool) || !uuidPattern.test(companyId)) {
    return db.transaction(async (tx) => {
      await tx.execute(settings);
      await work(tx);
    });
  }
  const client = await pool.connect();
  // A failed begin, commit or rollback leaves the connection in no known state: it is closed.
  let broken: Error | undefined;
  const send = async (text: string) => {
    try {
      await client.query(text);
    } catch (error) {
      broken = error instanceof Error ? error : new Error(String(error));
      throw error;
    }
  };
  try {
    const role = switchRole ? `, set_config('role', '${customerRole}', true)` : '';
    await send(`begin; select set_config('${companySetting}', '${companyId.toLowerCase()}', true)${role}`);
    const { schema, fullSchema, tableNamesMap } = db._;
    const relations = schema ? { schema, fullSchema, tableNamesMap } : undefined;
    const session = new NodePgSession(client, dialect, relations);
    const tx = new NodePgTransaction(dialect, session, relations) as unknown as Tx;
    try {
      await work(tx);
    } catch (error) {
      await send('rollback');
      throw error;
    }
    await send('commit');
  } finally {
    client.release(broken);
  }
}
