import { Button, Card, Group, NumberInput, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { z } from 'zod';
import type { slaOverrideResponse } from '../../../../src/http/schemas/sla';
import { criticalitySchema } from '../../../../src/http/schemas/tickets';
import { apiDelete, apiGet, apiPut } from '../../api/client';
import { useAdminMutation } from '../../components/useAdminMutation';
import { formatMinutes } from '../staff/format';
import { useStaffT } from '../staff/i18n';

type Override = z.infer<typeof slaOverrideResponse>;
const criticalities = criticalitySchema.options;
type Field = 'engagementMinutes' | 'resolutionMinutes';
type Draft = Record<string, Partial<Record<Field, number | string>>>;

/** A maintenance contract's own SLA targets (R7): empty fields keep the general target. */
export function ContractSlaOverride({ contractId, reference }: { contractId: string; reference: string }) {
  const { st } = useStaffT();
  const key = ['admin-sla-override', contractId];
  const query = useQuery({
    queryKey: key,
    queryFn: () => apiGet<Override>(`/api/admin/contracts/${contractId}/sla-override`),
  });
  const [draft, setDraft] = useState<Draft>({});
  useEffect(() => {
    if (!query.data) return;
    const next: Draft = {};
    for (const c of criticalities) {
      const o = query.data.override[c];
      next[c] = {
        engagementMinutes: o?.engagementMinutes ? o.engagementMinutes / 60 : '',
        resolutionMinutes: o?.resolutionMinutes ? o.resolutionMinutes / 60 : '',
      };
    }
    setDraft(next);
  }, [query.data]);
  const done = { success: st('admin.override.saved'), invalidate: [key], notifyError: true };
  const save = useAdminMutation({
    mutationFn: () => {
      const targets: Record<string, Partial<Record<Field, number>>> = {};
      for (const c of criticalities) {
        const entry: Partial<Record<Field, number>> = {};
        for (const f of ['engagementMinutes', 'resolutionMinutes'] as const) {
          const v = draft[c]?.[f];
          if (v !== '' && v !== undefined && Number(v) > 0) entry[f] = Math.round(Number(v) * 60);
        }
        if (Object.keys(entry).length) targets[c] = entry;
      }
      return apiPut<Override>(`/api/admin/contracts/${contractId}/sla-override`, { targets });
    },
    ...done,
  });
  const remove = useAdminMutation({
    mutationFn: () => apiDelete<unknown>(`/api/admin/contracts/${contractId}/sla-override`),
    ...done,
  });
  if (!query.data) return null;
  const effective = query.data.effective;

  return (
    <Card withBorder component="section" aria-labelledby={`override-${contractId}`}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <Stack gap="xs">
          <Title order={3} size="h4" id={`override-${contractId}`}>
            {st('admin.override.title', { reference })}
          </Title>
          <Text size="sm">{st('admin.override.hint')}</Text>
          <Table.ScrollContainer minWidth={0} type="native">
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{st('dashboard.criticality')}</Table.Th>
                  <Table.Th>{st('admin.sla.engagement')}</Table.Th>
                  <Table.Th>{st('admin.sla.resolution')}</Table.Th>
                  <Table.Th>{st('admin.override.inForce')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {criticalities.map((c) => (
                  <Table.Tr key={c}>
                    <Table.Th scope="row">{st(`labels:criticality.${c}`)}</Table.Th>
                    {(['engagementMinutes', 'resolutionMinutes'] as const).map((f) => (
                      <Table.Td key={f}>
                        <NumberInput
                          aria-label={st(
                            f === 'engagementMinutes' ? 'admin.sla.engagementOf' : 'admin.sla.resolutionOf',
                            {
                              criticality: st(`labels:criticality.${c}`),
                            },
                          )}
                          min={0.25}
                          decimalScale={2}
                          value={draft[c]?.[f] ?? ''}
                          onChange={(v) => setDraft({ ...draft, [c]: { ...draft[c], [f]: v } })}
                        />
                      </Table.Td>
                    ))}
                    <Table.Td>
                      {formatMinutes(effective[c].engagementMinutes)} /{' '}
                      {formatMinutes(effective[c].resolutionMinutes)}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Group>
            <Button type="submit" variant="default" loading={save.isPending}>
              {st('admin.override.save')}
            </Button>
            <Button
              variant="outline"
              color="red.9"
              onClick={() => remove.mutate()}
              loading={remove.isPending}
            >
              {st('admin.override.remove')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
