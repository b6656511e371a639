import { and, eq } from 'drizzle-orm';
import type { AppContext } from '../../src/app/context';
import { attachFiles } from '../../src/app/files/attach-files';
import { incomingFromBytes } from '../../src/app/files/incoming';
import { seedDemo } from '../../src/app/seed/demo';
import { composeContext } from '../../src/composition';
import { type Config, loadConfig } from '../../src/config';
import type { Database } from '../../src/db/client';
import { tickets, users } from '../../src/db/schema/index';
import { manualClock } from '../../src/domain/clock';
import { buildApp } from '../../src/http/app';
import { TestClient } from './app';
import { sampleFiles } from './multipart';

export const configOf = (env: Record<string, string>): Config => ({
  ...loadConfig({ SEED_DEMO: 'false', ...env }),
  secret: 'install-secret-'.padEnd(40, 'x'),
});

export const contextOf = (database: Database, config: Config): AppContext =>
  composeContext({
    db: database.db,
    clock: manualClock('2026-03-02T09:00:00Z'),
    config,
    publicUrl: 'http://localhost:3000',
  });

/**
 * A demo installation with attachments: the demo world, and on the first of the demo customer's
 * tickets a PDF, a PNG and a text file (stored through the configured driver).
 */
export async function seedInstallation(ctx: AppContext) {
  const logins = await seedDemo(ctx);
  const customer = logins.find((login) => login.role.startsWith('customer'));
  if (!customer) throw new Error('the demo has no customer');
  const [user] = await ctx.db.select().from(users).where(eq(users.email, customer.email));
  if (!user?.companyId) throw new Error('the demo customer has no company');
  const [ticket] = await ctx.db
    .select()
    .from(tickets)
    .where(and(eq(tickets.companyId, user.companyId)))
    .limit(1);
  if (!ticket) throw new Error('the demo customer has no ticket');
  const files = [
    incomingFromBytes('facture.pdf', sampleFiles.pdf),
    incomingFromBytes('écran.png', sampleFiles.png),
    incomingFromBytes('journal.txt', Buffer.from('ligne 1\nligne 2\n'.repeat(5000))),
  ];
  await ctx.db.transaction((tx) =>
    attachFiles(tx, ctx, { ticketId: ticket.id, companyId: ticket.companyId, uploadedBy: user.id, files }),
  );
  return { email: customer.email, ticketId: ticket.id };
}

/** Signs in through the HTTP app of an installation and reads the ticket and its first attachment. */
export async function readTicketOverHttp(ctx: AppContext, email: string, password: string, ticketId: string) {
  const app = await buildApp({ ctx, webDist: '/nonexistent', logger: false });
  try {
    const client = new TestClient(app);
    await client.login(email, password);
    const ticket = await client.get(`/api/tickets/${ticketId}`);
    const list = await client.get(`/api/tickets/${ticketId}/attachments`);
    const first = list.json().items[0];
    const download = await client.get(first.downloadUrl);
    return { ticket, attachments: list.json().items, download };
  } finally {
    await app.close();
  }
}
