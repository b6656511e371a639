import { Alert, Button, Group, Modal, NativeSelect, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { ticketStatusSchema } from '../../../../../src/http/schemas/tickets';
import {
  type CannedAnswer,
  cannedAnswersKey,
  cannedAnswerVariables,
  createCannedAnswer,
  unknownVariables,
  updateCannedAnswer,
} from '../../../api/canned-answers';
import { FormAlert } from '../../../components/FormAlert';
import { useAdminMutation } from '../../../components/useAdminMutation';
import { useStaffT } from '../i18n';

const LANGUAGES = ['fr', 'de', 'en'] as const;
type Texts = Record<(typeof LANGUAGES)[number], string>;

/** Creates or changes a canned answer: a title, its three texts, and a status to apply when sent. */
export function CannedAnswerForm({
  answer,
  shared,
  opened,
  onClose,
}: {
  /** The answer to change; none to create one. */
  answer: CannedAnswer | null;
  shared: boolean;
  opened: boolean;
  onClose: () => void;
}) {
  const { st } = useStaffT();
  const [title, setTitle] = useState(answer?.title ?? '');
  const [texts, setTexts] = useState<Texts>(answer?.texts ?? { fr: '', de: '', en: '' });
  const [statusAfter, setStatusAfter] = useState(answer?.statusAfter ?? '');
  const [tried, setTried] = useState(false);

  const save = useAdminMutation({
    mutationFn: () => {
      const body = {
        title: title.trim(),
        texts,
        statusAfter: statusAfter ? ticketStatusSchema.parse(statusAfter) : null,
      };
      return answer ? updateCannedAnswer(answer.id, body) : createCannedAnswer({ ...body, shared });
    },
    onSuccess: onClose,
    success: st('cannedAnswers.saved'),
    invalidate: [cannedAnswersKey],
  });
  const missing = (value: string) => (tried && !value.trim() ? st('common.required') : null);
  const complete = title.trim() && LANGUAGES.every((l) => texts[l].trim());

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      size="lg"
      closeButtonProps={{ 'aria-label': st('common.close') }}
      title={
        answer ? st('cannedAnswers.editTitle', { title: answer.title }) : st('cannedAnswers.createTitle')
      }
    >
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          setTried(true);
          if (complete) save.mutate();
        }}
      >
        <Stack gap="sm">
          <FormAlert message={save.error ? save.error.message : null} />
          <TextInput
            label={st('cannedAnswers.titleLabel')}
            required
            maxLength={120}
            value={title}
            error={missing(title)}
            onChange={(e) => setTitle(e.currentTarget.value)}
          />
          <Text size="sm" c="dimmed">
            {st('cannedAnswers.variablesHelp', {
              list: cannedAnswerVariables.map((v) => `{{${v}}}`).join(', '),
              interpolation: { escapeValue: false },
            })}
          </Text>
          {LANGUAGES.map((language) => {
            const unknown = unknownVariables(texts[language]);
            return (
              <Stack key={language} gap={4}>
                <Textarea
                  label={st(`cannedAnswers.text${language[0]?.toUpperCase()}${language[1]}`)}
                  required
                  autosize
                  minRows={3}
                  value={texts[language]}
                  error={missing(texts[language])}
                  onChange={(e) => {
                    const value = e.currentTarget.value;
                    setTexts((t) => ({ ...t, [language]: value }));
                  }}
                />
                {unknown.length > 0 && (
                  <Alert color="orange" variant="light" p="xs" data-testid={`unknown-${language}`}>
                    {st('cannedAnswers.unknown', {
                      list: unknown.map((v) => `{{${v}}}`).join(', '),
                      interpolation: { escapeValue: false },
                    })}
                  </Alert>
                )}
              </Stack>
            );
          })}
          <NativeSelect
            label={st('cannedAnswers.statusAfter')}
            value={statusAfter}
            onChange={(e) => setStatusAfter(e.currentTarget.value)}
            data={[
              { value: '', label: st('cannedAnswers.statusUnchanged') },
              ...ticketStatusSchema.options.map((s) => ({ value: s, label: st(`labels:status.${s}`) })),
            ]}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {st('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {st('cannedAnswers.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
