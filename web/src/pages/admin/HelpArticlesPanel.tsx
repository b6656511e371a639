import {
  Alert,
  Button,
  Card,
  Group,
  Loader,
  Modal,
  Stack,
  Table,
  Tabs,
  Text,
  Textarea,
  TextInput,
  Title,
  Typography,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import type { z } from 'zod';
import type { helpArticleListResponse, helpArticleSchema } from '../../../../src/http/schemas/content';
import { apiDelete, apiGet, apiPatch, apiPost } from '../../api/client';
import { notify } from '../../components/notify';
import { useStaffT } from '../staff/i18n';
import { type Lang, languages, useApiErrors } from './contentForms';

type Articles = z.infer<typeof helpArticleListResponse>;
type Article = z.infer<typeof helpArticleSchema>;
type Texts = { title: string; summary: string; body: string };
type AllTexts = Record<Lang, Texts>;

const emptyTexts = (): AllTexts => ({
  fr: { title: '', summary: '', body: '' },
  de: { title: '', summary: '', body: '' },
  en: { title: '', summary: '', body: '' },
});
const filled = (t: Texts) => Boolean(t.title.trim() || t.body.trim() || t.summary.trim());
const articleFields = (withSlug: boolean) => [
  ...(withSlug ? ['slug'] : []),
  ...languages.flatMap((l) => ['title', 'summary', 'body'].map((f) => `translations.${l}.${f}`)),
];

/** Every translation of an article, asked for one language at a time. */
async function fetchAllTexts(slug: string): Promise<{ texts: AllTexts; present: Lang[] }> {
  const texts = emptyTexts();
  const present: Lang[] = [];
  for (const language of languages) {
    const article = await apiGet<Article>(
      `/api/help-articles/${encodeURIComponent(slug)}?language=${language}`,
    );
    // A missing translation comes back in a fallback language: that tab stays empty.
    if (article.language !== language) continue;
    texts[language] = { title: article.title, summary: article.summary, body: article.body };
    present.push(language);
  }
  return { texts, present };
}

/** The texts of an article in the three languages (one tab each), with a preview of the open one. */
function ArticleTexts({
  texts,
  onChange,
  errors,
  language,
  onLanguage,
}: {
  texts: AllTexts;
  onChange: (texts: AllTexts) => void;
  errors: Record<string, string>;
  language: Lang;
  onLanguage: (l: Lang) => void;
}) {
  const { st } = useStaffT();
  const id = useId();
  return (
    <Tabs value={language} onChange={(v) => v && onLanguage(v as Lang)} keepMounted={false}>
      <Tabs.List>
        {languages.map((l) => (
          <Tabs.Tab
            key={l}
            value={l}
            color={
              ['title', 'summary', 'body'].some((f) => errors[`translations.${l}.${f}`]) ? 'red' : undefined
            }
          >
            {st(`admin.content.lang.${l}`)}
          </Tabs.Tab>
        ))}
      </Tabs.List>
      {languages.map((l) => {
        const current = texts[l];
        const set = (patch: Partial<Texts>) => onChange({ ...texts, [l]: { ...current, ...patch } });
        return (
          <Tabs.Panel key={l} value={l} pt="xs">
            <Stack gap="xs">
              <TextInput
                label={st('admin.content.articleTitle')}
                value={current.title}
                onChange={(e) => set({ title: e.currentTarget.value })}
                error={errors[`translations.${l}.title`]}
              />
              <TextInput
                label={st('admin.content.summary')}
                value={current.summary}
                onChange={(e) => set({ summary: e.currentTarget.value })}
                error={errors[`translations.${l}.summary`]}
              />
              <Textarea
                label={st('admin.content.body')}
                autosize
                minRows={5}
                maxRows={15}
                value={current.body}
                onChange={(e) => set({ body: e.currentTarget.value })}
                error={errors[`translations.${l}.body`]}
              />
              <Card withBorder padding="sm" component="section" aria-labelledby={`${id}-${l}-preview`}>
                <Text fw={700} id={`${id}-${l}-preview`}>
                  {st('admin.content.preview')}
                </Text>
                <Typography>
                  <h4>{current.title || '—'}</h4>
                  <p>
                    <em>{current.summary}</em>
                  </p>
                  <div style={{ whiteSpace: 'pre-wrap' }}>{current.body}</div>
                </Typography>
              </Card>
            </Stack>
          </Tabs.Panel>
        );
      })}
    </Tabs>
  );
}

/** The first language whose fields the API refused, to open its tab. */
const firstRefused = (placed: Record<string, string>): Lang | undefined =>
  languages.find((l) => Object.keys(placed).some((p) => p.startsWith(`translations.${l}.`)));

export function HelpArticlesPanel() {
  const { st } = useStaffT();
  const client = useQueryClient();
  const articles = useQuery({
    queryKey: ['admin-help'],
    queryFn: () => apiGet<Articles>('/api/help-articles'),
  });
  const [slug, setSlug] = useState('');
  const [lang, setLang] = useState<Lang>('fr');
  const [texts, setTexts] = useState<AllTexts>(emptyTexts);
  const [editing, setEditing] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<{ slug: string; title: string } | null>(null);
  const errors = useApiErrors();
  const create = useMutation({
    mutationFn: () =>
      apiPost<unknown>('/api/help-articles', {
        slug: slug.trim(),
        translations: Object.fromEntries(languages.filter((l) => filled(texts[l])).map((l) => [l, texts[l]])),
      }),
    onMutate: () => errors.reset(),
    onSuccess: () => {
      setSlug('');
      setTexts(emptyTexts());
      notify({
        color: 'green',
        message: st('admin.content.articleSaved'),
        closeButtonProps: { 'aria-label': st('common.close') },
      });
      void client.invalidateQueries({ queryKey: ['admin-help'] });
    },
    onError: (e) => {
      const refused = firstRefused(errors.apply(e, articleFields(true)));
      if (refused) setLang(refused);
    },
  });
  const remove = useMutation({
    mutationFn: (target: string) => apiDelete<unknown>(`/api/help-articles/${encodeURIComponent(target)}`),
    onSuccess: () => {
      setDeleting(null);
      notify({
        color: 'green',
        message: st('admin.content.articleDeleted'),
        closeButtonProps: { 'aria-label': st('common.close') },
      });
      void client.invalidateQueries({ queryKey: ['admin-help'] });
    },
  });
  return (
    <Card withBorder component="section" aria-labelledby="help-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="help-title">
          {st('admin.content.articles')}
        </Title>
        <Table.ScrollContainer minWidth={600}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{st('admin.content.articleTitle')}</Table.Th>
                <Table.Th>{st('admin.content.slug')}</Table.Th>
                <Table.Th>{st('admin.content.languages')}</Table.Th>
                <Table.Th>{st('admin.content.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(articles.data?.items ?? []).map((a) => (
                <Table.Tr key={a.slug}>
                  <Table.Th scope="row" fw={400}>
                    {a.title}
                  </Table.Th>
                  <Table.Td>{a.slug}</Table.Td>
                  <Table.Td>{a.languages.join(', ').toUpperCase()}</Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Button
                        size="xs"
                        variant="light"
                        aria-label={st('admin.content.editNamed', { name: a.slug })}
                        onClick={() => setEditing(a.slug)}
                      >
                        {st('admin.content.edit')}
                      </Button>
                      <Button
                        size="xs"
                        variant="light"
                        color="red"
                        aria-label={st('admin.content.deleteNamed', { name: a.slug })}
                        onClick={() => {
                          remove.reset();
                          setDeleting({ slug: a.slug, title: a.title });
                        }}
                      >
                        {st('admin.content.delete')}
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            create.mutate();
          }}
        >
          <Stack gap="xs">
            <Title order={3} size="h4">
              {st('admin.content.newArticle')}
            </Title>
            <TextInput
              label={st('admin.content.slug')}
              value={slug}
              onChange={(e) => setSlug(e.currentTarget.value)}
              error={errors.errors.slug}
              required
            />
            <ArticleTexts
              texts={texts}
              onChange={setTexts}
              errors={errors.errors}
              language={lang}
              onLanguage={setLang}
            />
            {errors.banner && (
              <Alert color="red" role="alert">
                {errors.banner}
              </Alert>
            )}
            <Group>
              <Button type="submit" loading={create.isPending} disabled={!slug.trim()}>
                {st('admin.content.createArticle')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Stack>
      {editing && <EditArticleModal slug={editing} onClose={() => setEditing(null)} />}
      <Modal
        opened={deleting !== null}
        closeButtonProps={{ 'aria-label': st('common.close') }}
        onClose={() => setDeleting(null)}
        title={st('admin.content.deleteArticle')}
      >
        <Stack gap="sm">
          <Text>
            {st('admin.content.deleteConfirm', { title: deleting?.title ?? '', slug: deleting?.slug ?? '' })}
          </Text>
          {remove.error && (
            <Alert color="red" role="alert">
              {remove.error.message}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setDeleting(null)}>
              {st('admin.content.cancel')}
            </Button>
            <Button
              color="red"
              loading={remove.isPending}
              onClick={() => deleting && remove.mutate(deleting.slug)}
            >
              {st('admin.content.deleteArticle')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Card>
  );
}

function EditArticleModal({ slug, onClose }: { slug: string; onClose: () => void }) {
  const { st } = useStaffT();
  const client = useQueryClient();
  const loaded = useQuery({
    queryKey: ['admin-help-article', slug],
    queryFn: () => fetchAllTexts(slug),
    staleTime: 0,
    gcTime: 0,
  });
  const [texts, setTexts] = useState<AllTexts | null>(null);
  const [lang, setLang] = useState<Lang>('fr');
  const errors = useApiErrors();
  const current = texts ?? loaded.data?.texts ?? null;
  const save = useMutation({
    mutationFn: () => {
      const all = current ?? emptyTexts();
      const present = loaded.data?.present ?? [];
      const translations: Record<string, Texts | null> = {};
      for (const l of languages) {
        if (filled(all[l])) translations[l] = all[l];
        else if (present.includes(l)) translations[l] = null;
      }
      return apiPatch<Article>(`/api/help-articles/${encodeURIComponent(slug)}`, { translations });
    },
    onMutate: () => errors.reset(),
    onSuccess: () => {
      notify({
        color: 'green',
        message: st('admin.content.articleSaved'),
        closeButtonProps: { 'aria-label': st('common.close') },
      });
      void client.invalidateQueries({ queryKey: ['admin-help'] });
      onClose();
    },
    onError: (e) => {
      const refused = firstRefused(errors.apply(e, articleFields(false)));
      if (refused) setLang(refused);
    },
  });
  return (
    <Modal
      opened
      onClose={onClose}
      closeButtonProps={{ 'aria-label': st('common.close') }}
      size="xl"
      title={st('admin.content.editArticle', { slug })}
    >
      {loaded.isPending && (
        <Group gap="xs">
          <Loader size="sm" aria-hidden />
          <Text>{st('admin.content.loading')}</Text>
        </Group>
      )}
      {loaded.error && (
        <Alert color="red" role="alert">
          {loaded.error.message}
        </Alert>
      )}
      {current && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate();
          }}
        >
          <Stack gap="xs">
            <Text size="sm">{st('admin.content.emptyRemoves')}</Text>
            <ArticleTexts
              texts={current}
              onChange={setTexts}
              errors={errors.errors}
              language={lang}
              onLanguage={setLang}
            />
            {errors.banner && (
              <Alert color="red" role="alert">
                {errors.banner}
              </Alert>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                {st('admin.content.cancel')}
              </Button>
              <Button type="submit" loading={save.isPending}>
                {st('admin.content.saveArticle')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
