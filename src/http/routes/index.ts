import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../app/context';
import { accountAreaRoutes } from './accounts';
import { attachmentRoutes } from './attachments';
import { billingRoutes } from './billing';
import { catalogueRoutes } from './catalogue';
import { contentRoutes } from './content';
import { flexRoutes } from './flex';
import { healthRoutes } from './health';
import { inboundRoutes } from './inbound';
import { mailAdminRoutes } from './mail-admin';
import { sessionRoutes } from './session';
import { slaRoutes } from './sla';
import { ticketListRoutes } from './ticket-lists';
import { ticketRoutes } from './tickets';
import { timeRoutes } from './time';

/** Every API resource, one file each. */
export const registerRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  await app.register(healthRoutes, { ctx });
  await app.register(inboundRoutes, { ctx });
  await app.register(sessionRoutes, { ctx });
  await app.register(ticketRoutes, { ctx });
  await app.register(mailAdminRoutes, { ctx });
  await app.register(accountAreaRoutes, { ctx });
  await app.register(catalogueRoutes, { ctx });
  await app.register(attachmentRoutes, { ctx });
  await app.register(ticketListRoutes, { ctx });
  await app.register(flexRoutes, { ctx });
  await app.register(timeRoutes, { ctx });
  await app.register(billingRoutes, { ctx });
  await app.register(slaRoutes, { ctx });
  await app.register(contentRoutes, { ctx });
};
