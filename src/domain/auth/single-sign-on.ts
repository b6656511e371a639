/**
 * Who may come in through the staff identity provider, and as what. Pure: the provider's claims and
 * the operator's mapping in, a role or the reason for a refusal out.
 */
import type { StaffRole } from '../roles';

export type { StaffRole };

export interface SsoMapping {
  allowedDomains: readonly string[];
  groupsClaim: string;
  adminGroups: readonly string[];
  consultantGroups: readonly string[];
  agentGroups: readonly string[];
}

export type SsoRefusal =
  | 'sso_email_missing'
  | 'sso_email_unverified'
  | 'sso_domain_not_allowed'
  | 'sso_no_role';

export type SsoDecision =
  | { admitted: true; email: string; name: string; role: StaffRole }
  | { admitted: false; reason: SsoRefusal; email: string | null };

/** The strongest role any of the person's groups gives: admin, then consultant, then agent. */
export function decideStaffAccess(claims: Record<string, unknown>, mapping: SsoMapping): SsoDecision {
  const email = typeof claims.email === 'string' ? claims.email.trim().toLowerCase() : '';
  if (!email.includes('@')) return { admitted: false, reason: 'sso_email_missing', email: null };
  // A provider that says it has not checked the address could hand us anyone's account.
  if (claims.email_verified === false || claims.email_verified === 'false') {
    return { admitted: false, reason: 'sso_email_unverified', email };
  }
  const domain = email.slice(email.lastIndexOf('@') + 1);
  const allowed = mapping.allowedDomains.some((d) => d.toLowerCase() === domain);
  if (!allowed) return { admitted: false, reason: 'sso_domain_not_allowed', email };
  const role = roleOf(groupsOf(claims[mapping.groupsClaim]), mapping);
  if (!role) return { admitted: false, reason: 'sso_no_role', email };
  return { admitted: true, email, name: nameOf(claims, email), role };
}

function roleOf(groups: Set<string>, mapping: SsoMapping): StaffRole | null {
  const inAny = (list: readonly string[]) => list.some((group) => groups.has(group));
  if (inAny(mapping.adminGroups)) return 'admin';
  if (inAny(mapping.consultantGroups)) return 'consultant';
  if (inAny(mapping.agentGroups)) return 'agent';
  return null;
}

/** Providers send groups as a list, or (some) as one string separated by spaces or commas. */
function groupsOf(value: unknown): Set<string> {
  if (Array.isArray(value)) return new Set(value.filter((g): g is string => typeof g === 'string'));
  if (typeof value === 'string') return new Set(value.split(/[\s,]+/).filter(Boolean));
  return new Set();
}

function nameOf(claims: Record<string, unknown>, email: string): string {
  const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');
  const full =
    text(claims.name) || [text(claims.given_name), text(claims.family_name)].filter(Boolean).join(' ');
  return (full || email.slice(0, email.indexOf('@'))).slice(0, 200);
}
