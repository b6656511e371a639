import type { AuthenticationResponseJSON, RegistrationResponseJSON } from '@simplewebauthn/server';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { passkeyFirstFactorOptions, signInWithPasskey } from '../../app/auth/passkey-first-factor';
import {
  confirmPasskeyEnrolmentAtSignIn,
  startPasskeyEnrolmentAtSignIn,
  startPasskeySignIn,
  verifyPasskeySignIn,
} from '../../app/auth/passkey-sign-in';
import {
  registerOwnPasskey,
  removeOwnPasskey,
  renameOwnPasskey,
  startOwnPasskeyRegistration,
} from '../../app/auth/two-factor-profile';
import type { AppContext } from '../../app/context';
import { requireActor } from '../plugins/session';
import { emptyBody, errorResponses, okResponse } from '../schemas/common';
import {
  authenticationOptions,
  type authenticationResponse,
  passkeyParams,
  passkeySignInBody,
  registerPasskeyBody,
  registrationOptions,
  type registrationResponse,
  renamePasskeyBody,
} from '../schemas/passkeys';
import { recoveryCodesResponse, signedInResponse } from '../schemas/two-factor';
import { openSession } from './session';
import { clearSignInChallengeCookie, signInChallengeOf } from './two-factor';

// The schemas read transports as plain text, so that a kind of transport newer than the library
// still registers; the library only passes them back to the browser.
const asRegistration = (response: z.infer<typeof registrationResponse>) =>
  response as RegistrationResponseJSON;
const asAuthentication = (response: z.infer<typeof authenticationResponse>) =>
  response as AuthenticationResponseJSON;

const tag = { tags: ['two-factor'] };

/** Passkeys (WebAuthn): registered from the profile, used as the second step of sign-in. */
export const passkeyRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.post(
    '/session/passkey/options',
    {
      schema: {
        ...tag,
        summary: 'Sign in with a passkey alone: a single-use challenge for any passkey of the portal',
        body: emptyBody,
        response: { 200: authenticationOptions, ...errorResponses },
      },
    },
    async () => passkeyFirstFactorOptions(ctx),
  );

  app.post(
    '/session/passkey',
    {
      schema: {
        ...tag,
        summary: 'Complete the sign-in with the signature of a passkey that verified its owner',
        body: passkeySignInBody,
        response: { 200: signedInResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      const result = await signInWithPasskey(ctx, {
        response: asAuthentication(request.body.response),
        ip: request.ip,
      });
      return openSession(ctx, reply, result);
    },
  );

  app.post(
    '/session/second-factor/passkey/options',
    {
      schema: {
        ...tag,
        summary: 'Second step with a passkey: a single-use challenge for one of the account’s passkeys',
        body: emptyBody,
        response: { 200: authenticationOptions, ...errorResponses },
      },
    },
    async (request) => startPasskeySignIn(ctx, signInChallengeOf(ctx, request)),
  );

  app.post(
    '/session/second-factor/passkey',
    {
      schema: {
        ...tag,
        summary: 'Complete sign-in with the passkey’s signature of that challenge',
        body: passkeySignInBody,
        response: { 200: signedInResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      const result = await verifyPasskeySignIn(ctx, {
        challengeToken: signInChallengeOf(ctx, request),
        response: asAuthentication(request.body.response),
        ip: request.ip,
      });
      clearSignInChallengeCookie(ctx, reply);
      return openSession(ctx, reply, result);
    },
  );

  app.post(
    '/session/second-factor/enrolment/passkey/options',
    {
      schema: {
        ...tag,
        summary: 'Staff made to enrol at sign-in: the options to create a passkey',
        body: emptyBody,
        response: { 200: registrationOptions, ...errorResponses },
      },
    },
    async (request) => startPasskeyEnrolmentAtSignIn(ctx, signInChallengeOf(ctx, request)),
  );

  app.post(
    '/session/second-factor/enrolment/passkey',
    {
      schema: {
        ...tag,
        summary: 'The new passkey: enrols it and completes sign-in (recovery codes shown once)',
        body: registerPasskeyBody,
        response: { 200: signedInResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      const result = await confirmPasskeyEnrolmentAtSignIn(ctx, {
        challengeToken: signInChallengeOf(ctx, request),
        name: request.body.name,
        response: asRegistration(request.body.response),
        ip: request.ip,
      });
      clearSignInChallengeCookie(ctx, reply);
      return { ...(await openSession(ctx, reply, result)), recoveryCodes: result.recoveryCodes };
    },
  );

  app.post(
    '/profile/two-factor/passkeys/options',
    {
      schema: {
        ...tag,
        summary: 'Start adding a passkey: the options for the browser, with a single-use challenge',
        body: emptyBody,
        response: { 200: registrationOptions, ...errorResponses },
      },
    },
    async (request) => startOwnPasskeyRegistration(ctx, requireActor(request)),
  );

  app.post(
    '/profile/two-factor/passkeys',
    {
      schema: {
        ...tag,
        summary:
          'Add the passkey the browser created, under a name; the first factor comes with recovery codes',
        body: registerPasskeyBody,
        response: { 200: recoveryCodesResponse, ...errorResponses },
      },
    },
    async (request) =>
      registerOwnPasskey(ctx, requireActor(request), {
        name: request.body.name,
        response: asRegistration(request.body.response),
      }),
  );

  app.patch(
    '/profile/two-factor/passkeys/:id',
    {
      schema: {
        ...tag,
        summary: 'Rename one of my passkeys',
        params: passkeyParams,
        body: renamePasskeyBody,
        response: { 200: okResponse, ...errorResponses },
      },
    },
    async (request) => {
      await renameOwnPasskey(ctx, requireActor(request), request.params.id, request.body.name);
      return { ok: true as const };
    },
  );

  app.delete(
    '/profile/two-factor/passkeys/:id',
    {
      schema: {
        ...tag,
        summary: 'Remove one of my passkeys (staff who must use two-step sign-in keep one factor)',
        params: passkeyParams,
        response: { 200: okResponse, ...errorResponses },
      },
    },
    async (request) => {
      await removeOwnPasskey(ctx, requireActor(request), request.params.id);
      return { ok: true as const };
    },
  );
};
