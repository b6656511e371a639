import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Actor, AppContext } from '../../app/context';
import type { IncomingFile } from '../../app/files/attach-files';
import { addMessage } from '../../app/tickets/add-message';
import { assignTicket } from '../../app/tickets/assign-ticket';
import { changeStatus } from '../../app/tickets/change-status';
import { closeTicket } from '../../app/tickets/close-ticket';
import { createTicketDetail } from '../../app/tickets/create-ticket';
import { getTicket } from '../../app/tickets/get-ticket';
import { getTimeline } from '../../app/tickets/get-timeline';
import { qualifyTicket } from '../../app/tickets/qualify-ticket';
import { takeTicket } from '../../app/tickets/take-ticket';
import { transferToConsulting } from '../../app/tickets/transfer-to-consulting';
import type { Config } from '../../config';
import type { Language } from '../../i18n/language';
import { renderRichText } from '../../rich-text/render';
import { requireActor } from '../plugins/session';
import { presentTicket } from '../present-ticket';
import { errorResponses, idParams } from '../schemas/common';
import {
  addMessageBody,
  addMessageResponse,
  assignTicketBody,
  changeStatusBody,
  closeTicketBody,
  createTicketBody,
  noBody,
  previewRichTextBody,
  previewRichTextResponse,
  qualifyTicketBody,
  ticketResponse,
  timelineResponse,
  transferBody,
} from '../schemas/tickets';
import { receiveMultipart, refuseAnnouncedOversize } from '../uploads';

const tags = ['tickets'];
const consumes = ['application/json', 'multipart/form-data'];

/** Files of a multipart request, read before validation (see `readMultipartForm`). */
const uploads = new WeakMap<FastifyRequest, IncomingFile[]>();

/**
 * Lets a route take either JSON or a multipart form (fields + `file` parts, R15): the form's
 * text fields become the body, validated by the same schema, and its files (streamed to temporary
 * files, see receiveMultipart) wait for the handler.
 */
async function readMultipartForm(
  request: FastifyRequest,
  reply: FastifyReply,
  config: Config,
): Promise<void> {
  if (!request.isMultipart()) return;
  const form = await receiveMultipart(request, reply, config);
  request.body = form.fields;
  uploads.set(request, form.files);
}

