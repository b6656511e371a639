import { expect, type Page } from '@playwright/test';
import { type ApiSession, apiSession, demo, signIn } from './support/session';

export async function json<T>(
  response: { status(): number; text(): Promise<string>; json(): Promise<unknown> },
  status = 200,
) {
  expect(response.status(), await response.text()).toBe(status);
  return (await response.json()) as T;
}

/** Opens a support ticket as the demo customer; returns its id and key. */
export async function customerTicket(
  customer: ApiSession,
  subject: string,
  options: { criticality?: string; type?: 'assistance' | 'solva_flex' } = {},
) {
  const types = await json<{ items: { id: string; code: string }[] }>(
    await customer.context.get('/api/request-types'),
  );
  const type = types.items.find((t) => t.code === (options.type ?? 'assistance'));
  const created = await json<{ ticket: { id: string; key: string } }>(
    await customer.send('POST', '/api/tickets', {
      desk: 'support',
      requestTypeId: type?.id,
      criticality: options.criticality ?? 'moyenne',
      subject,
      description: `Description : ${subject}.`,
    }),
    201,
  );
  return created.ticket;
}

export async function companyIdOf(session: ApiSession): Promise<string> {
  const me = await json<{ user: { companyId: string } }>(await session.context.get('/api/session'));
  return me.user.companyId;
}

export const customerSession = (baseURL: string) => apiSession(baseURL, demo.customer);

/** Signs in as staff in French (the admin's own language is English). */
export async function signInStaff(page: Page, email: string) {
  await signIn(page, email);
}

/** Chooses an option of a Mantine select by its label. */
export async function choose(page: Page, label: string | RegExp, option: string | RegExp) {
  await page
    .getByRole('textbox', { name: label })
    .or(page.getByRole('combobox', { name: label }))
    .first()
    .click();
  await page.getByRole('option', { name: option }).first().click();
}
