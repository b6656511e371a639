import { and, asc, eq, inArray, lt, sql } from 'drizzle-orm';
import { flexLedger, timeEntries, users } from '../../db/schema/index';
import { zurichInstant } from '../../domain/calendar/index';
import { dayNumberOf, isoDateOf } from '../../domain/calendar/iso-date';
import type { Actor, AppContext } from '../context';
import { AppError } from '../errors/index';
import { activeFlexContract } from './balance';
import { type FlexMovementView, listMovements } from './get-flex-overview';
import { canReadStatement, flexCompanyFor } from './scope';

export interface FlexStatementLine extends FlexMovementView {
  timeEntries: { id: string; workDate: string; minutes: number; note: string; consultant: string }[];
}

export interface FlexStatement {
  companyId: string;
  contract: { id: string; reference: string; startsOn: string; endsOn: string | null };
  from: string;
  to: string;
  openingBalanceMinutes: number;
  closingBalanceMinutes: number;
  lines: FlexStatementLine[];
}

/**
 * R12: the Flex statement of a period (Zurich dates, both included) for the company's managers and
 * staff: opening and closing balance, and each movement with the time entries a debit billed.
 */
export async function getFlexStatement(
  ctx: AppContext,
  actor: Actor,
  input: { companyId?: string; from: string; to: string },
): Promise<FlexStatement> {
  const companyId = flexCompanyFor(actor, input.companyId);
  if (!canReadStatement(actor)) throw new AppError('forbidden');
  if (input.from > input.to) throw new AppError('billing_period_invalid');
  const contract = await activeFlexContract(ctx.db, companyId, ctx.clock.now());
  if (!contract) throw new AppError('not_found');
  const start = zurichInstant(`${input.from} 00:00`);
  const end = zurichInstant(`${isoDateOf(dayNumberOf(input.to) + 1)} 00:00`);

  const balanceBefore = async (instant: Date) => {
    const [row] = await ctx.db
      .select({ balance: sql<number>`coalesce(sum(${flexLedger.minutes}), 0)::integer` })
      .from(flexLedger)
      .where(and(eq(flexLedger.contractId, contract.id), lt(flexLedger.createdAt, instant)));
    return Number(row?.balance ?? 0);
  };
  const movements = (await listMovements(ctx.db, contract.id, { from: start, to: end })).reverse();
  const runIds = [...new Set(movements.map((m) => m.billingRunId).filter((id): id is string => id !== null))];
  const entries =
    runIds.length === 0
      ? []
      : await ctx.db
          .select({
            id: timeEntries.id,
            ticketId: timeEntries.ticketId,
            billingRunId: timeEntries.billingRunId,
            workDate: timeEntries.workDate,
            minutes: timeEntries.minutes,
            note: timeEntries.note,
            consultant: users.name,
          })
          .from(timeEntries)
          .innerJoin(users, eq(users.id, timeEntries.userId))
          .where(
            and(
              inArray(timeEntries.billingRunId, runIds),
              eq(timeEntries.companyId, companyId),
              eq(timeEntries.billing, 'flex'),
            ),
          )
          .orderBy(asc(timeEntries.workDate), asc(timeEntries.createdAt));

  return {
    companyId,
    contract: {
      id: contract.id,
      reference: contract.reference,
      startsOn: contract.startsOn,
      endsOn: contract.endsOn,
    },
    from: input.from,
    to: input.to,
    openingBalanceMinutes: await balanceBefore(start),
    closingBalanceMinutes: await balanceBefore(end),
    lines: movements.map((m) => ({
      ...m,
      timeEntries:
        m.kind === 'debit'
          ? entries
              .filter((e) => e.billingRunId === m.billingRunId && e.ticketId === m.ticket?.id)
              .map(({ id, workDate, minutes, note, consultant }) => ({
                id,
                workDate,
                minutes,
                note,
                consultant,
              }))
          : [],
    })),
  };
}
