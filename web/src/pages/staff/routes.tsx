import { lazy } from 'react';
import { Navigate, type RouteObject } from 'react-router';
import type { Me } from '../../api/session';
import { RequireUser } from '../../components/guards';
import { queueData, staffTicketData } from '../../route-data';

// Every console page is its own chunk (charts only in the dashboard's).
const DashboardPage = lazy(() => import('./DashboardPage'));
const CannedAnswersPage = lazy(() => import('./CannedAnswersPage'));
const AdminLayout = lazy(() => import('../admin/AdminLayout'));
const CompaniesAdminPage = lazy(() => import('../admin/CompaniesAdminPage'));
const SlaAdminPage = lazy(() => import('../admin/SlaAdminPage'));
const SettingsAdminPage = lazy(() => import('../admin/SettingsAdminPage'));
const ContentAdminPage = lazy(() => import('../admin/ContentAdminPage'));
const MailsAdminPage = lazy(() => import('../admin/MailsAdminPage'));
const BillingAdminPage = lazy(() => import('../admin/BillingAdminPage'));
const CannedAnswersAdminPage = lazy(() => import('../admin/CannedAnswersAdminPage'));
const ApiTokensAdminPage = lazy(() => import('../admin/ApiTokensAdminPage'));
const WebhooksAdminPage = lazy(() => import('../admin/WebhooksAdminPage'));

const staff = (u: Me) => u.role !== 'customer';
const admin = (u: Me) => u.role === 'admin';
const forStaff = (element: React.ReactNode) => <RequireUser allow={staff}>{element}</RequireUser>;

/** The queue, a staff member's first screen: its code loads beside its first page (route `lazy`). */
async function queuePage() {
  const { default: QueuePage } = await import('./QueuePage');
  return { element: forStaff(<QueuePage />) };
}

/** The staff console and administration, added to the signed-in area by routes.tsx. */
export const staffRoutes: RouteObject[] = [
  { path: '/queues', loader: queueData, lazy: queuePage },
  { path: '/queues/:queue', loader: queueData, lazy: queuePage },
  {
    path: '/staff/tickets/:id',
    loader: staffTicketData,
    lazy: async () => {
      const { default: TicketWorkspacePage } = await import('./TicketWorkspacePage');
      return { element: forStaff(<TicketWorkspacePage />) };
    },
  },
  { path: '/dashboard', element: forStaff(<DashboardPage />) },
  { path: '/staff/canned-answers', element: forStaff(<CannedAnswersPage />) },
  {
    path: '/admin',
    element: (
      <RequireUser allow={admin}>
        <AdminLayout />
      </RequireUser>
    ),
    children: [
      { index: true, element: <Navigate to="/admin/companies" replace /> },
      { path: 'companies', element: <CompaniesAdminPage /> },
      { path: 'companies/:id', element: <CompaniesAdminPage /> },
      { path: 'sla', element: <SlaAdminPage /> },
      { path: 'settings', element: <SettingsAdminPage /> },
      { path: 'content', element: <ContentAdminPage /> },
      { path: 'mails', element: <MailsAdminPage /> },
      { path: 'billing', element: <BillingAdminPage /> },
      { path: 'answers', element: <CannedAnswersAdminPage /> },
      { path: 'tokens', element: <ApiTokensAdminPage /> },
      { path: 'webhooks', element: <WebhooksAdminPage /> },
    ],
  },
];
