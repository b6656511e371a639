import type { DbOrTx } from '../../db/client';
import { type AutoCloseDelays, defaultAutoCloseDelays } from '../../domain/tickets/index';
import type { Actor, AppContext } from '../context';
import { AppError } from '../errors/index';
import { authorize, policy } from '../policy';
import { readSetting, writeSetting } from '../settings';

export type { AutoCloseDelays };
export { defaultAutoCloseDelays };

export const autoCloseSettingKey = 'autoClose.delays';

export async function readAutoCloseDelays(db: DbOrTx): Promise<AutoCloseDelays> {
  const stored = await readSetting<Partial<AutoCloseDelays>>(db, autoCloseSettingKey);
  return { ...defaultAutoCloseDelays, ...stored };
}

export async function getAutoCloseDelays(ctx: AppContext, actor: Actor): Promise<AutoCloseDelays> {
  authorize(policy.administer(actor));
  return readAutoCloseDelays(ctx.db);
}

/**
 * Changes the delays for waits that start from now on; tickets already waiting keep the dates they
 * were given (their reminders announced a closing date).
 */
export async function saveAutoCloseDelays(
  ctx: AppContext,
  actor: Actor,
  input: AutoCloseDelays,
): Promise<AutoCloseDelays> {
  authorize(policy.administer(actor));
  if (!(input.reminder1Days < input.reminder2Days && input.reminder2Days < input.closeDays)) {
    throw new AppError('auto_close_delays_order');
  }
  const value = {
    reminder1Days: input.reminder1Days,
    reminder2Days: input.reminder2Days,
    closeDays: input.closeDays,
  };
  await writeSetting(ctx.db, autoCloseSettingKey, value, ctx.clock.now(), actor.userId);
  return value;
}
