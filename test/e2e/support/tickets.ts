import { expect } from '@playwright/test';
import type { ApiSession } from './session';

/** The body of an API answer, after checking its status (the body is the failure message). */
export async function json<T>(
  response: { status(): number; text(): Promise<string>; json(): Promise<unknown> },
  status = 200,
) {
  expect(response.status(), await response.text()).toBe(status);
  return (await response.json()) as T;
}

/** The company of the customer signed in on `session`. */
export async function companyOf(session: ApiSession): Promise<string> {
  const me = await json<{ user: { companyId: string } }>(await session.context.get('/api/session'));
  return me.user.companyId;
}

/** Opens a support ticket as the customer of `session` (Assistance unless told); returns its id and key. */
export async function openTicket(
  session: ApiSession,
  subject: string,
  options: { criticality?: string; type?: 'assistance' | 'solva_flex' } = {},
) {
  const types = await json<{ items: { id: string; code: string }[] }>(
    await session.context.get('/api/request-types'),
  );
  const type = types.items.find((t) => t.code === (options.type ?? 'assistance'));
  const created = await json<{ ticket: { id: string; key: string } }>(
    await session.send('POST', '/api/tickets', {
      desk: 'support',
      requestTypeId: type?.id,
      criticality: options.criticality ?? 'moyenne',
      subject,
      description: `Description de « ${subject} ».`,
    }),
    201,
  );
  return created.ticket;
}
