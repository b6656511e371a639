import { describe, expect, it } from 'vitest';
import { languages } from '../../i18n/language';
import { mailTemplates, renderTemplate } from './index';
import { escapeHtml } from './layout';

/** Every string inside a value, however deep. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

describe('mail templates', () => {
  const cases = [...mailTemplates.values()].flatMap((t) => languages.map((l) => [t.name, l] as const));

  it.each(cases)('%s renders in %s with every text present', (name, language) => {
    const template = mailTemplates.get(name);
    if (!template) throw new Error(name);
    const mail = renderTemplate(template, language, template.sample);
    for (const part of [mail.subject, mail.html, mail.text]) {
      expect(part.trim().length).toBeGreaterThan(0);
      expect(part).not.toMatch(/undefined|null|NaN|\[object Object\]/);
      expect(part).not.toMatch(/\{\w*\}?/);
    }
    expect(mail.html).toContain(`<html lang="${language}">`);
    // Parameters written by people are escaped in HTML, and verbatim in text.
    for (const value of strings(template.sample).filter((s) => /[<>&"]/.test(s))) {
      expect(mail.html).not.toContain(value);
      if (mail.text.includes(value)) expect(mail.html).toContain(escapeHtml(value));
    }
    if (template.audience !== 'account') {
      expect(mail.subject).toMatch(/^\[SUP-1042\] /);
      expect(mail.html).toContain('/tickets/0d8a5f7e-3a1b-4c55-9a43-6e5b1f2d7c10');
      expect(mail.text).toContain('/tickets/0d8a5f7e-3a1b-4c55-9a43-6e5b1f2d7c10');
    }
  });

  it('speaks each language differently (no untranslated copy)', () => {
    for (const template of mailTemplates.values()) {
      const subjects = languages.map((l) => renderTemplate(template, l, template.sample).subject);
      expect(new Set(subjects).size, template.name).toBe(3);
    }
  });

  it('refuses parameters that do not fit the template', () => {
    const template = mailTemplates.get('account.approved');
    if (!template) throw new Error('missing');
    expect(() => renderTemplate(template, 'fr', { name: 'x' })).toThrow(/invalid parameters/);
  });
});
