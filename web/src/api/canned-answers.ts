import type { z } from 'zod';
import type {
  CannedAnswerBody,
  cannedAnswerList,
  cannedAnswerSchema,
  filledCannedAnswerResponse,
} from '../../../src/http/schemas/canned-answers';
import { apiDelete, apiGet, apiPost, apiPut } from './client';

export { cannedAnswerVariables, unknownVariables } from '../../../src/http/schemas/canned-answers';
export type CannedAnswer = z.infer<typeof cannedAnswerSchema>;
export type FilledCannedAnswer = z.infer<typeof filledCannedAnswerResponse>;
export type { CannedAnswerBody };

export const cannedAnswersKey = ['canned-answers'] as const;

export const fetchCannedAnswers = () => apiGet<z.infer<typeof cannedAnswerList>>('/api/canned-answers');
export const createCannedAnswer = (body: CannedAnswerBody) =>
  apiPost<CannedAnswer>('/api/canned-answers', body);
export const updateCannedAnswer = (id: string, body: Omit<CannedAnswerBody, 'shared'>) =>
  apiPut<CannedAnswer>(`/api/canned-answers/${id}`, body);
export const deleteCannedAnswer = (id: string) => apiDelete<{ ok: true }>(`/api/canned-answers/${id}`);
/** The answer for this ticket: in its customer's language, variables filled. */
export const fillCannedAnswer = (ticketId: string, answerId: string) =>
  apiGet<FilledCannedAnswer>(`/api/tickets/${ticketId}/canned-answers/${answerId}`);
