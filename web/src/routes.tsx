import { lazy } from 'react';
import { createBrowserRouter, Outlet, useRouteError } from 'react-router';
import { ErrorScreen } from './components/ErrorScreen';
import { FirstFrame } from './components/FirstFrame';
import { RequireGuest, RequireSignedIn, RequireUser, SessionLanguage } from './components/guards';
import { PublicLayout } from './layout/PublicLayout';
import { navigation } from './navigation';
import { staffRoutes } from './pages/staff/routes';
import { customerTicketData, homeData, sessionData } from './route-data';

// Every page is its own chunk: the first load carries the shell only. The first screens people
// land on (sign-in, home, a ticket, the queue) are route `lazy`: their code loads beside their data.
const SecondFactorPage = lazy(() => import('./pages/SecondFactorPage'));
const RequestAccountPage = lazy(() => import('./pages/RequestAccountPage'));
const ForgotPasswordPage = lazy(() => import('./pages/ForgotPasswordPage'));
const SetPasswordPage = lazy(() => import('./pages/SetPasswordPage'));
const SurveyPage = lazy(() => import('./pages/SurveyPage'));
const NewTicketPage = lazy(() => import('./pages/portal/NewTicketPage'));
const TicketsPage = lazy(() => import('./pages/portal/TicketsPage'));
const EscalationPage = lazy(() => import('./pages/portal/EscalationPage'));
const HelpPage = lazy(() => import('./pages/portal/HelpPage'));
const HelpArticlePage = lazy(() => import('./pages/portal/HelpArticlePage'));
const FlexPage = lazy(() => import('./pages/portal/FlexPage'));
const CommitmentsPage = lazy(() => import('./pages/commitments/CommitmentsPage'));
const ExplanationPrintPage = lazy(() => import('./pages/commitments/ExplanationPrintPage'));
const MonthlyReportPage = lazy(() => import('./pages/commitments/MonthlyReportPage'));
const AccountRequestsPage = lazy(() => import('./pages/AccountRequestsPage'));
const ProfilePage = lazy(() => import('./pages/ProfilePage'));

const showOf = (id: string) => navigation.find((item) => item.id === id)?.show ?? (() => false);

function Root() {
  return (
    <>
      <SessionLanguage />
      <Outlet />
    </>
  );
}

function RouteCrash() {
  const error = useRouteError();
  console.error(error);
  return <ErrorScreen kind="crash" />;
}

/**
 * Created once the language is known: route loaders start fetching at once, and some answers (the
 * timeline's sentences) depend on the reader's language.
 */
export const createRouter = () =>
  createBrowserRouter([
    {
      element: <Root />,
      errorElement: <RouteCrash />,
      hydrateFallbackElement: <FirstFrame />,
      children: [
        {
          element: <PublicLayout />,
          children: [
            {
              path: '/login',
              loader: sessionData,
              lazy: async () => {
                const { default: LoginPage } = await import('./pages/LoginPage');
                return {
                  element: (
                    <RequireGuest>
                      <LoginPage />
                    </RequireGuest>
                  ),
                };
              },
            },
            { path: '/login/second-factor', element: <SecondFactorPage /> },
            { path: '/request-account', element: <RequestAccountPage /> },
            { path: '/forgot-password', element: <ForgotPasswordPage /> },
            { path: '/set-password', element: <SetPasswordPage /> },
            { path: '/survey/:token', element: <SurveyPage /> },
          ],
        },
        {
          // The signed-in frame is a chunk of its own, fetched beside the session (the sign-in page
          // never loads it), like the home page's.
          loader: sessionData,
          lazy: async () => {
            const { AppLayout } = await import('./layout/AppLayout');
            return {
              element: (
                <RequireSignedIn>
                  <AppLayout />
                </RequireSignedIn>
              ),
            };
          },
          children: [
            {
              index: true,
              loader: homeData,
              lazy: async () => ({ Component: (await import('./pages/portal/PortalHome')).default }),
            },
            {
              path: '/account-requests',
              element: (
                <RequireUser allow={showOf('accountRequests')}>
                  <AccountRequestsPage />
                </RequireUser>
              ),
            },
            { path: '/profile', element: <ProfilePage /> },
            ...staffRoutes,
            { path: '/tickets', element: <TicketsPage /> },
            { path: '/tickets/new', element: <NewTicketPage desk="support" /> },
            { path: '/requests/new', element: <NewTicketPage desk="consulting" /> },
            {
              // Code and data of the ticket page load side by side (route-data.ts).
              path: '/tickets/:id',
              loader: customerTicketData,
              lazy: async () => ({ Component: (await import('./pages/portal/TicketPage')).default }),
            },
            { path: '/escalation', element: <EscalationPage /> },
            { path: '/commitments', element: <CommitmentsPage /> },
            { path: '/tickets/:id/sla-explanation', element: <ExplanationPrintPage /> },
            { path: '/sla-report', element: <MonthlyReportPage /> },
            { path: '/help', element: <HelpPage /> },
            { path: '/help/:slug', element: <HelpArticlePage /> },
            { path: '/flex', element: <FlexPage /> },
          ],
        },
        { path: '*', element: <ErrorScreen kind="notFound" /> },
      ],
    },
  ]);
