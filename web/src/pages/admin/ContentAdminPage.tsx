import {
  Alert,
  Button,
  Card,
  Group,
  Stack,
  Switch,
  Table,
  Tabs,
  Text,
  Textarea,
  TextInput,
  Title,
  Typography,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { z } from 'zod';
import type { requestTypeListResponse } from '../../../../src/http/schemas/catalogue';
import type { escalationMatrixResponse, helpArticleListResponse } from '../../../../src/http/schemas/content';
import { apiGet, apiPatch, apiPost, apiPut } from '../../api/client';
import { notify } from '../../components/notify';
import { useStaffT } from '../staff/i18n';
import { usePageTitle } from '../usePageTitle';

type RequestTypes = z.infer<typeof requestTypeListResponse>;
type Matrix = z.infer<typeof escalationMatrixResponse>;
type Articles = z.infer<typeof helpArticleListResponse>;
const languages = ['fr', 'de', 'en'] as const;
type Lang = (typeof languages)[number];

/** Request types, the escalation matrix and help articles. */
export default function ContentAdminPage() {
  const { st } = useStaffT();
  usePageTitle(st('admin.content.title'));
  return (
    <Stack gap="md">
      <RequestTypesPanel />
      <EscalationPanel />
      <HelpArticlesPanel />
    </Stack>
  );
}

function RequestTypesPanel() {
  const { st } = useStaffT();
  const client = useQueryClient();
  const types = useQuery({
    queryKey: ['admin-request-types'],
    queryFn: () => apiGet<RequestTypes>('/api/request-types?includeInactive=true'),
  });
  const update = useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: Record<string, boolean> }) =>
      apiPatch<unknown>(`/api/request-types/${id}`, patch),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['admin-request-types'] }),
    onError: (e) => notify({ color: 'red', message: e.message }),
  });
  const flags = [
    'active',
    'creatableByCustomers',
    'countsTowardSla',
    'requiresFlex',
    'billedToFlex',
  ] as const;
  return (
    <Card withBorder component="section" aria-labelledby="types-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="types-title">
          {st('admin.content.requestTypes')}
        </Title>
        <Table.ScrollContainer minWidth={700}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{st('admin.content.typeName')}</Table.Th>
                {flags.map((f) => (
                  <Table.Th key={f}>{st(`admin.content.flags.${f}`)}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(types.data?.items ?? []).map((type) => (
                <Table.Tr key={type.id}>
                  <Table.Th scope="row">{type.name}</Table.Th>
                  {flags.map((f) => (
                    <Table.Td key={f}>
                      <Switch
                        aria-label={`${st(`admin.content.flags.${f}`)} : ${type.name}`}
                        checked={type[f]}
                        onChange={(e) =>
                          update.mutate({ id: type.id, patch: { [f]: e.currentTarget.checked } })
                        }
                      />
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Stack>
    </Card>
  );
}

function EscalationPanel() {
  const { st } = useStaffT();
  const matrix = useQuery({
    queryKey: ['admin-escalation'],
    queryFn: () => apiGet<Matrix>('/api/escalation-matrix'),
  });
  const [levels, setLevels] = useState<Matrix['levels']>([]);
  useEffect(() => {
    if (matrix.data) setLevels(matrix.data.levels);
  }, [matrix.data]);
  const save = useMutation({
    mutationFn: () =>
      apiPut<Matrix>('/api/escalation-matrix', {
        levels: levels.map((l) => ({
          role: l.roles,
          contactName: l.contactName,
          email: l.email ?? '',
          phone: l.phone,
          whenToUse: l.whenToUseTexts,
        })),
      }),
    onSuccess: () => notify({ color: 'green', message: st('admin.content.matrixSaved') }),
  });
  const set = (i: number, patch: Partial<Matrix['levels'][number]>) =>
    setLevels(levels.map((l, j) => (j === i ? { ...l, ...patch } : l)));
  return (
    <Card withBorder component="section" aria-labelledby="matrix-title">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <Stack gap="sm">
          <Title order={2} size="h3" id="matrix-title">
            {st('admin.content.matrix')}
          </Title>
          {levels.map((level, i) => (
            <Group key={level.level} align="flex-end" gap="xs" wrap="wrap">
              <Text fw={700} w={160}>
                {st('admin.content.level', { level: level.level, role: level.role })}
              </Text>
              <TextInput
                label={st('admin.content.contact')}
                value={level.contactName}
                onChange={(e) => set(i, { contactName: e.currentTarget.value })}
                required
              />
              <TextInput
                label={st('admin.content.email')}
                value={level.email ?? ''}
                onChange={(e) => set(i, { email: e.currentTarget.value })}
              />
              <TextInput
                label={st('admin.content.phone')}
                value={level.phone ?? ''}
                onChange={(e) => set(i, { phone: e.currentTarget.value })}
              />
            </Group>
          ))}
          {save.error && (
            <Alert color="red" role="alert">
              {save.error.message}
            </Alert>
          )}
          <Group>
            <Button type="submit" loading={save.isPending} disabled={levels.length === 0}>
              {st('admin.content.saveMatrix')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

function HelpArticlesPanel() {
  const { st } = useStaffT();
  const client = useQueryClient();
  const articles = useQuery({
    queryKey: ['admin-help'],
    queryFn: () => apiGet<Articles>('/api/help-articles'),
  });
  const [slug, setSlug] = useState('');
  const [lang, setLang] = useState<Lang>('fr');
  const empty = { title: '', summary: '', body: '' };
  const [texts, setTexts] = useState<Record<Lang, typeof empty>>({ fr: empty, de: empty, en: empty });
  const create = useMutation({
    mutationFn: () =>
      apiPost<unknown>('/api/help-articles', {
        slug: slug.trim(),
        translations: Object.fromEntries(
          languages.filter((l) => texts[l].title.trim()).map((l) => [l, texts[l]]),
        ),
      }),
    onSuccess: () => {
      setSlug('');
      setTexts({ fr: empty, de: empty, en: empty });
      notify({ color: 'green', message: st('admin.content.articleSaved') });
      void client.invalidateQueries({ queryKey: ['admin-help'] });
    },
  });
  const current = texts[lang];
  const setCurrent = (patch: Partial<typeof empty>) =>
    setTexts({ ...texts, [lang]: { ...current, ...patch } });
  return (
    <Card withBorder component="section" aria-labelledby="help-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="help-title">
          {st('admin.content.articles')}
        </Title>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{st('admin.content.articleTitle')}</Table.Th>
              <Table.Th>{st('admin.content.slug')}</Table.Th>
              <Table.Th>{st('admin.content.languages')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(articles.data?.items ?? []).map((a) => (
              <Table.Tr key={a.slug}>
                <Table.Td>{a.title}</Table.Td>
                <Table.Td>{a.slug}</Table.Td>
                <Table.Td>{a.languages.join(', ').toUpperCase()}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
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
              required
            />
            <Tabs value={lang} onChange={(v) => v && setLang(v as Lang)}>
              <Tabs.List>
                {languages.map((l) => (
                  <Tabs.Tab key={l} value={l}>
                    {st(`admin.content.lang.${l}`)}
                  </Tabs.Tab>
                ))}
              </Tabs.List>
            </Tabs>
            <TextInput
              label={st('admin.content.articleTitle')}
              value={current.title}
              onChange={(e) => setCurrent({ title: e.currentTarget.value })}
            />
            <TextInput
              label={st('admin.content.summary')}
              value={current.summary}
              onChange={(e) => setCurrent({ summary: e.currentTarget.value })}
            />
            <Textarea
              label={st('admin.content.body')}
              autosize
              minRows={5}
              value={current.body}
              onChange={(e) => setCurrent({ body: e.currentTarget.value })}
            />
            <Card withBorder padding="sm" component="section" aria-labelledby="article-preview">
              <Text fw={700} id="article-preview">
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
            {create.error && (
              <Alert color="red" role="alert">
                {create.error.message}
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
    </Card>
  );
}
