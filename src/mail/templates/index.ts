import * as all from './all';
import { layout } from './layout';
import { newRequestUrl, ticketViewSchema } from './ticket-view';
import type { Language, MailTemplate, Rendered } from './types';

export type { Block, MailTemplate, Rendered } from './types';
export { defineTemplate } from './types';

type AllTemplates = (typeof all)[keyof typeof all];
/** Every template name, e.g. 'account.approved'. */
export type TemplateName = AllTemplates['name'];

/** The registry: template name → template. */
export const mailTemplates: ReadonlyMap<string, MailTemplate> = new Map(
  Object.values(all).map((t) => [t.name, t as unknown as MailTemplate]),
);

export function findTemplate(name: string): MailTemplate | undefined {
  return mailTemplates.get(name);
}

export class TemplateParamsError extends Error {
  constructor(template: string, problems: string) {
    super(`mail ${template}: invalid parameters: ${problems}`);
    this.name = 'TemplateParamsError';
  }
}

/**
 * Subject and both bodies of a template in a language. Parameters are checked against the
 * template's schema first: they travelled through JSON and may be older than the code.
 */
export function renderTemplate(template: MailTemplate, language: Language, rawParams: unknown): Rendered {
  const parsed = template.params.safeParse(rawParams);
  if (!parsed.success) {
    throw new TemplateParamsError(
      template.name,
      parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
    );
  }
  const version = template[language];
  const subject = version.subject(parsed.data).replace(/[\r\n]+/g, ' ');
  const ticket = ticketViewSchema.safeParse((parsed.data as { ticket?: unknown } | null)?.ticket);
  return layout(language, subject, version.body(parsed.data), {
    footer: template.footer,
    ...(ticket.success ? { newRequestUrl: newRequestUrl(ticket.data) } : {}),
  });
}

/** Whether the mail still applies, given its (current) parameters. */
export function stillApplies(template: MailTemplate, params: unknown): boolean {
  if (!template.stillApplies) return true;
  const parsed = template.params.safeParse(params);
  return parsed.success ? template.stillApplies(parsed.data) : true;
}
