import { Badge, Button, Group, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import {
  type CannedAnswer,
  cannedAnswersKey,
  deleteCannedAnswer,
  fetchCannedAnswers,
} from '../../../api/canned-answers';
import { FormAlert } from '../../../components/FormAlert';
import { PageLoader } from '../../../components/guards';
import { useAdminMutation } from '../../../components/useAdminMutation';
import { useStaffT } from '../i18n';
import { CannedAnswerForm } from './CannedAnswerForm';

/**
 * The canned answers of one kind: shared (kept by admins) or the caller's personal ones. Creating
 * and changing happen in a dialog; deleting asks first.
 */
export function CannedAnswersManager({ shared, headingLevel }: { shared: boolean; headingLevel: 1 | 2 }) {
  const { st } = useStaffT();
  const answers = useQuery({ queryKey: cannedAnswersKey, queryFn: fetchCannedAnswers });
  const [editing, setEditing] = useState<CannedAnswer | 'new' | null>(null);
  const [deleting, setDeleting] = useState<CannedAnswer | null>(null);
  const remove = useAdminMutation({
    mutationFn: (id: string) => deleteCannedAnswer(id),
    onSuccess: () => setDeleting(null),
    success: st('cannedAnswers.deleted'),
    invalidate: [cannedAnswersKey],
  });
  const items = (answers.data?.items ?? []).filter((a) => a.shared === shared);

  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap">
        <Title order={headingLevel}>
          {st(shared ? 'cannedAnswers.sharedTitle' : 'cannedAnswers.personalTitle')}
        </Title>
        <Button onClick={() => setEditing('new')}>{st('cannedAnswers.new')}</Button>
      </Group>
      <Text>{st(shared ? 'cannedAnswers.sharedIntro' : 'cannedAnswers.personalIntro')}</Text>
      {answers.isPending ? (
        <PageLoader />
      ) : items.length === 0 ? (
        <Text c="dimmed">{st('cannedAnswers.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={0} type="native">
          <Table striped data-testid="canned-answers">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{st('cannedAnswers.columnTitle')}</Table.Th>
                <Table.Th>{st('cannedAnswers.columnStatus')}</Table.Th>
                <Table.Th>{st('cannedAnswers.columnActions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((answer) => (
                <Table.Tr key={answer.id}>
                  <Table.Td>
                    <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
                      {answer.title}
                    </Text>
                    <Text size="sm" c="dimmed" lineClamp={1}>
                      {answer.texts.fr}
                    </Text>
                    {answer.unknownVariables.length > 0 && (
                      <Badge color="#8a4b00" autoContrast={false} c="white" radius="sm">
                        {st('cannedAnswers.unknown', {
                          list: answer.unknownVariables.map((v) => `{{${v}}}`).join(', '),
                          interpolation: { escapeValue: false },
                        })}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {answer.statusAfter
                      ? st(`labels:status.${answer.statusAfter}`)
                      : st('cannedAnswers.statusUnchanged')}
                  </Table.Td>
                  <Table.Td>
                    {answer.canEdit && (
                      <Group gap="xs" wrap="nowrap">
                        <Button
                          size="compact-sm"
                          variant="default"
                          onClick={() => setEditing(answer)}
                          aria-label={`${st('cannedAnswers.edit')} ${answer.title}`}
                        >
                          {st('cannedAnswers.edit')}
                        </Button>
                        <Button
                          size="compact-sm"
                          variant="outline"
                          color="red.9"
                          onClick={() => setDeleting(answer)}
                          aria-label={`${st('cannedAnswers.delete')} ${answer.title}`}
                        >
                          {st('cannedAnswers.delete')}
                        </Button>
                      </Group>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {editing && (
        <CannedAnswerForm
          key={editing === 'new' ? 'new' : editing.id}
          answer={editing === 'new' ? null : editing}
          shared={shared}
          opened
          onClose={() => setEditing(null)}
        />
      )}
      <Modal
        opened={deleting !== null}
        onClose={() => setDeleting(null)}
        closeButtonProps={{ 'aria-label': st('common.close') }}
        title={st('cannedAnswers.deleteTitle', { title: deleting?.title ?? '' })}
      >
        <Stack>
          <FormAlert message={remove.error ? remove.error.message : null} />
          <Text>{st('cannedAnswers.deleteBody')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setDeleting(null)}>
              {st('common.cancel')}
            </Button>
            <Button
              color="red.9"
              loading={remove.isPending}
              onClick={() => deleting && remove.mutate(deleting.id)}
            >
              {st('cannedAnswers.deleteConfirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
