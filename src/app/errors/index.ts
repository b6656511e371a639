import { accountsErrors } from './accounts';
import { catalogueErrors } from './catalogue';
import { consoleErrors } from './console';
import { contentErrors } from './content';
import { flexErrors } from './flex';
import { foundationErrors } from './foundation';
import { inboundErrors } from './inbound';
import { integrationsErrors } from './integrations';
import { limitsErrors } from './limits';
import { mailErrors } from './mail';
import { personalDataErrors } from './personal-data';
import { slaErrors } from './sla';
import { ssoErrors } from './sso';
import { surveysErrors } from './surveys';
import { ticketsErrors } from './tickets';
import { twoFactorErrors } from './two-factor';
import type { ErrorEntry } from './types';
import { workspaceErrors } from './workspace';

export type { ErrorEntry } from './types';

/**
 * The one error catalogue: stable codes, their HTTP status and the message people read, in fr/de/en.
 * Each area keeps its entries in a file of this folder; they are joined here.
 */
export const errorCatalogue = {
  ...foundationErrors,
  ...inboundErrors,
  ...mailErrors,
  ...ticketsErrors,
  ...flexErrors,
  ...catalogueErrors,
  ...accountsErrors,
  ...slaErrors,
  ...consoleErrors,
  ...contentErrors,
  ...limitsErrors,
  ...workspaceErrors,
  ...integrationsErrors,
  ...surveysErrors,
  ...ssoErrors,
  ...personalDataErrors,
  ...twoFactorErrors,
} satisfies Record<string, ErrorEntry>;

export type ErrorCode = keyof typeof errorCatalogue;

/** A failure the user can act on. Thrown by app functions, mapped to HTTP by the error handler. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly params: Record<string, string | number> = {},
    /** Extra machine-readable data for the client (e.g. a link to offer). */
    readonly details?: Record<string, unknown>,
  ) {
    super(code);
    this.name = 'AppError';
  }
}
