/**
 * After-change effects: what follows a ticket change or an SLA recomputation, inside the same
 * transaction (SLA due times, R9 timers, R7 warnings, live notices, webhooks). The list is one ordered
 * value composed by the composition root (`src/composition.ts`) and installed once per process;
 * no module registers anything by being imported. Recording a change in a process that has not
 * installed the list is a programming error and fails loudly instead of silently skipping effects.
 */
import type { Tx } from '../db/client';
import type { ticketEvents, tickets } from '../db/schema/index';
import type { SlaRecomputation, SlaReport, SlaTargets, SlaTargetsOverride } from '../domain/sla/index';
import type { SlaConfig } from './sla-settings';

/**
 * What the code recording a change already read in its transaction, handed to the effects so they
 * do not read it again (a ticket being created: its SLA settings, contract terms and whether its
 * request type counts toward SLA).
 */
export interface KnownAtChange {
  sla?: {
    config: SlaConfig;
    contractId: string | null;
    override: SlaTargetsOverride;
    /** Whether each request type the history names counts toward SLA. */
    countingTypes: ReadonlyMap<string, boolean>;
    /** A ticket being created: the SLA its creation computed from its one entry, with its targets. */
    opening?: { report: SlaReport; targets: SlaTargets };
  };
}

/** A recorded change: the ticket as it now is and the event that records it. */
export interface RecordedTicketChange {
  ticket: typeof tickets.$inferSelect;
  event: typeof ticketEvents.$inferSelect;
  known?: KnownAtChange;
}

/**
 * The same effect over many changes recorded at once (the timers fire hundreds per transaction),
 * with a few statements for all of them instead of a few per change. Its result must be the one
 * of the single form run on each change in turn.
 */
export type TicketChangesEffect = (tx: Tx, changes: readonly RecordedTicketChange[]) => Promise<void>;

/**
 * Runs after every recorded ticket change, in its transaction, with the ticket as it now is. An
 * effect may carry its batch form (`many`); one without is run on each change of a batch in turn.
 */
export type TicketChangeEffect = ((
  tx: Tx,
  ticket: typeof tickets.$inferSelect,
  event: typeof ticketEvents.$inferSelect,
  known?: KnownAtChange,
) => Promise<void>) & { readonly many?: TicketChangesEffect };

/** An effect with its batch form; the function keeps its own name (the effect lists name them). */
export function withBatchForm(
  one: (
    tx: Tx,
    ticket: typeof tickets.$inferSelect,
    event: typeof ticketEvents.$inferSelect,
    known?: KnownAtChange,
  ) => Promise<void>,
  many: TicketChangesEffect,
): TicketChangeEffect {
  return Object.assign(one, { many });
}

/** Runs one effect over a batch of changes: its batch form, or the single form on each in turn. */
export async function runOverChanges(
  effect: TicketChangeEffect,
  tx: Tx,
  changes: readonly RecordedTicketChange[],
): Promise<void> {
  if (!changes.length) return;
  if (effect.many) return effect.many(tx, changes);
  for (const change of changes) await effect(tx, change.ticket, change.event, change.known);
}

/** Runs after every SLA recomputation, in its transaction, once the ticket row is updated. */
export type SlaRecomputeEffect = (tx: Tx, change: SlaRecomputation) => Promise<void>;

/** An R7 warning that fired (at risk or breached), with the ticket as it is. */
export interface SlaWarning {
  ticket: typeof tickets.$inferSelect;
  target: 'engagement' | 'resolution';
  breach: boolean;
  dueAt: Date;
  now: Date;
}

/** Runs when an SLA warning fires, in the transaction that marks its timer done. */
export type SlaWarningEffect = (tx: Tx, warning: SlaWarning) => Promise<void>;

export interface AfterChangeEffects {
  readonly afterTicketChange: readonly TicketChangeEffect[];
  readonly afterSlaRecompute: readonly SlaRecomputeEffect[];
  readonly afterSlaWarning: readonly SlaWarningEffect[];
}

let installed: AfterChangeEffects | null = null;

/**
 * Installs the process's effect list. Installing the same list again is harmless (tests build
 * many apps); a different list is refused, so one process can never run two sets.
 */
export function installEffects(effects: AfterChangeEffects): void {
  if (installed && !sameEffects(installed, effects)) {
    throw new Error('a different list of after-change effects is already installed in this process');
  }
  installed = effects;
}

/** The installed list; throws when the process was not built by the composition root. */
export function installedEffects(): AfterChangeEffects {
  if (!installed) {
    throw new Error(
      'no after-change effects installed: build the context with composeContext (src/composition.ts)',
    );
  }
  return installed;
}

function sameEffects(a: AfterChangeEffects, b: AfterChangeEffects): boolean {
  const same = <T>(x: readonly T[], y: readonly T[]) =>
    x.length === y.length && x.every((f, i) => f === y[i]);
  return (
    same(a.afterTicketChange, b.afterTicketChange) &&
    same(a.afterSlaRecompute, b.afterSlaRecompute) &&
    same(a.afterSlaWarning, b.afterSlaWarning)
  );
}
