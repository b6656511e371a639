import type { TokenAccess, TokenArea } from '../domain/api-tokens/scopes';

/**
 * Which scope an API token needs for each route: the area of token scopes a route belongs to, for
 * reading (GET, HEAD) and for writing (any other method). 'none': only a signed-in person may call
 * it (sessions, profile, tokens themselves); 'own': the route reads the Authorization header
 * itself (the inbound-mail webhook). The first rule whose path is the route's path or a parent of
 * it applies; a route no rule names is closed to tokens until it is given an area here.
 */
export type RouteTokenArea = TokenArea | 'none' | 'own';

const rules: [path: string, read: RouteTokenArea, write: RouteTokenArea][] = [
  ['/api/inbound/mail', 'own', 'own'],
  ['/api/session', 'none', 'none'],
  ['/api/profile', 'none', 'none'],
  ['/api/password', 'none', 'none'],
  ['/api/api-tokens', 'none', 'none'],
  ['/api/admin/api-tokens', 'none', 'none'],
  ['/api/admin/settings/two-factor', 'none', 'none'],
  ['/api/account-requests', 'none', 'none'],
  // The survey link is its own key, for the person it was mailed to.
  ['/api/surveys', 'none', 'none'],
  ['/api/companies/:companyId/projects', 'tickets', 'admin'],
  ['/api/admin', 'admin', 'admin'],
  ['/api/companies', 'admin', 'admin'],
  ['/api/contracts', 'admin', 'admin'],
  ['/api/users', 'admin', 'admin'],
  ['/api/billing', 'admin', 'admin'],
  ['/api/dashboard', 'admin', 'admin'],
  ['/api/request-types', 'tickets', 'admin'],
  ['/api/criticalities', 'tickets', 'admin'],
  ['/api/projects', 'tickets', 'admin'],
  ['/api/escalation-matrix', 'tickets', 'admin'],
  ['/api/help-articles', 'tickets', 'admin'],
  ['/api/sla', 'tickets', 'tickets'],
  ['/api/flex', 'tickets', 'tickets'],
  ['/api/tickets', 'tickets', 'tickets'],
  ['/api/attachments', 'tickets', 'tickets'],
  ['/api/time', 'tickets', 'tickets'],
  // A live stream ends with the session it was opened in; a token has none.
  ['/api/live', 'none', 'none'],
  ['/api/views', 'tickets', 'tickets'],
  ['/api/canned-answers', 'tickets', 'tickets'],
  ['/api/notifications', 'tickets', 'tickets'],
  ['/api/rich-text', 'tickets', 'tickets'],
];

const readMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

export const accessOf = (method: string): TokenAccess => (readMethods.has(method) ? 'read' : 'write');

/** The token area of a route, from its registered path (not the requested URL) and method. */
export function tokenAreaOf(method: string, routePath: string): RouteTokenArea {
  const access = accessOf(method);
  for (const [path, read, write] of rules) {
    if (routePath === path || routePath.startsWith(`${path}/`)) return access === 'read' ? read : write;
  }
  return 'none';
}
