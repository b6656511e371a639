import { type ApiSession, apiSession, demo } from './support/session';
import { companyOf, json, openTicket } from './support/tickets';

export { companyOf, json, openTicket } from './support/tickets';

/** Staff and customer API sessions for preparing a ticket's state before the browser looks at it. */
export async function sessions(baseURL: string) {
  return {
    customer: await apiSession(baseURL, demo.customer),
    agent: await apiSession(baseURL, demo.agent),
    admin: await apiSession(baseURL, demo.admin),
  };
}

/** As the agent: qualify, take, then move the ticket to `status` (or close it). */
export async function moveTicket(agent: ApiSession, ticketId: string, status: 'waiting_customer' | 'closed') {
  await json(await agent.send('POST', `/api/tickets/${ticketId}/qualify`, {}));
  await json(await agent.send('POST', `/api/tickets/${ticketId}/take`, {}));
  if (status === 'closed') {
    await json(await agent.send('POST', `/api/tickets/${ticketId}/close`, { reason: 'solution_delivered' }));
  } else {
    await json(await agent.send('POST', `/api/tickets/${ticketId}/status`, { status }));
  }
}

/** Makes sure the Flex company has a positive balance (admin credit). */
export async function creditFlex(admin: ApiSession, companyId: string, hours: number) {
  await json(
    await admin.send('POST', `/api/companies/${companyId}/flex/credits`, { hours, reason: 'E2E' }),
    201,
  );
}

/** An active project of the company, created by staff. */
export async function createProject(agent: ApiSession, companyId: string, name: string) {
  return json<{ id: string; name: string }>(
    await agent.send('POST', `/api/companies/${companyId}/projects`, { name, description: 'Projet de test' }),
    201,
  );
}

export async function disposeAll(all: Record<string, ApiSession>) {
  await Promise.all(Object.values(all).map((s) => s.dispose()));
}

/**
 * A customer's portal with something on every page, for the walks through all of it: Flex hours,
 * a project, a ticket waiting on the customer and a closed one.
 */
export async function portalScene(baseURL: string, subjects: { project: string; waiting: string }) {
  const all = await sessions(baseURL);
  const companyId = await companyOf(all.customer);
  await creditFlex(all.admin, companyId, 8);
  await createProject(all.agent, companyId, `${subjects.project} ${Date.now()}`);
  const waiting = await openTicket(all.customer, `${subjects.waiting} ${Date.now()}`);
  await moveTicket(all.agent, waiting.id, 'waiting_customer');
  const closed = await openTicket(all.customer, `Export Excel tronqué ${Date.now()}`);
  await moveTicket(all.agent, closed.id, 'closed');
  await disposeAll(all);
  return { companyId, waiting, closed };
}
