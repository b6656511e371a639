import { Stack, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { answerByLink, surveyByLink } from '../api/surveys';
import { FormAlert } from '../components/FormAlert';
import { PageLoader } from '../components/guards';
import { SurveyForm } from '../components/survey/SurveyForm';
import { usePageTitle } from './usePageTitle';

/** The survey of a closed ticket, reached from the closing mail without signing in. */
export default function SurveyPage() {
  const { t } = useTranslation();
  usePageTitle(t('survey.title'));
  const token = useParams().token ?? '';
  const client = useQueryClient();
  const key = ['survey-link', token];
  const survey = useQuery({ queryKey: key, queryFn: () => surveyByLink(token) });
  if (survey.isPending) return <PageLoader />;
  if (survey.error) return <FormAlert message={survey.error.message} />;
  return (
    <Stack gap="md" maw={640}>
      <Title order={1}>{t('survey.title')}</Title>
      <Text>
        {survey.data.ticketKey} — {survey.data.subject}
      </Text>
      <SurveyForm
        survey={survey.data}
        onAnswer={async (answer) => client.setQueryData(key, await answerByLink(token, answer))}
      />
    </Stack>
  );
}
