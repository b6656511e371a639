import { Alert, Button, Group, Text } from '@mantine/core';
import { useState } from 'react';
import { type CannedAnswer, fillCannedAnswer } from '../../../api/canned-answers';
import type { TicketStatus } from '../../../api/tickets';
import { changeStatus } from '../../../api/tickets';
import { notify } from '../../../components/notify';
import { useStaffT } from '../i18n';
import { CannedAnswerPicker } from './CannedAnswerPicker';

/** Ctrl+Shift+Space (Cmd+Shift+Space on a Mac) opens the picker from the answer box. */
export const isPickerShortcut = (e: React.KeyboardEvent) =>
  (e.ctrlKey || e.metaKey) && e.shiftKey && (e.code === 'Space' || e.key === ' ');

/**
 * Canned answers in an answer box: the picker, the insertion of the text in the customer's
 * language with variables filled, the unknown variables flagged, and the status the answer
 * changes once sent (through the ordinary status change, so the transition table applies).
 */
export function useCannedAnswerInsertion(ticketId: string, insert: (text: string) => void) {
  const { st } = useStaffT();
  const [picking, setPicking] = useState(false);
  const [unknown, setUnknown] = useState<string[]>([]);
  const [statusAfter, setStatusAfter] = useState<TicketStatus | null>(null);

  const pick = async (answer: CannedAnswer) => {
    setPicking(false);
    try {
      const filled = await fillCannedAnswer(ticketId, answer.id);
      insert(filled.text);
      setUnknown(filled.unknownVariables);
      setStatusAfter(filled.statusAfter);
      notify({
        color: 'blue',
        message: st('cannedAnswers.inserted', { language: st(`cannedAnswers.languages.${filled.language}`) }),
      });
    } catch (error) {
      notify({ color: 'red', message: error instanceof Error ? error.message : String(error) });
    }
  };

  /** After the answer is sent: the planned status change, said plainly if it is refused. */
  const afterSend = async () => {
    const status = statusAfter;
    setUnknown([]);
    setStatusAfter(null);
    if (!status) return;
    try {
      await changeStatus(ticketId, { status });
    } catch (error) {
      notify({
        color: 'red',
        autoClose: false,
        message: st('cannedAnswers.statusFailed', {
          error: error instanceof Error ? error.message : String(error),
        }),
      });
    }
  };

  const notices = (
    <>
      {unknown.length > 0 && (
        <Alert color="orange" variant="light" p="xs" role="status" data-testid="unknown-variables">
          {st('cannedAnswers.unknownInserted', {
            list: unknown.map((v) => `{{${v}}}`).join(', '),
            interpolation: { escapeValue: false },
          })}
        </Alert>
      )}
      {statusAfter && (
        <Group gap="xs" data-testid="status-after">
          <Text size="sm">
            {st('cannedAnswers.statusPlanned', { status: st(`labels:status.${statusAfter}`) })}
          </Text>
          <Button size="compact-xs" variant="subtle" onClick={() => setStatusAfter(null)}>
            {st('cannedAnswers.statusPlannedRemove')}
          </Button>
        </Group>
      )}
    </>
  );
  const picker = (
    <CannedAnswerPicker opened={picking} onClose={() => setPicking(false)} onPick={(a) => void pick(a)} />
  );
  return { openPicker: () => setPicking(true), picker, notices, afterSend };
}
