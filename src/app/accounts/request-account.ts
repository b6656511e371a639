import { and, count, eq, gt } from 'drizzle-orm';
import { accountRequests } from '../../db/schema/index';
import type { Language } from '../../i18n/language';
import type { AppContext } from '../context';
import { queueMail } from '../outbox';

export interface RequestAccountInput {
  name: string;
  email: string;
  phone?: string | null;
  companyName: string;
  message?: string | null;
  language: Language;
}

/** Requests kept per address and day. */
export const requestsPerAddressAndDay = 3;

/**
 * A person without an account asks for one (R13). The answer and the receipt mail are the same
 * whether or not an account already exists for the address: anything else would let a stranger
 * find out who has an account. Staff see the request, and approving it then says the address is
 * taken.
 */
export async function requestAccount(ctx: AppContext, input: RequestAccountInput): Promise<void> {
  const now = ctx.clock.now();
  const email = input.email.trim().toLowerCase();
  await ctx.db.transaction(async (tx) => {
    // Repeated requests for one address within a day are answered alike but not stored or mailed
    // again, so the form cannot be used to flood a mailbox or the staff's list.
    const [recent] = await tx
      .select({ n: count() })
      .from(accountRequests)
      .where(
        and(
          eq(accountRequests.email, email),
          gt(accountRequests.createdAt, new Date(now.getTime() - 24 * 3_600_000)),
        ),
      );
    if (Number(recent?.n ?? 0) >= requestsPerAddressAndDay) return;
    await tx.insert(accountRequests).values({
      name: input.name,
      email,
      phone: input.phone ?? null,
      companyName: input.companyName,
      message: input.message ?? null,
      language: input.language,
      createdAt: now,
    });
    await queueMail(
      tx,
      {
        template: 'account.request_received',
        recipient: input.email,
        language: input.language,
        params: { name: input.name },
      },
      now,
    );
  });
}
