import type { z } from 'zod';
import type { storageQuotaSetting, virusScannerResponse } from '../../../src/http/schemas/attachments';
import type { billingPreviewResponse, billingRunListResponse } from '../../../src/http/schemas/billing';
import type { companyDetailSchema, companyPage } from '../../../src/http/schemas/companies';
import type { flexOverviewResponse } from '../../../src/http/schemas/flex';
import type { inboundListResponse } from '../../../src/http/schemas/inbound';
import type {
  autoCloseDelays,
  outboxResponse,
  storedMailResponse,
  storedMailsResponse,
} from '../../../src/http/schemas/mail-admin';
import type { retentionSettings } from '../../../src/http/schemas/personal-data';
import type { calendarResponse, closedDaysResponse, slaTargetsResponse } from '../../../src/http/schemas/sla';
import { apiGet, apiPost, apiPut } from './client';

export type SlaTargets = z.infer<typeof slaTargetsResponse>;
export type Calendar = z.infer<typeof calendarResponse>;
export type ClosedDays = z.infer<typeof closedDaysResponse>;
export type AutoClose = z.infer<typeof autoCloseDelays>;
export type CompanyPage = z.infer<typeof companyPage>;
export type CompanyDetail = z.infer<typeof companyDetailSchema>;
export type FlexOverview = z.infer<typeof flexOverviewResponse>;
export type StoredMails = z.infer<typeof storedMailsResponse>;
export type StoredMail = z.infer<typeof storedMailResponse>;
export type Outbox = z.infer<typeof outboxResponse>;
export type InboundList = z.infer<typeof inboundListResponse>;
export type BillingPreview = z.infer<typeof billingPreviewResponse>;
export type BillingRuns = z.infer<typeof billingRunListResponse>;

export const getSlaTargets = () => apiGet<SlaTargets>('/api/admin/sla/targets');
export const putSlaTargets = (targets: SlaTargets['targets']) =>
  apiPut<SlaTargets>('/api/admin/sla/targets', { targets });
export const getCalendar = () => apiGet<Calendar>('/api/admin/calendar');
/** The calendar is the body itself, as the server reads it (not wrapped like the targets). */
export const putCalendar = (config: Calendar['config']) => apiPut<Calendar>('/api/admin/calendar', config);
export const getClosedDays = (from: string, to: string) =>
  apiGet<ClosedDays>(`/api/admin/calendar/closed-days?from=${from}&to=${to}`);
export const getAutoClose = () => apiGet<AutoClose>('/api/admin/settings/auto-close');
export const putAutoClose = (body: AutoClose) => apiPut<AutoClose>('/api/admin/settings/auto-close', body);
export type StorageQuota = z.infer<typeof storageQuotaSetting>;
export const getStorageQuota = () => apiGet<StorageQuota>('/api/admin/settings/storage-quota');
export const putStorageQuota = (body: StorageQuota) =>
  apiPut<StorageQuota>('/api/admin/settings/storage-quota', body);
export type RetentionSettings = z.infer<typeof retentionSettings>;
export const getRetention = () => apiGet<RetentionSettings>('/api/settings/retention');
export const putRetention = (body: RetentionSettings) =>
  apiPut<RetentionSettings>('/api/settings/retention', body);

export const listCompanies = (search: string) =>
  apiGet<CompanyPage>(`/api/companies${search ? `?search=${encodeURIComponent(search)}` : ''}`);
export const getCompany = (id: string) => apiGet<CompanyDetail>(`/api/companies/${id}`);
export const getFlex = (companyId: string) => apiGet<FlexOverview>(`/api/flex?companyId=${companyId}`);
export const creditFlex = (companyId: string, minutes: number, reason?: string) =>
  apiPost<{ balanceMinutes: number }>(`/api/companies/${companyId}/flex/credits`, {
    minutes,
    ...(reason ? { reason } : {}),
  });
export const adjustFlex = (companyId: string, minutes: number, reason: string) =>
  apiPost<{ balanceMinutes: number }>(`/api/companies/${companyId}/flex/adjustments`, { minutes, reason });

export const listMails = () => apiGet<StoredMails>('/api/admin/mails?limit=100');
export const getMail = (id: number) => apiGet<StoredMail>(`/api/admin/mails/${id}`);
export const listOutbox = (status: string) => apiGet<Outbox>(`/api/admin/outbox?status=${status}&limit=100`);
export const retryOutbox = (id: number) => apiPost<unknown>(`/api/admin/outbox/${id}/retry`);
export const listQuarantine = () => apiGet<InboundList>('/api/admin/inbound?outcome=quarantined&limit=100');
export const discardInbound = (id: string) => apiPost<unknown>(`/api/admin/inbound/${id}/discard`);
export const releaseInbound = (id: string, ticketId: string) =>
  apiPost<unknown>(`/api/admin/inbound/${id}/release`, { ticketId });

export const previewBilling = (from: string, to: string) =>
  apiPost<BillingPreview>('/api/billing/preview', { from, to });
export const commitBilling = (from: string, to: string, entryIds: string[]) =>
  apiPost<unknown>('/api/billing/commit', { from, to, entryIds });
export const listBillingRuns = () => apiGet<BillingRuns>('/api/billing/runs');

export type VirusScanner = z.infer<typeof virusScannerResponse>;
export const getVirusScanner = () => apiGet<VirusScanner>('/api/admin/virus-scanner');
