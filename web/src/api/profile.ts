import type { z } from 'zod';
import type { changePasswordBody, profileSchema, updateProfileBody } from '../../../src/http/schemas/profile';
import { apiGet, apiPatch, apiPost } from './client';

export type Profile = z.infer<typeof profileSchema>;
export type ProfileUpdate = z.input<typeof updateProfileBody>;

export const profileKey = ['profile'] as const;
export const fetchProfile = () => apiGet<Profile>('/api/profile');
export const updateProfile = (input: ProfileUpdate) => apiPatch<Profile>('/api/profile', input);
export const changePassword = (input: z.input<typeof changePasswordBody>) =>
  apiPost<{ ok: true }>('/api/profile/password', input);
