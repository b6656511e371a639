import { Alert, Button, Card, Group, Modal, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { apiDelete, apiGet, apiPost } from '../../api/client';
import { useAdminMutation } from '../../components/useAdminMutation';
import { useStaffT } from '../staff/i18n';
import { type Lang, languages, useApiErrors } from './content-forms';
import { ArticleTexts } from './help-articles/ArticleTexts';
import { EditArticleModal, helpArticlesKey } from './help-articles/EditArticleModal';
import {
  type AllTexts,
  type Articles,
  articleFields,
  emptyTexts,
  filled,
  firstRefused,
} from './help-articles/texts';

export function HelpArticlesPanel() {
  const { st } = useStaffT();
  const articles = useQuery({
    queryKey: helpArticlesKey,
    queryFn: () => apiGet<Articles>('/api/help-articles'),
  });
  const [slug, setSlug] = useState('');
  const [lang, setLang] = useState<Lang>('fr');
  const [texts, setTexts] = useState<AllTexts>(emptyTexts);
  const [editing, setEditing] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<{ slug: string; title: string } | null>(null);
  const errors = useApiErrors();
  const create = useAdminMutation({
    mutationFn: () =>
      apiPost<unknown>('/api/help-articles', {
        slug: slug.trim(),
        translations: Object.fromEntries(languages.filter((l) => filled(texts[l])).map((l) => [l, texts[l]])),
      }),
    onMutate: () => errors.reset(),
    onSuccess: () => {
      setSlug('');
      setTexts(emptyTexts());
    },
    success: st('admin.content.articleSaved'),
    invalidate: [helpArticlesKey],
    onError: (e) => {
      const refused = firstRefused(errors.apply(e, articleFields(true)));
      if (refused) setLang(refused);
    },
  });
  const remove = useAdminMutation({
    mutationFn: (target: string) => apiDelete<unknown>(`/api/help-articles/${encodeURIComponent(target)}`),
    onSuccess: () => setDeleting(null),
    success: st('admin.content.articleDeleted'),
    invalidate: [helpArticlesKey],
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
