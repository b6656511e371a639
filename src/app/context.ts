import type { Config } from '../config';
import type { Db } from '../db/client';
import type { Clock } from '../domain/clock';
import type { Language } from '../i18n/language';

/** What every application function needs from the outside world. */
export interface AppContext {
  db: Db;
  clock: Clock;
  config: Config;
  /** Base URL of the portal, for links in mails. */
  publicUrl: string;
}

export type Role = 'customer' | 'agent' | 'consultant' | 'admin';

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

export const isStaff = (actor: Actor): boolean => actor.role !== 'customer';
