import { defaultCalendarConfig } from '../../src/domain/calendar/index';
import { defaultSlaTargets } from '../../src/domain/sla/index';
import type { TestClient } from './app';

/**
 * SLA targets and the business calendar are instance-wide: a test that changes them starts from
 * the defaults, put back through the administration API by an admin.
 */
export async function restoreSlaDefaults(admin: TestClient): Promise<void> {
  const targets = await admin.put('/api/admin/sla/targets', { targets: defaultSlaTargets });
  if (targets.statusCode !== 200) throw new Error(`SLA targets not restored: ${targets.body}`);
  const calendar = await admin.put('/api/admin/calendar', defaultCalendarConfig);
  if (calendar.statusCode !== 200) throw new Error(`calendar not restored: ${calendar.body}`);
}
