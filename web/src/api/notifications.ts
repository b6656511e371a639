import type { z } from 'zod';
import type {
  NotificationDto,
  NotificationPrefsDto,
  notificationListResponse,
} from '../../../src/http/schemas/notifications';
import { apiGet, apiPost, apiPut } from './client';

export type Notification = NotificationDto;
export type NotificationList = z.infer<typeof notificationListResponse>;
export type NotificationPrefs = NotificationPrefsDto;

export const notificationsKey = ['notifications'] as const;
export const fetchNotifications = () => apiGet<NotificationList>('/api/notifications');
/** Marks the given notices read, or all of mine when no ids are given. */
export const markNotificationsRead = (ids?: string[]) =>
  apiPost<{ ok: true }>('/api/notifications/read', ids ? { ids } : {});

export const notificationPrefsKey = ['notification-prefs'] as const;
export const fetchNotificationPrefs = () => apiGet<NotificationPrefs>('/api/profile/notifications');
export const saveNotificationPrefs = (prefs: NotificationPrefs) =>
  apiPut<NotificationPrefs>('/api/profile/notifications', prefs);
