import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { approveAccountRequest } from '../../app/accounts/approve-account-request';
import { forgotPassword } from '../../app/accounts/forgot-password';
import type { AccountRequestView } from '../../app/accounts/list-account-requests';
import { listAccountRequests } from '../../app/accounts/list-account-requests';
import { refuseAccountRequest } from '../../app/accounts/refuse-account-request';
import { requestAccount } from '../../app/accounts/request-account';
import { checkPasswordToken, setPassword } from '../../app/accounts/set-password';
import type { AppContext } from '../../app/context';
import { requireActor } from '../plugins/session';
import { iso } from '../present';
import {
  accountRequestBody,
  accountRequestList,
  accountRequestsQuery,
  approveAccountRequestBody,
  approveAccountRequestResponse,
  forgotPasswordBody,
  passwordTokenQuery,
  passwordTokenStatus,
  refuseAccountRequestBody,
  setPasswordBody,
} from '../schemas/accounts';
import { errorResponses, idParams, okResponse } from '../schemas/common';
import { companyRoutes } from './companies';
import { contractRoutes } from './contracts';
import { profileRoutes } from './profile';
import { userRoutes } from './users';

const presentRequest = (r: AccountRequestView) => ({
  id: r.id,
  name: r.name,
  email: r.email,
  phone: r.phone,
  companyName: r.companyName,
  message: r.message,
  language: r.language,
  status: r.status,
  createdAt: r.createdAt.toISOString(),
  suggestedCompanyId: r.suggestedCompanyId,
  companyId: r.companyId,
  decidedAt: iso(r.decidedAt),
});

/** Account requests, approval, and passwords chosen through one-time links (R13). */
export const accountRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.post(
    '/account-requests',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Ask for an account (public)',
        body: accountRequestBody,
        response: { 201: okResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      await requestAccount(ctx, { ...request.body, language: request.body.language ?? request.language });
      return reply.status(201).send({ ok: true as const });
    },
  );

  app.get(
    '/account-requests',
    {
      schema: {
        tags: ['accounts'],
        summary: 'List account requests (staff, or a customer manager for their mail domains)',
        querystring: accountRequestsQuery,
        response: { 200: accountRequestList, ...errorResponses },
      },
    },
    async (request) => {
      const items = await listAccountRequests(ctx, requireActor(request), request.query);
      return { items: items.map(presentRequest) };
    },
  );

  app.post(
    '/account-requests/:id/approve',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Approve an account request: creates the user and mails a set-password link',
        params: idParams,
        body: approveAccountRequestBody,
        response: { 200: approveAccountRequestResponse, ...errorResponses },
      },
    },
    async (request) => {
      const user = await approveAccountRequest(ctx, requireActor(request), {
        requestId: request.params.id,
        ...request.body,
      });
      return { ok: true as const, userId: user.id };
    },
  );

  app.post(
    '/account-requests/:id/refuse',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Refuse an account request and tell the person',
        params: idParams,
        body: refuseAccountRequestBody,
        response: { 200: okResponse, ...errorResponses },
      },
    },
    async (request) => {
      await refuseAccountRequest(ctx, requireActor(request), {
        requestId: request.params.id,
        reason: request.body.reason,
      });
      return { ok: true as const };
    },
  );

  app.get(
    '/password/token',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Whether a set-password or reset link is still usable',
        querystring: passwordTokenQuery,
        response: { 200: passwordTokenStatus, ...errorResponses },
      },
    },
    async (request) => checkPasswordToken(ctx, request.query.token),
  );

  app.post(
    '/password/set',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Choose a password through a one-time link',
        body: setPasswordBody,
        response: { 200: okResponse, ...errorResponses },
      },
    },
    async (request) => {
      await setPassword(ctx, request.body);
      return { ok: true as const };
    },
  );

  app.post(
    '/password/forgot',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Mail a password-reset link (same answer whether or not the address has an account)',
        body: forgotPasswordBody,
        response: { 200: okResponse, ...errorResponses },
      },
    },
    async (request) => {
      await forgotPassword(ctx, request.body);
      return { ok: true as const };
    },
  );
};

/** The accounts area: requests and passwords, the profile, and administration of companies. */
export const accountAreaRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  await app.register(accountRoutes, { ctx });
  await app.register(profileRoutes, { ctx });
  await app.register(companyRoutes, { ctx });
  await app.register(userRoutes, { ctx });
  await app.register(contractRoutes, { ctx });
};
