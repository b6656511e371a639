import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../app/context';
import { answerSurveyByToken, answerTicketSurvey } from '../../app/surveys/answer-survey';
import { readSurveyByToken, readTicketSurvey, type SurveyView } from '../../app/surveys/read-survey';
import { getSurveySettings, saveSurveySettings } from '../../app/surveys/survey-settings';
import { requireActor } from '../plugins/session';
import { iso } from '../present';
import { errorResponses, idParams } from '../schemas/common';
import {
  surveyAnswerBody,
  surveyLinkAnswerBody,
  surveyLinkQuery,
  surveySchema,
  surveySettingsSchema,
  ticketSurveyResponse,
} from '../schemas/surveys';

const present = (survey: SurveyView) => ({ ...survey, answeredAt: iso(survey.answeredAt) });

/**
 * Satisfaction surveys of closed tickets: from the closing mail's link without signing in (the
 * token is in the query or body, never in a path that logs keep), or from the ticket's portal page.
 */
export const surveyRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/surveys/link',
    {
      schema: {
        tags: ['surveys'],
        summary: 'The survey behind a closing mail link',
        querystring: surveyLinkQuery,
        response: { 200: surveySchema, ...errorResponses },
      },
    },
    async (request) => present(await readSurveyByToken(ctx, request.query.token)),
  );

  app.post(
    '/surveys/link',
    {
      schema: {
        tags: ['surveys'],
        summary: 'Answer a survey from its mail link (once)',
        body: surveyLinkAnswerBody,
        response: { 200: surveySchema, ...errorResponses },
      },
    },
    async (request) => {
      const { token, ...answer } = request.body;
      await answerSurveyByToken(ctx, token, answer);
      return present(await readSurveyByToken(ctx, token));
    },
  );

  app.get(
    '/tickets/:id/survey',
    {
      schema: {
        tags: ['surveys'],
        summary: "A closed ticket's satisfaction survey",
        params: idParams,
        response: { 200: ticketSurveyResponse, ...errorResponses },
      },
    },
    async (request) => {
      const survey = await readTicketSurvey(ctx, requireActor(request), request.params.id);
      return { survey: survey ? present(survey) : null };
    },
  );

  app.post(
    '/tickets/:id/survey',
    {
      schema: {
        tags: ['surveys'],
        summary: "Answer a closed ticket's survey from the portal (customers of its company, once)",
        params: idParams,
        body: surveyAnswerBody,
        response: { 200: ticketSurveyResponse, ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await answerTicketSurvey(ctx, actor, request.params.id, request.body);
      const survey = await readTicketSurvey(ctx, actor, request.params.id);
      return { survey: survey ? present(survey) : null };
    },
  );

  app.get(
    '/admin/settings/surveys',
    {
      schema: {
        tags: ['settings'],
        summary: 'Whether closings invite to the satisfaction survey, automatic closings included',
        response: { 200: surveySettingsSchema, ...errorResponses },
      },
    },
    async (request) => getSurveySettings(ctx, requireActor(request)),
  );

  app.put(
    '/admin/settings/surveys',
    {
      schema: {
        tags: ['settings'],
        summary:
          'Turn satisfaction surveys off, or off for automatic closings (surveys already sent stay answerable)',
        body: surveySettingsSchema,
        response: { 200: surveySettingsSchema, ...errorResponses },
      },
    },
    async (request) => saveSurveySettings(ctx, requireActor(request), request.body),
  );
};
