import type { z } from 'zod';
import type { attachmentLimitsResponse } from '../../../src/http/schemas/attachments';
import type {
  criticalityListResponse,
  projectListResponse,
  requestTypeListResponse,
} from '../../../src/http/schemas/catalogue';
import { apiGet } from './client';

export type RequestTypeCatalogue = z.infer<typeof requestTypeListResponse>;
export type RequestTypeOffer = RequestTypeCatalogue['items'][number];
export type Criticality = z.infer<typeof criticalityListResponse>['items'][number];
export type Project = z.infer<typeof projectListResponse>['items'][number];

export const requestTypesKey = ['request-types'] as const;
export const fetchRequestTypes = () => apiGet<RequestTypeCatalogue>('/api/request-types');
export const fetchCriticalities = () => apiGet<z.infer<typeof criticalityListResponse>>('/api/criticalities');
export const fetchProjects = (companyId: string) =>
  apiGet<z.infer<typeof projectListResponse>>(`/api/companies/${companyId}/projects`);

export type AttachmentLimits = z.infer<typeof attachmentLimitsResponse>;
export const fetchAttachmentLimits = () => apiGet<AttachmentLimits>('/api/attachments/limits');