export const ticketRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const readForm = (request: FastifyRequest, reply: FastifyReply) =>
    readMultipartForm(request, reply, ctx.config);
  const respond = async (actor: Actor, language: Language, ticketId: string) => ({
    ticket: presentTicket(await getTicket(ctx, actor, ticketId), actor, language),
  });

  app.post(
    '/tickets',
    {
      schema: {
        tags,
        summary: 'Open a support ticket or a consulting request',
        description: 'JSON, or multipart/form-data with the same fields and `file` parts (attachments).',
        consumes,
        body: createTicketBody,
        response: { 201: ticketResponse, ...errorResponses },
      },
      onRequest: refuseAnnouncedOversize(ctx.config),
      preValidation: readForm,
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const detail = await createTicketDetail(ctx, actor, {
        ...request.body,
        files: uploads.get(request) ?? [],
      });
      reply.status(201);
      // Answered from what the creation wrote, as GET /tickets/:id would show it.
      return { ticket: presentTicket(detail, actor, request.language) };
    },
  );

  app.get(
    '/tickets/:id',
    {
      schema: {
        tags,
        summary: 'One ticket, with what the caller may do with it',
        params: idParams,
        response: { 200: ticketResponse, ...errorResponses },
      },
    },
    async (request) => respond(requireActor(request), request.language, request.params.id),
  );

  app.get(
    '/tickets/:id/timeline',
    {
      schema: {
        tags,
        summary: 'The ticket history and conversation (internal entries for staff only)',
        params: idParams,
        response: { 200: timelineResponse, ...errorResponses },
      },
    },
    async (request) => {
      const entries = await getTimeline(ctx, requireActor(request), request.params.id, request.language);
      return {
        entries: entries.map(({ event, actor, message, description }) => ({
          id: event.id,
          at: event.at.toISOString(),
          kind: event.kind,
          visibility: event.visibility,
          actor,
          before: event.before,
          after: event.after,
          data: event.data,
          message: message && { ...message, html: renderRichText(message) },
          summary: description.summary,
          details: description.details,
        })),
      };
    },
  );

  app.post(
    '/tickets/:id/qualify',
    {
      schema: {
        tags,
        summary: 'Qualify: confirm type and criticality (a change of criticality needs a reason)',
        params: idParams,
        body: qualifyTicketBody,
        response: { 200: ticketResponse, ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await qualifyTicket(ctx, actor, request.params.id, request.body);
      return respond(actor, request.language, request.params.id);
    },
  );

  app.post(
    '/tickets/:id/take',
    {
      schema: {
        tags,
        summary: 'Take the ticket in charge (assign to myself)',
        params: idParams,
        body: noBody,
        response: { 200: ticketResponse, ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await takeTicket(ctx, actor, request.params.id);
      return respond(actor, request.language, request.params.id);
    },
  );

  app.post(
    '/tickets/:id/assign',
    {
      schema: {
        tags,
        summary: 'Assign the ticket to a staff member of its desk, or unassign it',
        params: idParams,
        body: assignTicketBody,
        response: { 200: ticketResponse, ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await assignTicket(ctx, actor, request.params.id, request.body);
      return respond(actor, request.language, request.params.id);
    },
  );

  app.post(
    '/tickets/:id/status',
    {
      schema: {
        tags,
        summary: 'Change the status, following the transition table',
        params: idParams,
        body: changeStatusBody,
        response: { 200: ticketResponse, ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await changeStatus(ctx, actor, request.params.id, request.body);
      return respond(actor, request.language, request.params.id);
    },
  );

  app.post(
    '/tickets/:id/transfer-consulting',
    {
      schema: {
        tags,
        summary: 'Transfer a support ticket to the Consulting department, with a note to the consultants',
        params: idParams,
        body: transferBody,
        response: { 200: ticketResponse, ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await transferToConsulting(ctx, actor, request.params.id, request.body);
      return respond(actor, request.language, request.params.id);
    },
  );

  app.post(
    '/tickets/:id/close',
    {
      schema: {
        tags,
        summary: 'Close the ticket for good',
        params: idParams,
        body: closeTicketBody.nullish(),
        response: { 200: ticketResponse, ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await closeTicket(ctx, actor, request.params.id, request.body ?? {});
      return respond(actor, request.language, request.params.id);
    },
  );

  app.post(
    '/rich-text/preview',
    {
      schema: {
        tags,
        summary: 'A message as it will be shown: rendered and sanitised exactly as when it is sent',
        body: previewRichTextBody,
        response: { 200: previewRichTextResponse, ...errorResponses },
      },
    },
    async (request) => {
      requireActor(request);
      return { html: renderRichText(request.body) };
    },
  );

  app.post(
    '/tickets/:id/messages',
    {
      schema: {
        tags,
        summary: 'Answer, reply or add an internal note (a reply to a closed ticket is refused: 409)',
        description: 'JSON, or multipart/form-data with the same fields and `file` parts (attachments).',
        consumes,
        params: idParams,
        body: addMessageBody,
        response: { 201: addMessageResponse, ...errorResponses },
      },
      onRequest: refuseAnnouncedOversize(ctx.config),
      preValidation: readForm,
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const { message, attachments } = await addMessage(ctx, actor, request.params.id, {
        ...request.body,
        files: uploads.get(request) ?? [],
      });
      reply.status(201);
      return {
        message: {
          id: message.id,
          body: message.body,
          format: message.format,
          html: renderRichText(message),
          visibility: message.visibility,
          source: message.source,
          createdAt: message.createdAt.toISOString(),
          attachments: attachments.map((a) => ({ id: a.id, fileName: a.fileName, size: a.size })),
        },
        ...(await respond(actor, request.language, request.params.id)),
      };
    },
  );
};
