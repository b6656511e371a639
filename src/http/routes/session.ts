import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { chooseLanguage } from '../../app/accounts/choose-language';
import { login } from '../../app/auth/login';
import { deleteSession } from '../../app/auth/sessions';
import { type Actor, type AppContext, actorOf } from '../../app/context';
import { activeFlexContract } from '../../app/flex/balance';
import { cookieNamesFor, languageCookie } from '../plugins/session';
import { errorResponses, okResponse } from '../schemas/common';
import { languageBody, loginBody, sessionResponse } from '../schemas/session';
import { setSignInChallengeCookie } from './two-factor';

/** What the shell needs to know about the caller; `hasFlex` decides whether the Flex page is offered. */
export const present = async (ctx: AppContext, actor: Actor) => ({
  hasFlex:
    actor.role === 'customer' && actor.companyId !== null
      ? (await activeFlexContract(ctx.db, actor.companyId, ctx.clock.now())) !== null
      : false,
  id: actor.userId,
  name: actor.name,
  email: actor.email,
  role: actor.role,
  isManager: actor.isManager,
  companyId: actor.companyId,
  language: actor.language,
});

/** Sets the session cookie of a completed sign-in and says who is now signed in. */
export async function openSession(
  ctx: AppContext,
  reply: FastifyReply,
  result: { token: string; expiresAt: Date; user: Parameters<typeof actorOf>[0] },
) {
  reply.setCookie(cookieNamesFor(ctx).session, result.token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: ctx.publicUrl.startsWith('https:'),
    expires: result.expiresAt,
  });
  reply.clearCookie(languageCookie, { path: '/' });
  const { user } = result;
  return { user: await present(ctx, actorOf(user)), language: user.language };
}

export const sessionRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const secure = ctx.publicUrl.startsWith('https:');
  const sessionCookie = cookieNamesFor(ctx).session;

  app.get(
    '/session',
    { schema: { tags: ['session'], summary: 'Who am I', response: { 200: sessionResponse } } },
    async (request) => ({
      user: request.actor ? await present(ctx, request.actor) : null,
      language: request.language,
    }),
  );

  app.post(
    '/session',
    {
      schema: {
        tags: ['session'],
        summary: 'Sign in',
        body: loginBody,
        response: { 200: sessionResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      const result = await login(ctx, { ...request.body, ip: request.ip });
      if (result.kind === 'second_factor') {
        setSignInChallengeCookie(ctx, reply, result.challenge);
        return {
          user: null,
          language: request.language,
          secondFactor: { purpose: result.step, methods: result.methods },
        };
      }
      return openSession(ctx, reply, result);
    },
  );

  app.delete(
    '/session',
    { schema: { tags: ['session'], summary: 'Sign out', response: { 200: okResponse } } },
    async (request, reply) => {
      const token = request.cookies[sessionCookie];
      if (token) await deleteSession(ctx.db, token);
      reply.clearCookie(sessionCookie, { path: '/' });
      return { ok: true as const };
    },
  );

  app.put(
    '/session/language',
    {
      schema: {
        tags: ['session'],
        summary: 'Choose the language; stored on the account when signed in',
        body: languageBody,
        response: { 200: okResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { language } = request.body;
      if (request.actor) {
        await chooseLanguage(ctx, request.actor, language);
        reply.clearCookie(languageCookie, { path: '/' });
      } else {
        reply.setCookie(languageCookie, language, { path: '/', sameSite: 'lax', secure, maxAge: 31_536_000 });
      }
      return { ok: true as const };
    },
  );
};
