import {
  Alert,
  Button,
  Card,
  Fieldset,
  Group,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { z } from 'zod';
import type { escalationMatrixResponse } from '../../../../src/http/schemas/content';
import { apiGet, apiPut } from '../../api/client';
import { useAdminMutation } from '../../components/useAdminMutation';
import { useStaffT } from '../staff/i18n';
import { usePageTitle } from '../usePageTitle';
import { languages, useApiErrors } from './content-forms';
import { HelpArticlesPanel } from './HelpArticlesPanel';
import { RequestTypesPanel } from './RequestTypesPanel';

type Matrix = z.infer<typeof escalationMatrixResponse>;
type Level = Matrix['levels'][number];

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

function EscalationPanel() {
  const { st } = useStaffT();
  const client = useQueryClient();
  const matrix = useQuery({
    queryKey: ['admin-escalation'],
    queryFn: () => apiGet<Matrix>('/api/escalation-matrix'),
  });
  const [levels, setLevels] = useState<Level[]>([]);
  useEffect(() => {
    if (matrix.data) setLevels(matrix.data.levels);
  }, [matrix.data]);
  const errors = useApiErrors();
  const knownFields = levels.flatMap((_, i) => [
    `levels.${i}.contactName`,
    `levels.${i}.email`,
    `levels.${i}.phone`,
    ...languages.flatMap((l) => [`levels.${i}.role.${l}`, `levels.${i}.whenToUse.${l}`]),
  ]);
  const save = useAdminMutation({
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
    onMutate: () => errors.reset(),
    onSuccess: (saved) => client.setQueryData(['admin-escalation'], saved),
    success: st('admin.content.matrixSaved'),
    onError: (e) => errors.apply(e, knownFields),
  });
  const set = (i: number, patch: Partial<Level>) =>
    setLevels(levels.map((l, j) => (j === i ? { ...l, ...patch } : l)));
  const err = (i: number, field: string) => errors.errors[`levels.${i}.${field}`];
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
            <Fieldset
              key={level.level}
              legend={st('admin.content.level', { level: level.level, role: level.role })}
            >
              <Stack gap="xs">
                <Group align="flex-start" gap="xs" wrap="wrap" grow>
                  <TextInput
                    label={st('admin.content.contact')}
                    value={level.contactName}
                    onChange={(e) => set(i, { contactName: e.currentTarget.value })}
                    error={err(i, 'contactName')}
                    required
                  />
                  <TextInput
                    label={st('admin.content.email')}
                    type="email"
                    value={level.email ?? ''}
                    onChange={(e) => set(i, { email: e.currentTarget.value })}
                    error={err(i, 'email')}
                  />
                  <TextInput
                    label={st('admin.content.phone')}
                    value={level.phone ?? ''}
                    onChange={(e) => set(i, { phone: e.currentTarget.value })}
                    error={err(i, 'phone')}
                  />
                </Group>
                <SimpleGrid cols={{ base: 1, md: 3 }} spacing="xs">
                  {languages.map((l) => {
                    const language = st(`admin.content.lang.${l}`);
                    return (
                      <Stack key={l} gap={4}>
                        <TextInput
                          label={st('admin.content.roleIn', { language })}
                          value={level.roles[l]}
                          onChange={(e) => set(i, { roles: { ...level.roles, [l]: e.currentTarget.value } })}
                          error={err(i, `role.${l}`)}
                          required
                        />
                        <Textarea
                          label={st('admin.content.whenToUseIn', { language })}
                          autosize
                          minRows={2}
                          value={level.whenToUseTexts[l]}
                          onChange={(e) =>
                            set(i, {
                              whenToUseTexts: { ...level.whenToUseTexts, [l]: e.currentTarget.value },
                            })
                          }
                          error={err(i, `whenToUse.${l}`)}
                          required
                        />
                      </Stack>
                    );
                  })}
                </SimpleGrid>
              </Stack>
            </Fieldset>
          ))}
          {errors.banner && (
            <Alert color="red" role="alert">
              {errors.banner}
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
