import type { FastifyInstance, RouteHandlerMethod } from 'fastify';
import fp from 'fastify-plugin';
import type { TenantScope } from '../../db/tenant-scope';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * false: the handler is not wrapped in a customer transaction. For routes that hold a request
     * open (live streams, uploads): they call `app.tenantScope.asCustomer` around their database work.
     */
    tenantScope?: false;
  }
  interface FastifyInstance {
    tenantScope: TenantScope;
  }
  interface FastifyRequest {
    /** Settles when the customer transaction of this request has ended (committed). */
    tenantScopeDone: Promise<unknown> | null;
  }
}

/**
 * Row-level security for customers: every route handler called by a customer runs inside one
 * transaction limited to their company (see tenantScope). The answer leaves only once that
 * transaction has committed, so the next request of the same person sees what this one wrote.
 */
async function tenantScopePlugin(app: FastifyInstance, opts: { scope: TenantScope }) {
  app.decorate('tenantScope', opts.scope);
  app.decorateRequest('tenantScopeDone', null);

  app.addHook('onRoute', (route) => {
    if (route.config?.tenantScope === false) return;
    const handler = route.handler as RouteHandlerMethod;
    route.handler = function scopedHandler(request, reply) {
      const actor = request.actor;
      if (actor?.role !== 'customer' || !actor.companyId) return handler.call(this, request, reply);
      const done = opts.scope.asCustomer(actor.companyId, async () => handler.call(this, request, reply));
      request.tenantScopeDone = done.catch(() => undefined);
      return done;
    };
  });

  // A handler that sends its answer itself (reply.send) would otherwise answer before the commit.
  app.addHook('onSend', async (request) => {
    if (request.tenantScopeDone) await request.tenantScopeDone;
  });
}

export default fp(tenantScopePlugin, { name: 'guichet-tenant-scope' });
