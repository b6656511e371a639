import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { oidcGateway } from '../../app/auth/oidc-client';
import { signInWithSso } from '../../app/auth/oidc-sign-in';
import { oidcTransactionMinutes, openTransaction, sealTransaction } from '../../app/auth/oidc-transaction';
import type { AppContext } from '../../app/context';
import { AppError } from '../../app/errors/index';
import { type SsoErrorCode, ssoErrorCodes } from '../../app/errors/sso';
import { errorBody } from '../errors';
import { cookieNamesFor, languageCookie } from '../plugins/session';
import { errorResponses } from '../schemas/common';
import { ssoCallbackQuery, ssoInfoQuery, ssoInfoResponse, ssoRedirect, ssoStartQuery } from '../schemas/sso';

const transactionCookie = 'guichet_oidc';
const callbackPath = '/api/session/sso/callback';

/** A `next` path kept only when it stays inside the portal. */
const safeNext = (next: string | undefined) => (next?.startsWith('/') && !next.startsWith('//') ? next : '/');

/**
 * Staff single sign-on through OpenID Connect. The browser goes to `start`, which sends it to the
 * provider; the provider sends it back to `callback`, which opens a session and lands on the portal.
 * A refusal lands on the sign-in page with `?sso_error=<code>`, whose text `GET /api/session/sso` gives.
 */
export const ssoRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const gateway = oidcGateway(ctx.config);
  const secure = ctx.publicUrl.startsWith('https:');
  const cookieOptions = { path: callbackPath, httpOnly: true, sameSite: 'lax' as const, secure };

  app.get(
    '/session/sso',
    {
      schema: {
        tags: ['session'],
        summary: 'Whether staff may sign in through an identity provider, and a refusal explained',
        querystring: ssoInfoQuery,
        response: { 200: ssoInfoResponse },
      },
    },
    async (request) => {
      const { error } = request.query;
      return {
        providerName: gateway?.providerName ?? null,
        error: error && isSsoCode(error) ? errorBody(error, request.language).message : null,
      };
    },
  );

  app.get(
    '/session/sso/start',
    {
      schema: {
        tags: ['session'],
        summary: 'Sign in through the identity provider (redirects to it)',
        querystring: ssoStartQuery,
        response: { 302: ssoRedirect, ...errorResponses },
      },
    },
    async (request, reply) => {
      if (!gateway) return backToSignIn(reply, 'sso_not_configured');
      try {
        const { url, transaction } = await gateway.begin({
          redirectUri: `${ctx.publicUrl}${callbackPath}`,
          next: safeNext(request.query.next),
          now: ctx.clock.now(),
        });
        reply.setCookie(transactionCookie, sealTransaction(transaction, ctx.config.secret), {
          ...cookieOptions,
          maxAge: oidcTransactionMinutes * 60,
        });
        return reply.redirect(url.href, 302);
      } catch (error) {
        return refuse(request, reply, error);
      }
    },
  );

  app.get(
    callbackPath.slice('/api'.length),
    {
      schema: {
        tags: ['session'],
        summary: "The identity provider's answer: opens a staff session",
        querystring: ssoCallbackQuery,
        response: { 302: ssoRedirect, ...errorResponses },
      },
    },
    async (request, reply) => {
      if (!gateway) return backToSignIn(reply, 'sso_not_configured');
      const sealed = request.cookies[transactionCookie];
      // One use only: whatever happens next, this transaction is spent.
      reply.clearCookie(transactionCookie, cookieOptions);
      const transaction = sealed ? openTransaction(sealed, ctx.config.secret, ctx.clock.now()) : null;
      try {
        if (!transaction)
          throw new AppError('sso_failed', {}, { cause: 'no valid sign-in transaction cookie' });
        const callbackUrl = new URL(request.url, ctx.publicUrl);
        const claims = await gateway.finish(callbackUrl, transaction);
        const result = await signInWithSso(ctx, { claims, language: request.language });
        request.log.info(
          {
            event: 'sso_sign_in',
            userId: result.user.id,
            email: result.user.email,
            role: result.user.role,
            accountCreated: result.created,
            previousRole: result.previousRole,
            subject: claims.sub,
          },
          'staff signed in through the identity provider',
        );
        reply.setCookie(cookieNamesFor(ctx).session, result.token, {
          path: '/',
          httpOnly: true,
          sameSite: 'lax',
          secure,
          expires: result.expiresAt,
        });
        reply.clearCookie(languageCookie, { path: '/' });
        return reply.redirect(transaction.next, 302);
      } catch (error) {
        return refuse(request, reply, error);
      }
    },
  );
};

const isSsoCode = (code: string): code is SsoErrorCode => (ssoErrorCodes as readonly string[]).includes(code);

/** A refusal the person can read on the sign-in page; anything unexpected goes to the error handler. */
function refuse(request: FastifyRequest, reply: FastifyReply, error: unknown) {
  if (!(error instanceof AppError) || !isSsoCode(error.code)) throw error;
  request.log.warn(
    { event: 'sso_refused', code: error.code, ...error.details },
    'identity provider sign-in refused',
  );
  return backToSignIn(reply, error.code);
}

function backToSignIn(reply: FastifyReply, code: SsoErrorCode) {
  return reply.redirect(`/login?sso_error=${code}`, 302);
}
