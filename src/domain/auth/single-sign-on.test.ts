import { describe, expect, it } from 'vitest';
import { decideStaffAccess, type SsoMapping } from './single-sign-on';

const mapping: SsoMapping = {
  allowedDomains: ['staff.test', 'Partner.Test'],
  groupsClaim: 'groups',
  adminGroups: ['admins'],
  consultantGroups: ['consultants'],
  agentGroups: ['agents'],
};
const person = (claims: Record<string, unknown>) =>
  decideStaffAccess({ email: 'Ann.Lee@Staff.test', name: 'Ann Lee', ...claims }, mapping);

describe('staff access through the identity provider', () => {
  it('gives the strongest role of the mapped groups', () => {
    expect(person({ groups: ['agents'] })).toMatchObject({
      admitted: true,
      role: 'agent',
      email: 'ann.lee@staff.test',
    });
    expect(person({ groups: ['agents', 'consultants'] })).toMatchObject({ role: 'consultant' });
    expect(person({ groups: ['agents', 'admins', 'consultants'] })).toMatchObject({ role: 'admin' });
  });

  it('reads groups sent as one string, and from the configured claim', () => {
    expect(person({ groups: 'others admins' })).toMatchObject({ role: 'admin' });
    const roles = decideStaffAccess(
      { email: 'a@staff.test', roles: ['agents'] },
      { ...mapping, groupsClaim: 'roles' },
    );
    expect(roles).toMatchObject({ admitted: true, role: 'agent' });
  });

  it('refuses a person in no mapped group', () => {
    expect(person({ groups: ['everyone'] })).toEqual({
      admitted: false,
      reason: 'sso_no_role',
      email: 'ann.lee@staff.test',
    });
    expect(person({})).toMatchObject({ admitted: false, reason: 'sso_no_role' });
  });

  it('refuses a domain not allowed, including a look-alike sub-domain, whatever the groups', () => {
    const at = (email: string) => decideStaffAccess({ email, groups: ['admins'] }, mapping);
    expect(at('eve@elsewhere.test')).toMatchObject({ admitted: false, reason: 'sso_domain_not_allowed' });
    expect(at('eve@evil.staff.test')).toMatchObject({ admitted: false, reason: 'sso_domain_not_allowed' });
    expect(at('eve@staff.test.evil')).toMatchObject({ admitted: false, reason: 'sso_domain_not_allowed' });
    expect(at('bob@partner.test')).toMatchObject({ admitted: true, role: 'admin' });
  });

  it('refuses a missing or unverified address', () => {
    expect(decideStaffAccess({ groups: ['admins'] }, mapping)).toMatchObject({ reason: 'sso_email_missing' });
    expect(person({ groups: ['admins'], email_verified: false })).toMatchObject({
      reason: 'sso_email_unverified',
    });
  });

  it('names the account from name, or given and family names, or the address', () => {
    expect(person({ groups: ['agents'] })).toMatchObject({ name: 'Ann Lee' });
    expect(
      person({ name: undefined, given_name: 'Ann', family_name: 'Lee', groups: ['agents'] }),
    ).toMatchObject({
      name: 'Ann Lee',
    });
    expect(person({ name: ' ', groups: ['agents'] })).toMatchObject({ name: 'ann.lee' });
  });
});
