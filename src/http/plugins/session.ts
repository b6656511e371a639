import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { authenticateToken } from '../../app/api-tokens/authenticate-token';
import { SessionCache } from '../../app/auth/session-cache';
import type { Actor, AppContext } from '../../app/context';
import { AppError } from '../../app/errors/index';
import { scopesGrant, type TokenScope } from '../../domain/api-tokens/scopes';
import { isLanguage, type Language, languageFromAcceptHeader } from '../../i18n/language';
import { accessOf, tokenAreaOf } from '../token-areas';

export const sessionCookie = 'guichet_session';
export const csrfCookie = 'guichet_csrf';

/**
 * Over https the session and anti-forgery cookies carry the __Host- prefix: the browser then accepts
 * them only when Secure, for the whole site and from this very host (no sibling domain can plant one).
 */
export function cookieNames(https: boolean) {
  return https
    ? { session: `__Host-${sessionCookie}`, csrf: `__Host-${csrfCookie}` }
    : { session: sessionCookie, csrf: csrfCookie };
}
export const cookieNamesFor = (ctx: AppContext) => cookieNames(ctx.publicUrl.startsWith('https:'));
export const csrfHeader = 'x-csrf-token';
export const languageCookie = 'guichet_lang';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    language: Language;
    /** Set when the caller authenticated with an API token rather than a session cookie. */
    apiToken: { id: string; scopes: TokenScope[] } | null;
  }
  interface FastifyContextConfig {
    /** Routes authenticated otherwise (e.g. a webhook with its own token) skip the CSRF check. */
    csrf?: false;
  }
}

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Who is calling, in which language, and anti-forgery. CSRF uses a double-submit token: a
 * readable cookie the page echoes in a header, which another site can neither read nor set.
 */
async function sessionPlugin(app: FastifyInstance, opts: { ctx: AppContext; secureCookies: boolean }) {
  const names = cookieNames(opts.secureCookies);
  app.decorateRequest('actor', null);
  app.decorateRequest('language', 'fr');
  app.decorateRequest('apiToken', null);
  const sessions = new SessionCache(opts.ctx.db, opts.ctx.clock, (error) =>
    app.log.warn({ err: error }, 'sessions: database notices unheard, every session is looked up'),
  );
  app.addHook('onReady', () => sessions.start());
  app.addHook('onClose', () => sessions.close());

  app.addHook('onRequest', async (request, reply) => {
    const isApi = request.url.startsWith('/api/');
    // Known before the session, so even "the database is away" is said in the reader's language.
    request.language = resolveLanguage(request);
    const bearer = isApi ? bearerToken(request) : null;
    if (bearer !== null) return authenticateBearer(opts.ctx, request, bearer);
    // The web client's files need no session: spare the database a lookup for each asset. A page
    // (any other GET) is looked up once, to be sent in the signed-in person's language.
    const isPage = !isApi && request.method === 'GET' && !request.url.startsWith('/assets/');
    const token = isApi || isPage ? request.cookies[names.session] : undefined;
    const session = token ? await sessions.find(token) : null;
    request.actor = session?.actor ?? null;
    if (request.actor) request.language = resolveLanguage(request);
    ensureCsrfCookie(request, reply, opts.secureCookies, names.csrf);
    if (isApi && !safeMethods.has(request.method)) {
      if (request.routeOptions.config?.csrf !== false && !csrfHeaderMatches(request, names.csrf)) {
        throw new AppError('csrf_rejected');
      }
    }
  });
}

/**
 * A program calling with an API token: the token acts as its owner (same company, same role, so
 * the same tenant scope and the same permissions), and its scopes must cover the route's area.
 * No anti-forgery check: a bearer header is never sent by a browser on its own, unlike a cookie.
 */
async function authenticateBearer(ctx: AppContext, request: FastifyRequest, token: string): Promise<void> {
  const area = tokenAreaOf(request.method, request.routeOptions.url ?? '');
  if (area === 'none' || area === 'own') throw new AppError('token_route_refused');
  const identity = await authenticateToken(ctx.db, token, ctx.clock.now());
  if (!identity) throw new AppError('api_token_invalid');
  const access = accessOf(request.method);
  if (!scopesGrant(identity.scopes, area, access)) {
    throw new AppError('token_scope_missing', { scope: `${area}:${access}` });
  }
  request.actor = identity.actor;
  request.apiToken = { id: identity.tokenId, scopes: identity.scopes };
  request.language = resolveLanguage(request);
}

/** The token of an `Authorization: Bearer` header, unless the route reads that header itself. */
function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (typeof header !== 'string') return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match?.[1]) return null;
  if (tokenAreaOf(request.method, request.routeOptions.url ?? '') === 'own') return null;
  return match[1];
}

function resolveLanguage(request: FastifyRequest): Language {
  const chosen = request.cookies[languageCookie];
  if (isLanguage(chosen)) return chosen;
  if (request.actor) return request.actor.language;
  return languageFromAcceptHeader(request.headers['accept-language']) ?? 'fr';
}

function ensureCsrfCookie(request: FastifyRequest, reply: FastifyReply, secure: boolean, name: string) {
  if (request.cookies[name]) return;
  const value = randomBytes(24).toString('base64url');
  request.cookies[name] = value;
  reply.setCookie(name, value, { path: '/', sameSite: 'strict', secure, httpOnly: false });
}

function csrfHeaderMatches(request: FastifyRequest, name: string): boolean {
  const header = request.headers[csrfHeader];
  const cookie = request.cookies[name];
  if (typeof header !== 'string' || !cookie || header.length !== cookie.length) return false;
  return timingSafeEqual(Buffer.from(header), Buffer.from(cookie));
}

export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('not_authenticated');
  return request.actor;
}

export default fp(sessionPlugin, { name: 'guichet-session' });
