import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  confirmEnrolmentAtSignIn,
  describePendingSignIn,
  dropPendingSignIn,
  startEnrolmentAtSignIn,
  verifySecondFactor,
} from '../../app/auth/second-factor';
import {
  confirmOwnTotp,
  disableOwnTotp,
  renewOwnRecoveryCodes,
  startOwnTotpEnrolment,
  twoFactorStatus,
} from '../../app/auth/two-factor-profile';
import { getTwoFactorPolicy, setTwoFactorPolicy } from '../../app/auth/two-factor-requirement';
import type { AppContext } from '../../app/context';
import { requireActor } from '../plugins/session';
import { iso } from '../present';
import { emptyBody, errorResponses, okResponse } from '../schemas/common';
import {
  codeBody,
  recoveryCodesResponse,
  secondFactorStepSchema,
  signedInResponse,
  totpEnrolmentResponse,
  twoFactorPolicySchema,
  twoFactorStatusResponse,
} from '../schemas/two-factor';
import { openSession } from './session';

const challengeCookie = 'guichet_sign_in';
const challengeCookieName = (ctx: AppContext) =>
  ctx.publicUrl.startsWith('https:') ? `__Host-${challengeCookie}` : challengeCookie;

/** The halfway sign-in rides in its own cookie, apart from the session's. */
export function setSignInChallengeCookie(
  ctx: AppContext,
  reply: FastifyReply,
  challenge: { token: string; expiresAt: Date },
): void {
  // Path '/' because the __Host- prefix demands it; only the second-step routes read it.
  reply.setCookie(challengeCookieName(ctx), challenge.token, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: ctx.publicUrl.startsWith('https:'),
    expires: challenge.expiresAt,
  });
}

export const signInChallengeOf = (ctx: AppContext, request: FastifyRequest) =>
  request.cookies[challengeCookieName(ctx)];
export const clearSignInChallengeCookie = (ctx: AppContext, reply: FastifyReply) =>
  reply.clearCookie(challengeCookieName(ctx), { path: '/' });

const tag = { tags: ['two-factor'] };

/** The second step of sign-in, the profile's two-factor settings and the admins' requirement. */
export const twoFactorRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const challengeOf = (request: FastifyRequest) => request.cookies[challengeCookieName(ctx)];
  const clearChallenge = (reply: FastifyReply) => reply.clearCookie(challengeCookieName(ctx), { path: '/' });

  app.get(
    '/session/second-factor',
    {
      schema: {
        ...tag,
        summary: 'The sign-in waiting for its second step: prove a factor, or (staff) enrol one',
        response: { 200: secondFactorStepSchema, ...errorResponses },
      },
    },
    async (request) => describePendingSignIn(ctx, challengeOf(request)),
  );

  app.post(
    '/session/second-factor',
    {
      schema: {
        ...tag,
        summary: 'Complete sign-in with a code from the authenticator app or a recovery code',
        body: codeBody,
        response: { 200: signedInResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      const result = await verifySecondFactor(ctx, {
        challengeToken: challengeOf(request),
        code: request.body.code,
        ip: request.ip,
      });
      clearChallenge(reply);
      return openSession(ctx, reply, result);
    },
  );

  app.delete(
    '/session/second-factor',
    {
      schema: {
        ...tag,
        summary: 'Give up the sign-in waiting for its second step',
        response: { 200: okResponse },
      },
    },
    async (request, reply) => {
      await dropPendingSignIn(ctx, challengeOf(request));
      clearChallenge(reply);
      return { ok: true as const };
    },
  );

  app.post(
    '/session/second-factor/enrolment',
    {
      schema: {
        ...tag,
        summary: 'Staff made to enrol at sign-in: a secret for the authenticator app',
        body: emptyBody,
        response: { 200: totpEnrolmentResponse, ...errorResponses },
      },
    },
    async (request) => startEnrolmentAtSignIn(ctx, challengeOf(request)),
  );

  app.post(
    '/session/second-factor/enrolment/confirm',
    {
      schema: {
        ...tag,
        summary: 'The first code of the new app: enrols it and completes sign-in (recovery codes shown once)',
        body: codeBody,
        response: { 200: signedInResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      const result = await confirmEnrolmentAtSignIn(ctx, {
        challengeToken: challengeOf(request),
        code: request.body.code,
        ip: request.ip,
      });
      clearChallenge(reply);
      return { ...(await openSession(ctx, reply, result)), recoveryCodes: result.recoveryCodes };
    },
  );

  app.get(
    '/profile/two-factor',
    {
      schema: {
        ...tag,
        summary: 'My second factors: authenticator app, passkeys, recovery codes left',
        response: { 200: twoFactorStatusResponse, ...errorResponses },
      },
    },
    async (request) => {
      const status = await twoFactorStatus(ctx, requireActor(request));
      return {
        ...status,
        passkeys: status.passkeys.map((key) => ({
          ...key,
          createdAt: key.createdAt.toISOString(),
          lastUsedAt: iso(key.lastUsedAt),
        })),
      };
    },
  );

  app.post(
    '/profile/two-factor/totp',
    {
      schema: {
        ...tag,
        summary: 'Start setting up an authenticator app: its secret and QR code (shown only now)',
        body: emptyBody,
        response: { 200: totpEnrolmentResponse, ...errorResponses },
      },
    },
    async (request) => startOwnTotpEnrolment(ctx, requireActor(request)),
  );

  app.post(
    '/profile/two-factor/totp/confirm',
    {
      schema: {
        ...tag,
        summary: 'Confirm the app with its first code; the first factor comes with 10 recovery codes',
        body: codeBody,
        response: { 200: recoveryCodesResponse, ...errorResponses },
      },
    },
    async (request) =>
      confirmOwnTotp(ctx, requireActor(request), { code: request.body.code, ip: request.ip }),
  );

  app.post(
    '/profile/two-factor/totp/disable',
    {
      schema: {
        ...tag,
        summary: 'Turn the authenticator app off, proved with a current code or a recovery code',
        body: codeBody,
        response: { 200: okResponse, ...errorResponses },
      },
    },
    async (request) => {
      await disableOwnTotp(ctx, requireActor(request), { code: request.body.code, ip: request.ip });
      return { ok: true as const };
    },
  );

  app.post(
    '/profile/two-factor/recovery-codes',
    {
      schema: {
        ...tag,
        summary: 'Replace my recovery codes (the old ones stop working), proved with a current code',
        body: codeBody,
        response: { 200: recoveryCodesResponse, ...errorResponses },
      },
    },
    async (request) =>
      renewOwnRecoveryCodes(ctx, requireActor(request), { code: request.body.code, ip: request.ip }),
  );

  app.get(
    '/admin/settings/two-factor',
    {
      schema: {
        ...tag,
        summary: 'Whether staff must sign in with a second factor',
        response: { 200: twoFactorPolicySchema, ...errorResponses },
      },
    },
    async (request) => getTwoFactorPolicy(ctx, requireActor(request)),
  );

  app.put(
    '/admin/settings/two-factor',
    {
      schema: {
        ...tag,
        summary: 'Require a second factor of staff (those without one are signed out and enrol at sign-in)',
        body: twoFactorPolicySchema,
        response: { 200: twoFactorPolicySchema, ...errorResponses },
      },
    },
    async (request) => setTwoFactorPolicy(ctx, requireActor(request), request.body),
  );
};
