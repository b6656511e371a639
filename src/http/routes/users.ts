import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { UserRow } from '../../app/accounts/new-user';
import { createUser, getUser, listUsers, updateUser } from '../../app/admin/users';
import type { AppContext } from '../../app/context';
import { requireActor } from '../plugins/session';
import { errorResponses, idParams } from '../schemas/common';
import { createUserBody, updateUserBody, userPage, userSchema, usersQuery } from '../schemas/users';

export const presentUser = (u: UserRow) => ({
  id: u.id,
  email: u.email,
  name: u.name,
  phone: u.phone,
  role: u.role,
  companyId: u.companyId,
  isManager: u.isManager,
  language: u.language,
  notificationEmail: u.notificationEmail,
  active: u.active,
  hasPassword: u.passwordHash !== null,
  createdAt: u.createdAt.toISOString(),
  erased: u.erasedAt !== null,
});

/** Accounts of customers and staff: staff read, administrators write. */
export const userRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/users',
    {
      schema: {
        tags: ['administration'],
        summary: 'All accounts, staff included, 50 a page (search by name or address)',
        querystring: usersQuery,
        response: { 200: userPage, ...errorResponses },
      },
    },
    async (request) => {
      const page = await listUsers(ctx, requireActor(request), request.query);
      return { items: page.items.map(presentUser), nextCursor: page.nextCursor };
    },
  );

  app.get(
    '/users/:id',
    {
      schema: {
        tags: ['administration'],
        summary: 'One account',
        params: idParams,
        response: { 200: userSchema, ...errorResponses },
      },
    },
    async (request) => presentUser(await getUser(ctx, requireActor(request), request.params.id)),
  );

  app.post(
    '/users',
    {
      schema: {
        tags: ['administration'],
        summary: 'Create an account and mail its set-password link (administrators)',
        body: createUserBody,
        response: { 201: userSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const user = await createUser(ctx, requireActor(request), request.body);
      return reply.status(201).send(presentUser(user));
    },
  );

  app.patch(
    '/users/:id',
    {
      schema: {
        tags: ['administration'],
        summary: 'Edit an account; deactivating signs it out everywhere (administrators)',
        params: idParams,
        body: updateUserBody,
        response: { 200: userSchema, ...errorResponses },
      },
    },
    async (request) =>
      presentUser(
        await updateUser(ctx, requireActor(request), { userId: request.params.id, ...request.body }),
      ),
  );
};
