import { describe, expect, it } from 'vitest';
import { scopesGrant, scopesOpenTo, tokenScopes } from './scopes';

describe('token scopes', () => {
  it('read allows reading only; write allows both', () => {
    expect(scopesGrant(['tickets:read'], 'tickets', 'read')).toBe(true);
    expect(scopesGrant(['tickets:read'], 'tickets', 'write')).toBe(false);
    expect(scopesGrant(['tickets:write'], 'tickets', 'read')).toBe(true);
    expect(scopesGrant(['tickets:write'], 'tickets', 'write')).toBe(true);
  });

  it('one area never grants another', () => {
    expect(scopesGrant(['tickets:write'], 'admin', 'read')).toBe(false);
    expect(scopesGrant(['admin:write'], 'tickets', 'read')).toBe(false);
    expect(scopesGrant([], 'tickets', 'read')).toBe(false);
  });

  it('a role offers no scope beyond what it can do', () => {
    expect(scopesOpenTo('customer')).toEqual(['tickets:read', 'tickets:write']);
    expect(scopesOpenTo('agent')).not.toContain('admin:write');
    expect(scopesOpenTo('consultant')).not.toContain('admin:write');
    expect(scopesOpenTo('admin')).toEqual(tokenScopes);
  });
});
