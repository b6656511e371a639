import type { z } from 'zod';
import type { dashboardResponse, SatisfactionDto } from '../../../src/http/schemas/dashboard';
import { apiGet } from './client';

export type Dashboard = z.infer<typeof dashboardResponse>;

export const dashboardKey = ['dashboard'] as const;
export const getDashboard = () => apiGet<Dashboard>('/api/dashboard');

export type Satisfaction = SatisfactionDto;
export const satisfactionKey = (days: 30 | 90) => ['dashboard', 'satisfaction', days] as const;
export const getSatisfaction = (days: 30 | 90) =>
  apiGet<Satisfaction>(`/api/dashboard/satisfaction?days=${days}`);
