import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  type EscalationLevel,
  getEscalationMatrix,
  replaceEscalationMatrix,
} from '../../app/content/escalation-matrix';
import {
  getHelpArticle,
  type HelpArticleView,
  listHelpArticles,
  suggestHelpArticles,
} from '../../app/content/help-articles';
import { createHelpArticle, deleteHelpArticle, updateHelpArticle } from '../../app/content/save-help-article';
import type { AppContext } from '../../app/context';
import type { Language } from '../../i18n/language';
import { requireActor } from '../plugins/session';
import { errorResponses, languageSchema, okResponse } from '../schemas/common';
import {
  createHelpArticleBody,
  escalationMatrixBody,
  escalationMatrixResponse,
  helpArticleListQuery,
  helpArticleListResponse,
  helpArticleSchema,
  helpArticleSuggestQuery,
  slugParams,
  updateHelpArticleBody,
} from '../schemas/content';

const presentMatrix = (levels: EscalationLevel[], language: Language) => {
  const roles = (l: EscalationLevel) => ({ fr: l.roleFr, de: l.roleDe, en: l.roleEn });
  const whens = (l: EscalationLevel) => ({ fr: l.whenFr, de: l.whenDe, en: l.whenEn });
  const latest = levels.reduce<Date | null>(
    (max, l) => (!max || l.updatedAt > max ? l.updatedAt : max),
    null,
  );
  return {
    levels: levels.map((l) => ({
      level: l.position,
      role: roles(l)[language],
      contactName: l.contactName,
      email: l.email,
      phone: l.phone,
      whenToUse: whens(l)[language],
      roles: roles(l),
      whenToUseTexts: whens(l),
    })),
    updatedAt: latest?.toISOString() ?? null,
  };
};

const presentSummary = (a: HelpArticleView) => ({
  slug: a.slug,
  language: a.language,
  title: a.title,
  summary: a.summary,
  languages: a.languages,
  updatedAt: a.updatedAt.toISOString(),
});

const presentArticle = (a: HelpArticleView) => ({
  ...presentSummary(a),
  body: a.body,
  sortOrder: a.sortOrder,
});

export const contentRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/escalation-matrix',
    {
      schema: {
        tags: ['content'],
        summary: 'The escalation matrix: levels, roles, contacts and when to use each (R2)',
        response: { 200: escalationMatrixResponse, ...errorResponses },
      },
    },
    async (request) => {
      const levels = await getEscalationMatrix(ctx, requireActor(request));
      return presentMatrix(levels, request.language);
    },
  );

  app.put(
    '/escalation-matrix',
    {
      schema: {
        tags: ['content'],
        summary: 'Replace the whole escalation matrix (staff)',
        body: escalationMatrixBody,
        response: { 200: escalationMatrixResponse, ...errorResponses },
      },
    },
    async (request) => {
      const levels = await replaceEscalationMatrix(ctx, requireActor(request), request.body);
      return presentMatrix(levels, request.language);
    },
  );

  app.get(
    '/help-articles',
    {
      schema: {
        tags: ['content'],
        summary: 'Help articles in the reader’s language (with a fallback), optionally matching a search',
        querystring: helpArticleListQuery,
        response: { 200: helpArticleListResponse, ...errorResponses },
      },
    },
    async (request) => {
      const items = await listHelpArticles(ctx, requireActor(request), {
        q: request.query.q,
        language: request.language,
      });
      return { items: items.map(presentSummary) };
    },
  );

  app.get(
    '/help-articles/suggest',
    {
      schema: {
        tags: ['content'],
        summary: 'Help articles that may answer a ticket, from the subject being typed (R15)',
        querystring: helpArticleSuggestQuery,
        response: { 200: helpArticleListResponse, ...errorResponses },
      },
    },
    async (request) => {
      const items = await suggestHelpArticles(ctx, requireActor(request), {
        subject: request.query.subject,
        language: request.language,
      });
      return { items: items.map(presentSummary) };
    },
  );

  app.get(
    '/help-articles/:slug',
    {
      schema: {
        tags: ['content'],
        summary:
          'One help article, in the reader’s language (or the one asked for) or the nearest translation',
        params: slugParams,
        querystring: z.object({ language: languageSchema.optional() }),
        response: { 200: helpArticleSchema, ...errorResponses },
      },
    },
    async (request) => {
      const article = await getHelpArticle(ctx, requireActor(request), {
        slug: request.params.slug,
        language: request.query.language ?? request.language,
      });
      return presentArticle(article);
    },
  );

  app.post(
    '/help-articles',
    {
      schema: {
        tags: ['content'],
        summary: 'Publish a help article (admin)',
        body: createHelpArticleBody,
        response: { 201: helpArticleSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const article = await createHelpArticle(ctx, requireActor(request), {
        ...request.body,
        language: request.language,
      });
      return reply.status(201).send(presentArticle(article));
    },
  );

  app.patch(
    '/help-articles/:slug',
    {
      schema: {
        tags: ['content'],
        summary: 'Edit a help article, add or remove a translation (admin)',
        params: slugParams,
        body: updateHelpArticleBody,
        response: { 200: helpArticleSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { slug: newSlug, ...rest } = request.body;
      const article = await updateHelpArticle(ctx, requireActor(request), {
        slug: request.params.slug,
        newSlug,
        ...rest,
        language: request.language,
      });
      return presentArticle(article);
    },
  );

  app.delete(
    '/help-articles/:slug',
    {
      schema: {
        tags: ['content'],
        summary: 'Delete a help article (admin)',
        params: slugParams,
        response: { 200: okResponse, ...errorResponses },
      },
    },
    async (request) => {
      await deleteHelpArticle(ctx, requireActor(request), { slug: request.params.slug });
      return { ok: true as const };
    },
  );
};
