import type { z } from 'zod';
import type { flexOverviewResponse } from '../../../src/http/schemas/flex';
import { apiGet } from './client';

export type FlexOverview = z.infer<typeof flexOverviewResponse>;
export type FlexMovement = FlexOverview['movements'][number];

export const flexKey = ['flex'] as const;
export const fetchFlex = () => apiGet<FlexOverview>('/api/flex');

/** Whole minutes as "12 h 05", the way a balance is read. */
export function formatMinutes(minutes: number): string {
  const sign = minutes < 0 ? '−' : '';
  const abs = Math.abs(minutes);
  const h = Math.floor(abs / 60);
  const m = abs % 60;
  return `${sign}${h} h ${String(m).padStart(2, '0')}`;
}
