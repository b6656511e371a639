import { Button, Card, Group, Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { z } from 'zod';
import type { requestTypeListResponse } from '../../../../../src/http/schemas/catalogue';
import { criticalitySchema } from '../../../../../src/http/schemas/tickets';
import { apiGet } from '../../../api/client';
import { type Criticality, previewQualification, qualify, type Ticket } from '../../../api/tickets';
import { FormAlert } from '../../../components/FormAlert';
import { useAdminMutation } from '../../../components/useAdminMutation';
import { useStaffT } from '../i18n';

const criticalities: readonly Criticality[] = criticalitySchema.options;
const rank = (c: Criticality) => criticalities.indexOf(c);

/** R5: confirm the type, keep or change the criticality; lowering needs a reason and shows the customer's mail. */
export function QualifyModal({
  ticket,
  onClose,
  onDone,
}: {
  ticket: Ticket;
  onClose: () => void;
  onDone: () => void;
}) {
  const { st } = useStaffT();
  const [criticality, setCriticality] = useState<Criticality>(ticket.criticality);
  const [typeId, setTypeId] = useState<string | null>(ticket.requestType?.id ?? null);
  const [reason, setReason] = useState('');
  const [debouncedReason] = useDebouncedValue(reason, 400);
  const changed = criticality !== ticket.criticality;
  const lowering = rank(criticality) > rank(ticket.criticality);

  const types = useQuery({
    queryKey: ['request-types', ticket.company.id],
    queryFn: () =>
      apiGet<z.infer<typeof requestTypeListResponse>>(`/api/request-types?companyId=${ticket.company.id}`),
    enabled: ticket.desk === 'support',
  });
  const preview = useQuery({
    queryKey: ['qualification-preview', ticket.id, criticality, debouncedReason],
    queryFn: () => previewQualification(ticket.id, { criticality, reason: debouncedReason }),
    enabled: lowering,
  });
  const submit = useAdminMutation({
    mutationFn: () =>
      qualify(ticket.id, {
        ...(changed ? { criticality, reason: reason.trim() } : {}),
        ...(typeId && typeId !== ticket.requestType?.id ? { requestTypeId: typeId } : {}),
      }),
    onSuccess: () => {
      onDone();
      onClose();
    },
  });

  return (
    <Modal
      closeButtonProps={{ 'aria-label': st('common.close') }}
      opened
      onClose={onClose}
      title={st('qualify.title', { key: ticket.key })}
      size="lg"
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit.mutate();
        }}
      >
        <Stack>
          {ticket.desk === 'support' && (
            <Select
              label={st('qualify.type')}
              data={(types.data?.items ?? []).map((t) => ({ value: t.id, label: t.name }))}
              value={typeId}
              onChange={setTypeId}
              allowDeselect={false}
            />
          )}
          <Select
            label={st('qualify.criticality')}
            description={st('qualify.currently', { label: ticket.criticalityLabel })}
            data={criticalities.map((c) => ({ value: c, label: st(`labels:criticality.${c}`) }))}
            value={criticality}
            onChange={(v) => v && setCriticality(v as Criticality)}
            allowDeselect={false}
          />
          {changed && (
            <Textarea
              label={st('qualify.reason')}
              description={st(lowering ? 'qualify.reasonLowering' : 'qualify.reasonRaising')}
              required
              autosize
              minRows={3}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
            />
          )}
          {lowering && (
            <Card withBorder padding="sm" component="section" aria-labelledby="mail-preview-title">
              <Text fw={700} id="mail-preview-title">
                {st('qualify.previewTitle')}
              </Text>
              {preview.data?.recipient && (
                <Text size="sm">
                  {st('qualify.previewTo', {
                    name: preview.data.recipient.name,
                    email: preview.data.recipient.email,
                    language: preview.data.recipient.language.toUpperCase(),
                  })}
                </Text>
              )}
              {preview.data?.subject && (
                <Text size="sm" fw={600} mt="xs" data-testid="preview-subject">
                  {preview.data.subject}
                </Text>
              )}
              {preview.data?.text && (
                <Text size="sm" mt="xs" style={{ whiteSpace: 'pre-wrap' }} data-testid="preview-text">
                  {preview.data.text}
                </Text>
              )}
            </Card>
          )}
          <FormAlert message={submit.error?.message ?? null} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {st('common.cancel')}
            </Button>
            <Button type="submit" loading={submit.isPending} disabled={changed && !reason.trim()}>
              {st(lowering ? 'qualify.submitLowering' : 'qualify.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
