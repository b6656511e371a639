import { useQuery, useQueryClient } from '@tanstack/react-query';
import { answerTicketSurvey, ticketSurvey } from '../../../api/surveys';
import { SurveyForm } from '../../../components/survey/SurveyForm';

/** The closed ticket's satisfaction survey, as the closing mail offers it; the timeline then shows the answer. */
export function TicketSurvey({ ticketId }: { ticketId: string }) {
  const client = useQueryClient();
  const survey = useQuery({ queryKey: ['ticket-survey', ticketId], queryFn: () => ticketSurvey(ticketId) });
  if (!survey.data?.survey) return null;
  return (
    <SurveyForm
      survey={survey.data.survey}
      onAnswer={async (answer) => {
        await answerTicketSurvey(ticketId, answer);
        await client.invalidateQueries();
      }}
    />
  );
}
