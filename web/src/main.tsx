import './zod-config';
import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import { MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { setFallbackMessages } from './api/client';
import { queryClient } from './api/query-client';
import { CrashBoundary } from './components/CrashBoundary';
import { startI18n } from './i18n/index';
import { createRouter } from './routes';
import { cssVariablesResolver, theme } from './theme';

// Toasts are never part of the first paint: their module loads after it.
const Notifications = lazy(() =>
  import('@mantine/notifications').then((m) => ({ default: m.Notifications })),
);

async function start() {
  const i18n = await startI18n();
  setFallbackMessages((code) => i18n.t(`errors.${code}`));
  const router = createRouter();
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
