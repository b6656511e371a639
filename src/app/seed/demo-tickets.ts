import { eq } from 'drizzle-orm';
import { users } from '../../db/schema/index';
import { createProject } from '../catalogue/projects';
import { requestTypeByCode } from '../catalogue/request-types';
import type { Actor, AppContext } from '../context';
import { actorOf } from '../context';
import { creditFlex } from '../flex/record-movement';
import { addMessage } from '../tickets/add-message';
import { changeStatus } from '../tickets/change-status';
import { closeTicket } from '../tickets/close-ticket';
import { createTicket } from '../tickets/create-ticket';
import { qualifyTicket } from '../tickets/qualify-ticket';
import { takeTicket } from '../tickets/take-ticket';
import type { DemoWorld } from './demo';
import { seedDemoSlaMonth } from './demo-sla-month';

/**
 * Demo tickets in the states a visitor should see at once: one to qualify, one waiting for the
 * customer, a Solva Flex evolution, a closed one, a consulting request, and a German one, after
 * last month's requests of the monthly SLA report (demo-sla-month.ts). They go
 * through the application functions, so timelines, SLA and timers are exactly as in real use.
 */
export async function seedDemoTickets(ctx: AppContext, world: DemoWorld): Promise<void> {
  const actor = async (email: string): Promise<Actor> => {
    const [user] = await ctx.db.select().from(users).where(eq(users.email, email));
    if (!user) throw new Error(`demo user ${email} missing`);
    return actorOf(user);
  };
  const [claire, katrin, agent, consultant, admin] = await Promise.all(
    [
      'client@acme.demo',
      'kunde@bergmann.demo',
      'agent@guichet.demo',
      'consultant@guichet.demo',
      'admin@guichet.demo',
    ].map(actor),
  );
  if (!claire || !katrin || !agent || !consultant || !admin) return;
  const assistance = await requestTypeByCode(ctx.db, 'assistance');
  const solvaFlex = await requestTypeByCode(ctx.db, 'solva_flex');
  if (!assistance || !solvaFlex) return;
  await seedDemoSlaMonth(ctx, { customer: claire, agent });

  await creditFlex(ctx, admin, {
    companyId: world.companies.flex,
    minutes: 40 * 60,
    reason: 'Achat de 40 heures',
  });
  const migration = await createProject(ctx, agent, {
    companyId: world.companies.flex,
    name: 'Migration ERP 2027',
    description: 'Passage à la nouvelle version et reprise des données',
  });
  await createProject(ctx, agent, {
    companyId: world.companies.maintenanceOnly,
    name: 'Rollout Lagerverwaltung',
  });

  const support = {
    desk: 'support' as const,
    softwareVersion: '12.4',
    societe: 'Acme Lausanne',
    module: 'Finance',
  };
  await createTicket(ctx, claire, {
    ...support,
    requestTypeId: assistance.id,
    criticality: 'haute',
    subject: 'Erreur lors de la validation des factures fournisseurs',
    description:
      'Depuis ce matin, la validation des factures fournisseurs échoue avec le message « Période fermée ».',
  });

  const waiting = await createTicket(ctx, claire, {
    ...support,
    requestTypeId: assistance.id,
    criticality: 'moyenne',
    subject: 'Export comptable : colonnes TVA décalées',
    description: "Dans l'export comptable du mois, les colonnes TVA sont décalées d'un cran vers la droite.",
  });
  await qualifyTicket(ctx, agent, waiting.id, {});
  await takeTicket(ctx, agent, waiting.id);
  await addMessage(ctx, agent, waiting.id, {
    visibility: 'public',
    body: "Bonjour, pouvez-vous nous envoyer le fichier d'export concerné et la date de l'export ?",
  });
  await changeStatus(ctx, agent, waiting.id, { status: 'waiting_customer' });

  const flex = await createTicket(ctx, claire, {
    ...support,
    module: 'Ventes',
    requestTypeId: solvaFlex.id,
    criticality: 'basse',
    subject: 'Ajouter la référence client sur le bon de livraison',
    description: 'Nous souhaitons imprimer la référence de commande du client sur le bon de livraison.',
  });
  await qualifyTicket(ctx, agent, flex.id, {});

  const closed = await createTicket(ctx, claire, {
    ...support,
    requestTypeId: assistance.id,
    criticality: 'critique',
    subject: 'Blocage de la clôture mensuelle',
    description: 'La clôture mensuelle reste bloquée à 80 %.',
  });
  await qualifyTicket(ctx, agent, closed.id, {});
  await takeTicket(ctx, agent, closed.id);
  await addMessage(ctx, agent, closed.id, {
    visibility: 'public',
    body: 'Le correctif 12.4.3 résout le blocage ; il est installé sur votre environnement.',
  });
  await closeTicket(ctx, agent, closed.id, { reason: 'solution_delivered' });

  await createTicket(ctx, claire, {
    desk: 'consulting',
    projectId: migration.id,
    criticality: 'moyenne',
    subject: 'Reprise des données articles pour la migration',
    description: 'Nous avons besoin d’un accompagnement pour la reprise de 12 000 articles.',
  });

  const german = await createTicket(ctx, katrin, {
    desk: 'support',
    requestTypeId: assistance.id,
    criticality: 'moyenne',
    subject: 'Fehler beim Drucken der Lieferscheine',
    description: 'Beim Drucken der Lieferscheine erscheint die Meldung „Formular nicht gefunden“.',
    softwareVersion: '12.3',
    module: 'Logistik',
  });
  await qualifyTicket(ctx, agent, german.id, {});
  await takeTicket(ctx, agent, german.id);
}
