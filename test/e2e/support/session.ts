import { type APIRequestContext, expect, type Page, request } from '@playwright/test';

export const demoPassword = 'guichet-demo';

export const demo = {
  customer: 'client@acme.demo',
  manager: 'manager@acme.demo',
  germanCustomer: 'kunde@bergmann.demo',
  agent: 'agent@guichet.demo',
  consultant: 'consultant@guichet.demo',
  admin: 'admin@guichet.demo',
} as const;

/** Signs in through the login page (French labels) and waits for the home page. */
export async function signIn(page: Page, email: string, password = demoPassword): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByRole('textbox', { name: 'Mot de passe', exact: true }).fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: /^Bienvenue|^Willkommen|^Welcome/ }),
  ).toBeVisible();
}

/** An API session of its own (cookies + anti-forgery header), apart from the browser's. */
export async function apiSession(baseURL: string, email: string, password = demoPassword) {
  const context = await request.newContext({ baseURL });
  await context.get('/api/session');
  const csrf = async () => {
    const state = await context.storageState();
    return state.cookies.find((c) => c.name === 'guichet_csrf')?.value ?? '';
  };
  const send = async (method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, data?: unknown) =>
    context.fetch(path, { method, data: data ?? {}, headers: { 'x-csrf-token': await csrf() } });
  const login = await send('POST', '/api/session', { email, password });
  expect(login.status(), await login.text()).toBe(200);
  return { context, send, dispose: () => context.dispose() };
}

export type ApiSession = Awaited<ReturnType<typeof apiSession>>;

/** Polls until `probe` returns a value (mails reach the store a moment after they are queued). */
export async function eventually<T>(
  probe: () => Promise<T | undefined>,
  what: string,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`timed out waiting for ${what}`);
}

export type { APIRequestContext };
