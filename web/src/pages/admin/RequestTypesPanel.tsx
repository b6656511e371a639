import {
  Alert,
  Button,
  Card,
  Checkbox,
  Group,
  Modal,
  Stack,
  Switch,
  Table,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { z } from 'zod';
import type { requestTypeListResponse } from '../../../../src/http/schemas/catalogue';
import { apiGet, apiPatch, apiPost } from '../../api/client';
import { useAdminMutation } from '../../components/useAdminMutation';
import { useStaffT } from '../staff/i18n';
import { emptyLocalized, type Localized, languages, useApiErrors } from './content-forms';

type RequestTypes = z.infer<typeof requestTypeListResponse>;
type RequestType = RequestTypes['items'][number];

const flags = ['active', 'creatableByCustomers', 'countsTowardSla', 'requiresFlex', 'billedToFlex'] as const;
/** The flags chosen when creating a type (a new type is active). */
const creationFlags = ['creatableByCustomers', 'countsTowardSla', 'requiresFlex', 'billedToFlex'] as const;
type CreationFlag = (typeof creationFlags)[number];

const requestTypesKey = ['admin-request-types'];

export function RequestTypesPanel() {
  const { st } = useStaffT();
  const types = useQuery({
    queryKey: requestTypesKey,
    queryFn: () => apiGet<RequestTypes>('/api/request-types?includeInactive=true'),
  });
  const update = useAdminMutation({
    mutationFn: ({ id, patch }: { id: string; patch: Record<string, boolean> }) =>
      apiPatch<unknown>(`/api/request-types/${id}`, patch),
    invalidate: [requestTypesKey],
    notifyError: true,
  });
  const [editor, setEditor] = useState<{ type: RequestType | null } | null>(null);
  return (
    <Card withBorder component="section" aria-labelledby="types-title">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h3" id="types-title">
            {st('admin.content.requestTypes')}
          </Title>
          <Button onClick={() => setEditor({ type: null })}>{st('admin.content.newType')}</Button>
        </Group>
        <Table.ScrollContainer minWidth={800}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{st('admin.content.typeName')}</Table.Th>
                {flags.map((f) => (
                  <Table.Th key={f}>{st(`admin.content.flags.${f}`)}</Table.Th>
                ))}
                <Table.Th>{st('admin.content.actions')}</Table.Th>
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
                  <Table.Td>
                    <Button
                      size="xs"
                      variant="light"
                      aria-label={st('admin.content.editNamed', { name: type.name })}
                      onClick={() => setEditor({ type })}
                    >
                      {st('admin.content.edit')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Stack>
      {editor && <RequestTypeModal type={editor.type} onClose={() => setEditor(null)} />}
    </Card>
  );
}

const knownFields = [
  'code',
  ...languages.flatMap((l) => [`names.${l}`, `descriptions.${l}`]),
  ...creationFlags,
];

/** Creates a request type (`type` null) or renames and describes an existing one. */
function RequestTypeModal({ type, onClose }: { type: RequestType | null; onClose: () => void }) {
  const { st } = useStaffT();
  const [code, setCode] = useState('');
  const [names, setNames] = useState<Localized>(type ? { ...type.names } : emptyLocalized());
  const [descriptions, setDescriptions] = useState<Localized>(
    type ? { ...type.descriptions } : emptyLocalized(),
  );
  const [flagValues, setFlagValues] = useState<Record<CreationFlag, boolean>>({
    creatableByCustomers: true,
    countsTowardSla: true,
    requiresFlex: false,
    billedToFlex: false,
  });
  const errors = useApiErrors();
  const save = useAdminMutation({
    mutationFn: () =>
      type
        ? apiPatch<unknown>(`/api/request-types/${type.id}`, { names, descriptions })
        : apiPost<unknown>('/api/request-types', { code: code.trim(), names, descriptions, ...flagValues }),
    onMutate: () => errors.reset(),
    onSuccess: onClose,
    success: st('admin.content.typeSaved'),
    invalidate: [requestTypesKey],
    onError: (e) => errors.apply(e, knownFields),
  });
  return (
    <Modal
      opened
      closeButtonProps={{ 'aria-label': st('common.close') }}
      onClose={onClose}
      size="lg"
      title={type ? st('admin.content.editType', { code: type.code }) : st('admin.content.newType')}
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <Stack gap="xs">
          {!type && (
            <TextInput
              label={st('admin.content.code')}
              description={st('admin.content.codeHelp')}
              value={code}
              onChange={(e) => setCode(e.currentTarget.value)}
              error={errors.errors.code}
              required
              data-autofocus
            />
          )}
          {languages.map((l) => (
            <Stack key={l} gap={4}>
              <TextInput
                label={st('admin.content.nameIn', { language: st(`admin.content.lang.${l}`) })}
                value={names[l]}
                onChange={(e) => setNames({ ...names, [l]: e.currentTarget.value })}
                error={errors.errors[`names.${l}`]}
                required
              />
              <Textarea
                label={st('admin.content.descriptionIn', { language: st(`admin.content.lang.${l}`) })}
                autosize
                minRows={2}
                value={descriptions[l]}
                onChange={(e) => setDescriptions({ ...descriptions, [l]: e.currentTarget.value })}
                error={errors.errors[`descriptions.${l}`]}
              />
            </Stack>
          ))}
          {!type &&
            creationFlags.map((f) => (
              <Checkbox
                key={f}
                label={st(`admin.content.flags.${f}`)}
                checked={flagValues[f]}
                onChange={(e) => setFlagValues({ ...flagValues, [f]: e.currentTarget.checked })}
                error={errors.errors[f]}
              />
            ))}
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
              {type ? st('admin.content.saveType') : st('admin.content.createType')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
