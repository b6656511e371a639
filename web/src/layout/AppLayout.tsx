import { AppShell, Burger, Button, Group, NavLink, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { ApiError } from '../api/client';
import { logout, useMe } from '../api/session';
import { armSessionExpiry, useSessionExpired } from '../api/session-expiry';
import { PageLoader } from '../components/guards';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { notify } from '../components/notify';
import { navigationFor } from '../navigation';
import classes from './layout.module.css';
import { NotificationBell } from './NotificationBell';

// Loaded only when a session ends: its form schemas stay out of the first screen's code (and are
// built after zod is told not to compile, which the portal's Content-Security-Policy forbids).
const SessionExpiredDialog = lazy(() =>
  import('../components/SessionExpiredDialog').then((m) => ({ default: m.SessionExpiredDialog })),
);

/** The signed-in frame: header (name, language, sign out) and the navigation of the user's role. */
export function AppLayout() {
  const { t } = useTranslation();
  const me = useMe();
  const [opened, { toggle, close }] = useDisclosure();
  const client = useQueryClient();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const isActive = (to: string) => (to === '/' ? pathname === '/' : pathname.startsWith(to));
  // A session that ends while the page is open asks for the password here (SessionExpiredDialog).
  const expired = useSessionExpired();
  const [dialogDismissed, setDialogDismissed] = useState(false);
  useEffect(() => {
    armSessionExpiry(true);
    return () => armSessionExpiry(false);
  }, []);
  useEffect(() => {
    if (expired) setDialogDismissed(false);
  }, [expired]);

  const signOut = async () => {
    armSessionExpiry(false);
    try {
      await logout();
    } catch (error) {
      notify({ color: 'red', message: error instanceof ApiError ? error.message : String(error) });
      return;
    }
    client.clear();
    await navigate('/login', { replace: true });
  };

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <a href="#main" className={classes.skipLink}>
        {t('app.skipToContent')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={t(opened ? 'app.closeMenu' : 'app.openMenu')}
              aria-expanded={opened}
              aria-controls="main-navigation"
            />
            <Text component={Link} to="/" className={classes.brand}>
              {t('app.name')}
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <Text size="sm" className={classes.userName} visibleFrom="sm" data-testid="user-name">
              {expired ? t('sessionExpired.signedOut') : me.name}
            </Text>
            {me.role !== 'customer' && <NotificationBell />}
            <LanguageSwitch />
            {expired ? (
              <Button size="xs" onClick={() => setDialogDismissed(false)}>
                {t('login.submit')}
              </Button>
            ) : (
              <Button variant="default" size="xs" onClick={() => void signOut()} visibleFrom="sm">
                {t('app.signOut')}
              </Button>
            )}
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" component="nav" id="main-navigation" aria-label={t('app.navigation')}>
        {navigationFor(me).map((item) => (
          <NavLink
            key={item.id}
            component={Link}
            to={item.to}
            active={isActive(item.to)}
            aria-current={isActive(item.to) ? 'page' : undefined}
            label={t(item.label)}
            onClick={close}
          />
        ))}
        {/* On a phone the header has no room: who is signed in, and signing out, live in the menu. */}
        <Stack gap="xs" mt="md" pt="md" hiddenFrom="sm" className={classes.navFooter}>
          <Text size="sm" px="sm">
            {expired ? t('sessionExpired.signedOut') : me.name}
          </Text>
          {!expired && (
            <Button variant="default" onClick={() => void signOut()}>
              {t('app.signOut')}
            </Button>
          )}
        </Stack>
      </AppShell.Navbar>
      {expired && (
        <Suspense fallback={null}>
          <SessionExpiredDialog
            opened={!dialogDismissed}
            email={me.email}
            onDismiss={() => setDialogDismissed(true)}
          />
        </Suspense>
      )}
      <AppShell.Main id="main">
        <Suspense fallback={<PageLoader />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
