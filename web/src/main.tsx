import './zod-config';
import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { ApiError, setFallbackMessages } from './api/client';
import { CrashBoundary } from './components/CrashBoundary';
import { startI18n } from './i18n/index';
import { router } from './routes';
import { cssVariablesResolver, theme } from './theme';

// Toasts are never part of the first paint: their module loads after it.
const Notifications = lazy(() =>
  import('@mantine/notifications').then((m) => ({ default: m.Notifications })),
);

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // Client errors (not found, forbidden …) will not change on retry.
      retry: (count, error) =>
        !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
      refetchOnWindowFocus: false,
    },
  },
});

async function start() {
  const i18n = await startI18n();
  setFallbackMessages((code) => i18n.t(`errors.${code}`));
  const root = document.getElementById('root');
  if (!root) return;
  createRoot(root).render(
    <StrictMode>
      <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
        <Suspense fallback={null}>
          <Notifications position="top-center" />
        </Suspense>
        <CrashBoundary>
          <QueryClientProvider client={queryClient}>
            <RouterProvider router={router} />
          </QueryClientProvider>
        </CrashBoundary>
      </MantineProvider>
    </StrictMode>,
  );
}

void start();
