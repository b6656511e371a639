/**
 * What an API token may reach. A token acts as its owner (same company, same role), and its scopes
 * limit it further: each API route belongs to an area, read or written.
 */
export const tokenAreas = ['tickets', 'admin'] as const;
export type TokenArea = (typeof tokenAreas)[number];
export type TokenAccess = 'read' | 'write';

export const tokenScopes = ['tickets:read', 'tickets:write', 'admin:read', 'admin:write'] as const;
export type TokenScope = (typeof tokenScopes)[number];

export const tokenKinds = ['personal', 'integration'] as const;
export type TokenKind = (typeof tokenKinds)[number];

import type { Role } from '../roles';

/** The scopes a person of this role may give a token: never more than their role can do. */
export function scopesOpenTo(role: Role): readonly TokenScope[] {
  if (role === 'admin') return tokenScopes;
  if (role === 'customer') return ['tickets:read', 'tickets:write'];
  // Agents and consultants read the administration they work under, and change none of it.
  return ['tickets:read', 'tickets:write', 'admin:read'];
}

/** Whether these scopes allow reading or writing an area; writing implies reading. */
export function scopesGrant(scopes: readonly string[], area: TokenArea, access: TokenAccess): boolean {
  if (scopes.includes(`${area}:write`)) return true;
  return access === 'read' && scopes.includes(`${area}:read`);
}

/** Longest life of a token, in days: a forgotten token does not stay valid forever. */
export const maxTokenLifeDays = 366;

/** Tokens carry a recognisable prefix, so secret scanners and people can tell what leaked. */
export const tokenPrefix = 'gch_';
