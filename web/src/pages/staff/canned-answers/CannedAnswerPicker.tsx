import { Button, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { type CannedAnswer, cannedAnswersKey, fetchCannedAnswers } from '../../../api/canned-answers';
import { PageLoader } from '../../../components/guards';
import { useStaffT } from '../i18n';

/**
 * Chooses a canned answer by typing part of its title or text: Enter takes the first that
 * matches, or click (or Tab to) any of them.
 */
export function CannedAnswerPicker({
  opened,
  onClose,
  onPick,
}: {
  opened: boolean;
  onClose: () => void;
  onPick: (answer: CannedAnswer) => void;
}) {
  const { st, language } = useStaffT();
  const [search, setSearch] = useState('');
  const answers = useQuery({ queryKey: cannedAnswersKey, queryFn: fetchCannedAnswers, enabled: opened });
  const words = search.toLocaleLowerCase(language).split(/\s+/).filter(Boolean);
  const matches = (answers.data?.items ?? []).filter((a) => {
    const haystack = [a.title, a.texts.fr, a.texts.de, a.texts.en].join(' ').toLocaleLowerCase(language);
    return words.every((w) => haystack.includes(w));
  });
  const pick = (answer: CannedAnswer) => {
    setSearch('');
    onPick(answer);
  };

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={st('cannedAnswers.pickerTitle')}
      closeButtonProps={{ 'aria-label': st('common.close') }}
    >
      <Stack gap="sm">
        <TextInput
          data-autofocus
          label={st('cannedAnswers.pickerSearch')}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          onKeyDown={(e) => {
            const first = matches[0];
            if (e.key === 'Enter' && first) {
              e.preventDefault();
              pick(first);
            }
          }}
        />
        {answers.isPending ? (
          <PageLoader />
        ) : matches.length === 0 ? (
          <Text c="dimmed">{st('cannedAnswers.pickerEmpty')}</Text>
        ) : (
          <Stack
            gap={4}
            component="ul"
            p={0}
            m={0}
            style={{ listStyle: 'none' }}
            aria-label={st('cannedAnswers.pickerTitle')}
          >
            {matches.map((answer) => (
              <li key={answer.id}>
                <Button variant="subtle" fullWidth justify="flex-start" onClick={() => pick(answer)}>
                  {answer.title}
                  {answer.shared ? ` · ${st('cannedAnswers.shared')}` : ''}
                </Button>
              </li>
            ))}
          </Stack>
        )}
      </Stack>
    </Modal>
  );
}
