import type { z } from 'zod';
import type { SurveyDto, surveySettingsSchema } from '../../../src/http/schemas/surveys';
import { apiGet, apiPost, apiPut } from './client';

export type { SurveyDto };
export interface SurveyAnswer {
  score: number;
  comment?: string | null;
}

export const surveyByLink = (token: string) =>
  apiGet<SurveyDto>(`/api/surveys/link?token=${encodeURIComponent(token)}`);
export const answerByLink = (token: string, answer: SurveyAnswer) =>
  apiPost<SurveyDto>('/api/surveys/link', { token, ...answer });
export const ticketSurvey = (ticketId: string) =>
  apiGet<{ survey: SurveyDto | null }>(`/api/tickets/${ticketId}/survey`);
export const answerTicketSurvey = (ticketId: string, answer: SurveyAnswer) =>
  apiPost<{ survey: SurveyDto | null }>(`/api/tickets/${ticketId}/survey`, answer);

export type SurveySettings = z.infer<typeof surveySettingsSchema>;
export const fetchSurveySettings = () => apiGet<SurveySettings>('/api/admin/settings/surveys');
export const saveSurveySettings = (settings: SurveySettings) =>
  apiPut<SurveySettings>('/api/admin/settings/surveys', settings);
