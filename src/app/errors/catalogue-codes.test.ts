import { describe, expect, it } from 'vitest';
import { accountsErrors } from './accounts';
import { catalogueErrors } from './catalogue';
import { consoleErrors } from './console';
import { contentErrors } from './content';
import { flexErrors } from './flex';
import { foundationErrors } from './foundation';
import { inboundErrors } from './inbound';
import { integrationsErrors } from './integrations';
import { limitsErrors } from './limits';
import { mailErrors } from './mail';
import { slaErrors } from './sla';
import { ssoErrors } from './sso';
import { ticketsErrors } from './tickets';
import { twoFactorErrors } from './two-factor';
import { workspaceErrors } from './workspace';

const areas: Record<string, object> = {
  accountsErrors,
  catalogueErrors,
  consoleErrors,
  contentErrors,
  flexErrors,
  foundationErrors,
  inboundErrors,
  integrationsErrors,
  limitsErrors,
  mailErrors,
  slaErrors,
  ssoErrors,
  ticketsErrors,
  twoFactorErrors,
  workspaceErrors,
};

describe('the error catalogue', () => {
  // The areas are joined by spreading: a code written in two areas would silently take the later
  // one's status and message everywhere (a set-password link answered 401 instead of 400 once).
  it('defines each code in one area only', () => {
    const owners = new Map<string, string[]>();
    for (const [area, entries] of Object.entries(areas)) {
      for (const code of Object.keys(entries)) owners.set(code, [...(owners.get(code) ?? []), area]);
    }
    const twice = [...owners]
      .filter(([, where]) => where.length > 1)
      .map(([code, where]) => `${code}: ${where.join(', ')}`);
    expect(twice).toEqual([]);
  });
});
