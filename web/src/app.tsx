import './zod-config';
import { MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { lazy, StrictMode, Suspense, startTransition, useSyncExternalStore } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { setFallbackMessages } from './api/client';
import { queryClient } from './api/query-client';
import { appNotLoaded } from './app-not-loaded';
import { CrashBoundary } from './components/CrashBoundary';
import { notificationsWanted } from './components/notify';
import { startI18n } from './i18n/index';
import { nextTask } from './next-task';
import { lightOnly, theme } from './theme';

// Toasts are never part of the first paint: their container loads with the first toast.
const Toasts = lazy(() => import('./components/Toasts'));

function ToastsHost() {
  const wanted = useSyncExternalStore(notificationsWanted.subscribe, notificationsWanted.get);
  return wanted ? (
    <Suspense fallback={null}>
      <Toasts />
    </Suspense>
  ) : null;
}

async function start() {
  const i18n = await startI18n();
  setFallbackMessages((code) => i18n.t(`errors.${code}`));
  // Each step in a task of its own (see nextTask): evaluating the code, the texts, the routes'
  // code, the router with its loaders, the first render.
  await nextTask();
  const { createRouter } = await import('./routes');
  await nextTask();
  const router = createRouter();
  const root = document.getElementById('root');
  if (!root) return;
  await nextTask();
  const app = createRoot(root);
  // As a transition, the first render yields to the browser every few milliseconds instead of
  // holding the main thread until the whole page is built: a tap or a scroll is answered meanwhile.
  startTransition(() =>
    app.render(
      <StrictMode>
        <MantineProvider
          theme={theme}
          withCssVariables={false}
          defaultColorScheme="light"
          colorSchemeManager={lightOnly}
        >
          <ToastsHost />
          <CrashBoundary>
            <QueryClientProvider client={queryClient}>
              <RouterProvider router={router} />
            </QueryClientProvider>
          </CrashBoundary>
        </MantineProvider>
      </StrictMode>,
    ),
  );
}

// The routes and texts load as the app starts: if they cannot, the page says so (app-not-loaded.ts).
start().catch(appNotLoaded);
