import { json } from './staff-helpers';
import { expectAccessible } from './support/axe';
import { expect, type Locator, type Page, test } from './support/csp';
import { apiSession, demo, signIn } from './support/session';

type Matrix = {
  levels: {
    roles: Record<string, string>;
    contactName: string;
    email: string | null;
    phone: string | null;
    whenToUseTexts: Record<string, string>;
  }[];
};

/** Scans the page once the dialog's opening transition is over (a fading dialog has no contrast yet). */
async function scanDialog(page: Page, dialog: Locator, name: string) {
  await expect(
    dialog.locator('xpath=ancestor-or-self::*[contains(@class,"mantine-Modal-content")]'),
  ).toHaveCSS('opacity', '1');
  await expectAccessible(page, name);
}

test('an admin edits and deletes help articles, edits the escalation matrix and creates a request type', async ({
  page,
  baseURL,
}) => {
  // Three editors, each opened, scanned by axe and saved.
  test.slow();
  const admin = await apiSession(baseURL ?? '', demo.admin);
  const stamp = Date.now();
  const edited = `e2e-edit-${stamp}`;
  const doomed = `e2e-delete-${stamp}`;
  await json(
    await admin.send('POST', '/api/help-articles', {
      slug: edited,
      translations: {
        fr: { title: 'Article à modifier', summary: 'Résumé', body: 'Texte en français.' },
        de: { title: 'Zu ändernder Artikel', summary: 'Kurz', body: 'Text auf Deutsch.' },
      },
    }),
    201,
  );
  await json(
    await admin.send('POST', '/api/help-articles', {
      slug: doomed,
      translations: { fr: { title: 'Article à supprimer', body: 'Bientôt supprimé.' } },
    }),
    201,
  );
  const original = await json<Matrix>(await admin.context.get('/api/escalation-matrix'));

  try {
    await signIn(page, demo.admin);
    await page.goto('/admin/content');
    await expect(page.getByRole('heading', { name: 'Request types', exact: true })).toBeVisible();

    // Help article: every language is loaded into the editor; the French title is changed.
    await page.getByRole('button', { name: `Edit “${edited}”` }).click();
    const editor = page.getByRole('dialog', { name: `Edit the article “${edited}”` });
    const title = editor.getByRole('textbox', { name: 'Title' });
    await expect(title).toHaveValue('Article à modifier');
    await editor.getByRole('tab', { name: 'German' }).click();
    await expect(editor.getByRole('textbox', { name: 'Title' })).toHaveValue('Zu ändernder Artikel');
    await scanDialog(page, editor, 'admin-content-article-editor');
    await editor.getByRole('tab', { name: 'French' }).click();
    await editor.getByRole('textbox', { name: 'Title' }).fill(`Titre révisé ${stamp}`);
    await expect(editor.getByRole('heading', { name: `Titre révisé ${stamp}` })).toBeVisible();
    await editor.getByRole('button', { name: 'Save the article' }).click();
    await expect(editor).toBeHidden();
    // The German translation is kept as it was.
    await page.getByRole('button', { name: `Edit “${edited}”` }).click();
    await expect(editor.getByRole('textbox', { name: 'Title' })).toHaveValue(`Titre révisé ${stamp}`);
    await editor.getByRole('tab', { name: 'German' }).click();
    await expect(editor.getByRole('textbox', { name: 'Title' })).toHaveValue('Zu ändernder Artikel');
    await editor.getByRole('button', { name: 'Cancel' }).click();
    await expect(editor).toBeHidden();

    // The admin's own language (English) falls back to French, the reference.
    await page.goto(`/help/${edited}`);
    await expect(page.getByRole('heading', { level: 1, name: `Titre révisé ${stamp}` })).toBeVisible();

    // Help article: deleted after a confirmation.
    await page.goto('/admin/content');
    await page.getByRole('button', { name: `Delete “${doomed}”` }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete the article' });
    await expect(confirm).toContainText('Article à supprimer');
    await scanDialog(page, confirm, 'admin-content-delete-article');
    await confirm.getByRole('button', { name: 'Delete the article' }).click();
    await expect(confirm).toBeHidden();
    await expect(page.getByRole('button', { name: `Delete “${doomed}”` })).toHaveCount(0);
    expect((await admin.context.get(`/api/help-articles/${doomed}`)).status()).toBe(404);

    // Escalation matrix: the German "when to use" text of the first level.
    const level = page.getByRole('group', { name: /^Level 1 — / });
    const when = level.getByRole('textbox', { name: 'When to use (German)' });
    await expect(when).toHaveValue(original.levels[0]?.whenToUseTexts.de ?? '');
    await when.fill(`Bei dringenden Fragen ${stamp}`);
    await expectAccessible(page, 'admin-content-matrix-editor');
    await page.getByRole('button', { name: 'Save the matrix' }).click();
    await expect
      .poll(async () => {
        const matrix = await json<Matrix>(await admin.context.get('/api/escalation-matrix'));
        return matrix.levels[0]?.whenToUseTexts.de;
      })
      .toBe(`Bei dringenden Fragen ${stamp}`);

    // Request type: created with its names, descriptions and flags; the API's refusal sits by the field.
    await page.getByRole('button', { name: 'New request type' }).click();
    const typeForm = page.getByRole('dialog', { name: 'New request type' });
    await typeForm.getByRole('textbox', { name: 'Code' }).fill('Not a code');
    await typeForm.getByRole('textbox', { name: 'Name (French)' }).fill(`Audit ${stamp}`);
    await typeForm.getByRole('textbox', { name: 'Name (German)' }).fill(`Prüfung ${stamp}`);
    await typeForm.getByRole('textbox', { name: 'Name (English)' }).fill(`Audit E2E ${stamp}`);
    await typeForm.getByRole('textbox', { name: 'Description (English)' }).fill('A yearly review.');
    await typeForm.getByRole('checkbox', { name: 'Open to customers' }).uncheck();
    await typeForm.getByRole('checkbox', { name: 'Billed to Flex' }).check();
    await typeForm.getByRole('button', { name: 'Create the type' }).click();
    const code = typeForm.getByRole('textbox', { name: 'Code' });
    await expect(code).toHaveAttribute('aria-invalid', 'true');
    await scanDialog(page, typeForm, 'admin-content-request-type-editor');
    await code.fill(`audit_${stamp}`);
    await typeForm.getByRole('button', { name: 'Create the type' }).click();
    await expect(typeForm).toBeHidden();
    await expect(page.getByRole('rowheader', { name: `Audit E2E ${stamp}` })).toBeVisible();

    // ...then renamed and described.
    await page.getByRole('button', { name: `Edit “Audit E2E ${stamp}”` }).click();
    const rename = page.getByRole('dialog', { name: `Edit the type “audit_${stamp}”` });
    await expect(rename.getByRole('textbox', { name: 'Name (German)' })).toHaveValue(`Prüfung ${stamp}`);
    await rename.getByRole('textbox', { name: 'Name (English)' }).fill(`Yearly audit ${stamp}`);
    await rename.getByRole('textbox', { name: 'Description (French)' }).fill('Une revue annuelle.');
    await rename.getByRole('button', { name: 'Save the type' }).click();
    await expect(rename).toBeHidden();
    await expect(page.getByRole('rowheader', { name: `Yearly audit ${stamp}` })).toBeVisible();
    const types = await json<{
      items: {
        code: string;
        id: string;
        creatableByCustomers: boolean;
        billedToFlex: boolean;
        descriptions: Record<string, string>;
      }[];
    }>(await admin.context.get('/api/request-types?includeInactive=true'));
    const created = types.items.find((t) => t.code === `audit_${stamp}`);
    expect(created).toMatchObject({
      creatableByCustomers: false,
      billedToFlex: true,
      descriptions: { fr: 'Une revue annuelle.', de: '', en: 'A yearly review.' },
    });
    await json(await admin.send('PATCH', `/api/request-types/${created?.id}`, { active: false }));
  } finally {
    await admin.send('PUT', '/api/escalation-matrix', {
      levels: original.levels.map((l) => ({
        role: l.roles,
        contactName: l.contactName,
        email: l.email ?? '',
        phone: l.phone,
        whenToUse: l.whenToUseTexts,
      })),
    });
    await admin.send('DELETE', `/api/help-articles/${edited}`);
    await admin.dispose();
  }
});
