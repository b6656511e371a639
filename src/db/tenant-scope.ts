import { AsyncLocalStorage } from 'node:async_hooks';
import { sql } from 'drizzle-orm';
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
      const committed = db.transaction(async (tx) => {
        // One round trip for both: set_config('role', …, true) is SET LOCAL ROLE.
        await tx.execute(
          switchRole
            ? sql`select set_config(${companySetting}, ${companyId}, true), set_config('role', ${customerRole}, true)`
            : sql`select set_config(${companySetting}, ${companyId}, true)`,
        );
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
