import { Stack, Tabs, Title } from '@mantine/core';
import { Suspense } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { PageLoader } from '../../components/guards';
import { useStaffT } from '../staff/i18n';

export const adminSections = ['companies', 'sla', 'settings', 'content', 'mails', 'billing'] as const;

/** Administration: one tab per area, each its own page. */
export default function AdminLayout() {
  const { st } = useStaffT();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const current = adminSections.find((s) => pathname.startsWith(`/admin/${s}`)) ?? 'companies';
  return (
    <Stack gap="md">
      <Title order={1}>{st('admin.title')}</Title>
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
