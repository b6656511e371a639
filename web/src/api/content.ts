import type { z } from 'zod';
import type {
  escalationMatrixResponse,
  helpArticleListResponse,
  helpArticleSchema,
  helpArticleSummarySchema,
} from '../../../src/http/schemas/content';
import { apiGet } from './client';

export type EscalationMatrix = z.infer<typeof escalationMatrixResponse>;
export type HelpArticle = z.infer<typeof helpArticleSchema>;
export type HelpArticleSummary = z.infer<typeof helpArticleSummarySchema>;
type HelpArticleList = z.infer<typeof helpArticleListResponse>;

export const fetchEscalationMatrix = () => apiGet<EscalationMatrix>('/api/escalation-matrix');
export const fetchHelpArticles = (q: string) =>
  apiGet<HelpArticleList>(`/api/help-articles${q ? `?q=${encodeURIComponent(q)}` : ''}`);
export const fetchHelpArticle = (slug: string) =>
  apiGet<HelpArticle>(`/api/help-articles/${encodeURIComponent(slug)}`);
export const suggestHelpArticles = (subject: string) =>
  apiGet<HelpArticleList>(`/api/help-articles/suggest?subject=${encodeURIComponent(subject)}`);
