import { Button, Paper, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SurveyAnswer, SurveyDto } from '../../api/surveys';
import { FormAlert } from '../FormAlert';

/** The satisfaction survey of a closed ticket: a score from 1 to 5 and a comment, answered once. */
export function SurveyForm({
  survey,
  onAnswer,
}: {
  survey: SurveyDto;
  onAnswer: (answer: SurveyAnswer) => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const [score, setScore] = useState<string>('');
  const [comment, setComment] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  if (survey.score !== null) {
    return (
      <Paper withBorder p="md" aria-label={t('survey.title')} component="section">
        <Title order={2} size="h4">
          {t('survey.title')}
        </Title>
        <Text>{t('survey.answered', { score: survey.score })}</Text>
        {survey.comment && <Text c="dimmed">{survey.comment}</Text>}
      </Paper>
    );
  }
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!score) return setFailure(t('survey.chooseScore'));
    setSending(true);
    setFailure(null);
    try {
      await onAnswer({ score: Number(score), comment: comment.trim() || null });
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error));
    } finally {
      setSending(false);
    }
  };
  return (
    <Paper withBorder p="md" component="section" aria-label={t('survey.title')}>
      <form onSubmit={submit}>
        <Stack gap="sm">
          <Title order={2} size="h4">
            {t('survey.title')}
          </Title>
          <Radio.Group label={t('survey.question')} value={score} onChange={setScore} required>
            <Stack gap={4} mt="xs">
              {[1, 2, 3, 4, 5].map((n) => (
                <Radio key={n} value={String(n)} label={t(`survey.score${n}`)} />
              ))}
            </Stack>
          </Radio.Group>
          <Textarea
            label={t('survey.comment')}
            value={comment}
            maxLength={2000}
            onChange={(e) => setComment(e.currentTarget.value)}
          />
          {failure && <FormAlert message={failure} />}
          <Button type="submit" loading={sending} disabled={!survey.canAnswer}>
            {t('survey.send')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
