import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { changePassword } from '../../app/accounts/change-password';
import { getProfile, type Profile } from '../../app/accounts/get-profile';
import { getNotificationPrefs, setNotificationPrefs } from '../../app/accounts/notification-prefs';
import { updateProfile } from '../../app/accounts/update-profile';
import type { AppContext } from '../../app/context';
import { cookieNamesFor, requireActor } from '../plugins/session';
import { errorResponses, okResponse } from '../schemas/common';
import { notificationPrefsSchema } from '../schemas/notifications';
import { changePasswordBody, profileSchema, updateProfileBody } from '../schemas/profile';

const present = ({ user, company }: Profile) => ({
  id: user.id,
  name: user.name,
  email: user.email,
  phone: user.phone,
  language: user.language,
  notificationEmail: user.notificationEmail,
  role: user.role,
  isManager: user.isManager,
  company,
});

/** The signed-in person's own account. */
export const profileRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/profile',
    {
      schema: {
        tags: ['profile'],
        summary: 'My profile',
        response: { 200: profileSchema, ...errorResponses },
      },
    },
    async (request) => present(await getProfile(ctx, requireActor(request))),
  );

  app.patch(
    '/profile',
    {
      schema: {
        tags: ['profile'],
        summary: 'Edit my name, phone, language or notification address',
        body: updateProfileBody,
        response: { 200: profileSchema, ...errorResponses },
      },
    },
    async (request) => present(await updateProfile(ctx, requireActor(request), request.body)),
  );

  app.post(
    '/profile/password',
    {
      schema: {
        tags: ['profile'],
        summary: 'Change my password (my other sessions are closed)',
        body: changePasswordBody,
        response: { 200: okResponse, ...errorResponses },
      },
    },
    async (request) => {
      await changePassword(ctx, requireActor(request), {
        ...request.body,
        currentSessionToken: request.cookies[cookieNamesFor(ctx).session],
      });
      return { ok: true as const };
    },
  );

  app.get(
    '/profile/notifications',
    {
      schema: {
        tags: ['profile'],
        summary:
          'How I hear of things: mails per notice kind or a daily digest (staff), status mails (customers)',
        response: { 200: notificationPrefsSchema, ...errorResponses },
      },
    },
    async (request) => getNotificationPrefs(ctx, requireActor(request)),
  );

  app.put(
    '/profile/notifications',
    {
      schema: {
        tags: ['profile'],
        summary: 'Choose how I hear of things',
        body: notificationPrefsSchema,
        response: { 200: notificationPrefsSchema, ...errorResponses },
      },
    },
    async (request) => setNotificationPrefs(ctx, requireActor(request), request.body),
  );
};
