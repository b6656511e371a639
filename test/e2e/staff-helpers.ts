import type { Page } from '@playwright/test';
import { apiSession, demo, signIn } from './support/session';

/** The demo customer's tickets are opened the same way as in the portal's tests. */
export { companyOf as companyIdOf, json, openTicket as customerTicket } from './support/tickets';

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
