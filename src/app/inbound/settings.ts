import type { DbOrTx } from '../../db/client';
import type { Actor, AppContext } from '../context';
import { authorize, policy } from '../policy';
import { readSetting, writeSetting } from '../settings';

export interface InboundSettings {
  /** A mail from a known customer with no ticket reference opens a new support ticket. */
  autoCreate: boolean;
}

const KEY = 'inbound.autoCreate';

export async function inboundSettings(db: DbOrTx): Promise<InboundSettings> {
  return { autoCreate: (await readSetting<boolean>(db, KEY)) === true };
}

export async function getInboundSettings(ctx: AppContext, actor: Actor): Promise<InboundSettings> {
  authorize(policy.administer(actor));
  return inboundSettings(ctx.db);
}

export async function updateInboundSettings(
  ctx: AppContext,
  actor: Actor,
  input: InboundSettings,
): Promise<InboundSettings> {
  authorize(policy.administer(actor));
  await writeSetting(ctx.db, KEY, input.autoCreate, ctx.clock.now(), actor.userId);
  return inboundSettings(ctx.db);
}
