import type { z } from 'zod';
import type {
  clockExplanationSchema,
  commitmentsResponse,
  monthlyReportResponse,
  sendMonthlyReportResponse,
} from '../../../src/http/schemas/commitments';
import { apiGet, apiPost } from './client';

export type Commitments = z.infer<typeof commitmentsResponse>;
export type ClockExplanation = z.infer<typeof clockExplanationSchema>;
export type MonthlyReport = z.infer<typeof monthlyReportResponse>;

export const commitmentsKey = ['sla-commitments'] as const;
export const fetchCommitments = () => apiGet<Commitments>('/api/sla/commitments');

export const fetchMonthlyReport = (month: string, companyId?: string) =>
  apiGet<MonthlyReport>(
    `/api/sla/monthly-report?month=${encodeURIComponent(month)}${companyId ? `&companyId=${encodeURIComponent(companyId)}` : ''}`,
  );

export const sendMonthlyReport = (companyId: string, month: string) =>
  apiPost<z.infer<typeof sendMonthlyReportResponse>>(`/api/admin/companies/${companyId}/sla-report`, {
    month,
  });
