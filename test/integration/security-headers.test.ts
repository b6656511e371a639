import { describe, expect, it } from 'vitest';
import { TestClient, testApp, testPassword } from '../support/app';
import { createCompany } from '../support/factories';

describe('security headers', () => {
  it('sends a strict policy, no framing, nosniff and a referrer policy; no HSTS over http', async () => {
    const t = await testApp();
    try {
      const response = await new TestClient(t.app).get('/api/session');
      const csp = String(response.headers['content-security-policy']);
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(response.headers['x-frame-options']).toBe('DENY');
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['referrer-policy']).toBe('same-origin');
      expect(response.headers['strict-transport-security']).toBeUndefined();
    } finally {
      await t.close();
    }
  });

  it('over https: HSTS, and the session and anti-forgery cookies carry the __Host- prefix', async () => {
    const t = await testApp({ publicUrl: 'https://support.example.test' });
    try {
      const first = await t.app.inject({ url: '/api/session' });
      expect(first.headers['strict-transport-security']).toMatch(/max-age=\d+/);
      const csrf = first.cookies.find((c) => c.name === '__Host-guichet_csrf');
      expect(csrf).toMatchObject({ secure: true, path: '/' });
      const company = await createCompany(t.ctx.db);
      const login = await t.app.inject({
        method: 'POST',
        url: '/api/session',
        payload: { email: company.customer.email, password: testPassword },
        headers: { cookie: `__Host-guichet_csrf=${csrf?.value}`, 'x-csrf-token': csrf?.value ?? '' },
      });
      expect(login.statusCode).toBe(200);
      const session = login.cookies.find((c) => c.name === '__Host-guichet_session');
      expect(session).toMatchObject({ secure: true, path: '/', httpOnly: true });
      const me = await t.app.inject({
        url: '/api/session',
        headers: { cookie: `__Host-guichet_session=${session?.value}` },
      });
      expect(me.json().user.email).toBe(company.customer.email);
    } finally {
      await t.close();
    }
  });
});
