import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  type ApiTokenRow,
  createApiToken,
  listApiTokens,
  revokeApiToken,
} from '../../app/api-tokens/api-tokens';
import type { AppContext } from '../../app/context';
import { maxTokenLifeDays, scopesOpenTo, type TokenKind } from '../../domain/api-tokens/scopes';
import { requireActor } from '../plugins/session';
import { iso } from '../present';
import { apiTokenList, apiTokenSchema, createApiTokenBody, createdApiToken } from '../schemas/api-tokens';
import { emptyBody, errorResponses, idParams } from '../schemas/common';

const present = (row: ApiTokenRow & { ownerName?: string }) => ({
  id: row.id,
  kind: row.kind,
  name: row.name,
  scopes: row.scopes,
  displayPrefix: row.displayPrefix,
  owner: row.ownerName === undefined ? null : { id: row.ownerId, name: row.ownerName },
  createdAt: row.createdAt.toISOString(),
  expiresAt: row.expiresAt.toISOString(),
  lastUsedAt: iso(row.lastUsedAt),
  revokedAt: iso(row.revokedAt),
});

/**
 * API tokens: personal ones under /api-tokens (each account its own), integration ones under
 * /admin/api-tokens (admins). Tokens cannot call these routes: only a signed-in person makes tokens.
 */
export const apiTokenRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const areas: [path: string, kind: TokenKind, who: string][] = [
    ['/api-tokens', 'personal', 'My personal access tokens'],
    ['/admin/api-tokens', 'integration', 'Integration tokens (admins)'],
  ];
  for (const [path, kind, who] of areas) {
    app.get(
      path,
      { schema: { tags: ['api-tokens'], summary: who, response: { 200: apiTokenList, ...errorResponses } } },
      async (request) => {
        const actor = requireActor(request);
        const items = await listApiTokens(ctx, actor, kind);
        return {
          items: items.map(present),
          scopesOffered: [...scopesOpenTo(actor.role)],
          maxLifeDays: maxTokenLifeDays,
        };
      },
    );

    app.post(
      path,
      {
        schema: {
          tags: ['api-tokens'],
          summary: `${who}: create one (the token is in this answer only)`,
          body: createApiTokenBody,
          response: { 201: createdApiToken, ...errorResponses },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        const { token, row } = await createApiToken(ctx, actor, { ...request.body, kind });
        reply.status(201);
        return { token, item: present({ ...row, ownerName: actor.name }) };
      },
    );

    app.post(
      `${path}/:id/revoke`,
      {
        schema: {
          tags: ['api-tokens'],
          summary: `${who}: revoke one (refused from the next request on)`,
          params: idParams,
          body: emptyBody,
          response: { 200: apiTokenSchema, ...errorResponses },
        },
      },
      async (request) => present(await revokeApiToken(ctx, requireActor(request), kind, request.params.id)),
    );
  }
};
