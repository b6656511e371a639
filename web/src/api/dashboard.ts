import type { z } from 'zod';
import type { dashboardResponse } from '../../../src/http/schemas/dashboard';
import { apiGet } from './client';

export type Dashboard = z.infer<typeof dashboardResponse>;

export const dashboardKey = ['dashboard'] as const;
export const getDashboard = () => apiGet<Dashboard>('/api/dashboard');
