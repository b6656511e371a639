/**
 * The people of the test identity provider (any password; the login name is the account id) and the
 * portal's single sign-on settings in the tests: which of their groups and domains let them in.
 */
export interface TestAccount {
  email: string;
  name: string;
  groups: string[];
  emailVerified?: boolean;
}

export const testAccounts: Record<string, TestAccount> = {
  'ada-admin': { email: 'ada.admin@staff.test', name: 'Ada Admin', groups: ['guichet-admins', 'everyone'] },
  'alan-agent': {
    email: 'alan.agent@staff.test',
    name: 'Alan Agent',
    groups: ['guichet-agents', 'everyone'],
  },
  'nina-nogroup': { email: 'nina.nogroup@staff.test', name: 'Nina Nogroup', groups: ['everyone'] },
  'rita-promoted': { email: 'rita@staff.test', name: 'Rita Promoted', groups: ['guichet-admins'] },
  'carl-customer': { email: 'carl@staff.test', name: 'Carl Customer', groups: ['guichet-agents'] },
  'otto-unverified': {
    email: 'otto@staff.test',
    name: 'Otto',
    groups: ['guichet-agents'],
    emailVerified: false,
  },
  'oscar-outsider': { email: 'oscar@elsewhere.test', name: 'Oscar Outsider', groups: ['guichet-admins'] },
};

/** The mapping the portal is configured with in these tests. */
export const testSsoEnv = (issuer: string): Record<string, string> => ({
  OIDC_ISSUER: issuer,
  OIDC_CLIENT_ID: 'guichet',
  OIDC_CLIENT_SECRET: 'guichet-test-client-secret',
  OIDC_PROVIDER_NAME: 'Staff ID',
  OIDC_SCOPES: 'openid email profile groups',
  OIDC_ADMIN_GROUPS: 'guichet-admins',
  OIDC_AGENT_GROUPS: 'guichet-agents',
  OIDC_ALLOWED_DOMAINS: 'staff.test',
});
