import type { Config } from '../config';
import type { Db, DbOrTx } from '../db/client';
import type { users } from '../db/schema/index';
import type { Clock } from '../domain/clock';
import type { Role } from '../domain/roles';
import type { Language } from '../i18n/language';

/** What every application function needs from the outside world. */
export interface AppContext {
  db: Db;
  clock: Clock;
  config: Config;
  /** Base URL of the portal, for links in mails. */
  publicUrl: string;
  /** The mail layer's rendering, passed in by the composition root so the application does not import it. */
  mail: MailRendering;
}

/** A mail about a ticket, rendered as the outbox will send it. */
export interface MailRendering {
  /**
   * The subject and text of a ticket mail in one language, from the ticket's current state; null
   * when the ticket or the template does not exist.
   */
  previewTicketMail(
    db: DbOrTx,
    mail: { template: string; ticketId: string; publicUrl: string; language: Language; params: object },
  ): Promise<{ subject: string; text: string } | null>;
}

export type { Role };

/** The person acting: the subject of every authorisation decision. */
export interface Actor {
  userId: string;
  role: Role;
  companyId: string | null;
  isManager: boolean;
  language: Language;
  name: string;
  email: string;
}

/** The actor a user account acts as. */
export function actorOf(
  user: Pick<
    typeof users.$inferSelect,
    'id' | 'role' | 'companyId' | 'isManager' | 'language' | 'name' | 'email'
  >,
): Actor {
  return {
    userId: user.id,
    role: user.role,
    companyId: user.companyId,
    isManager: user.isManager,
    language: user.language,
    name: user.name,
    email: user.email,
  };
}

export const isStaff = (actor: Actor): boolean => actor.role !== 'customer';
