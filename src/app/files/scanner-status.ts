import type { Actor, AppContext } from '../context';
import { authorize, policy } from '../policy';
import { type ScannerHealth, scannerHealth } from './virus-scan';

/** Admin: whether the virus scanner is configured and could be reached the last time it was asked. */
export function getScannerHealth(ctx: AppContext, actor: Actor): ScannerHealth {
  authorize(policy.administer(actor));
  return scannerHealth(ctx.config.CLAMAV_SOCKET);
}
