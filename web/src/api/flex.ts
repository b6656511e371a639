import i18next from 'i18next';
import type { z } from 'zod';
import type { flexOverviewResponse } from '../../../src/http/schemas/flex';
import { formatDuration } from '../../../src/i18n/format';
import { apiGet } from './client';

export type FlexOverview = z.infer<typeof flexOverviewResponse>;
export type FlexMovement = FlexOverview['movements'][number];

export const flexKey = ['flex'] as const;
export const fetchFlex = () => apiGet<FlexOverview>('/api/flex');

/** Whole minutes as a duration in the language on screen ("12 h 05", "12 Std. 5 Min."). */
export function formatMinutes(minutes: number, language: string = i18next.language): string {
  return formatDuration(minutes, language);
}
