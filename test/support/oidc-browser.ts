import { expect } from 'vitest';

/**
 * Walks the test provider's pages as a browser would (cookies, redirects, its login and consent
 * forms) from the authorization URL until the provider sends the browser back to `callbackPrefix`;
 * returns that callback URL, with its code and state.
 */
export async function passProviderPages(authorizationUrl: string, login: string, callbackPrefix: string) {
  const cookies = new Map<string, string>();
  let next: { url: string; form?: Record<string, string> } = { url: authorizationUrl };
  for (let step = 0; step < 12; step += 1) {
    const response = await fetch(next.url, {
      method: next.form ? 'POST' : 'GET',
      redirect: 'manual',
      headers: {
        cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        ...(next.form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      ...(next.form ? { body: new URLSearchParams(next.form).toString() } : {}),
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const at = pair.indexOf('=');
      cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
    const location = response.headers.get('location');
    if (location) {
      const target = new URL(location, next.url).href;
      if (target.startsWith(callbackPrefix)) return target;
      next = { url: target };
      continue;
    }
    const html = await response.text();
    expect(response.status, html).toBe(200);
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    const prompt = /name="prompt" value="([^"]+)"/.exec(html)?.[1];
    if (!action || !prompt) throw new Error(`no provider form on ${next.url}: ${html.slice(0, 300)}`);
    const url = new URL(action.replaceAll('&amp;', '&'), next.url).href;
    next = { url, form: prompt === 'login' ? { prompt, login, password: 'any' } : { prompt } };
  }
  throw new Error('the provider never sent the browser back');
}
