import { Alert, Stack, Tabs, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Suspense } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { getVirusScanner } from '../../api/staff-admin';
import { PageLoader } from '../../components/guards';
import { useStaffT } from '../staff/i18n';

export const adminSections = [
  'companies',
  'sla',
  'settings',
  'content',
  'answers',
  'mails',
  'billing',
  'tokens',
  'webhooks',
] as const;

/** Administration: one tab per area, each its own page. */
export default function AdminLayout() {
  const { st } = useStaffT();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const current = adminSections.find((s) => pathname.startsWith(`/admin/${s}`)) ?? 'companies';
  const scanner = useQuery({ queryKey: ['admin', 'virus-scanner'], queryFn: getVirusScanner });
  return (
    <Stack gap="md">
      <Title order={1}>{st('admin.title')}</Title>
      {scanner.data?.configured && !scanner.data.available ? (
        <Alert color="red" role="alert" title={st('admin.scannerDown.title')}>
          {st('admin.scannerDown.body', { error: scanner.data.lastError ?? '—' })}
        </Alert>
      ) : null}
      <Tabs value={current} onChange={(v) => v && void navigate(`/admin/${v}`)} keepMounted={false}>
        <Tabs.List aria-label={st('admin.title')}>
          {adminSections.map((s) => (
            <Tabs.Tab key={s} value={s}>
              {st(`admin.sections.${s}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      <Suspense fallback={<PageLoader />}>
        <Outlet />
      </Suspense>
    </Stack>
  );
}
