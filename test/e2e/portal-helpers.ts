import { type ApiSession, apiSession, demo } from './support/session';
import { json } from './support/tickets';

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
