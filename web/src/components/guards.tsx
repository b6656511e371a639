import { Center, Loader } from '@mantine/core';
import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { type Me, useSession } from '../api/session';
import { applyLanguage } from '../i18n/index';
import { ErrorScreen } from './ErrorScreen';

/** A loading sign that screen readers announce: a bare element may not carry a label of its own. */
export function PageLoader() {
  const { t } = useTranslation();
  return (
    <Center py="xl">
      <Loader role="status" aria-label={t('common.loading')} />
    </Center>
  );
}

/** Speaks the signed-in user's language as soon as the session says who they are. */
export function SessionLanguage() {
  const { data } = useSession();
  const language = data?.user?.language;
  useEffect(() => {
    if (language) applyLanguage(language);
  }, [language]);
  return null;
}

export function RequireSignedIn({ children }: { children: ReactNode }) {
  const { data, isPending, error } = useSession();
  const location = useLocation();
  if (isPending) return <PageLoader />;
  if (error) throw error;
  if (!data.user) {
    const next = location.pathname + location.search;
    return <Navigate to={next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`} replace />;
  }
  return children;
}

export function RequireGuest({ children }: { children: ReactNode }) {
  const { data, isPending } = useSession();
  if (isPending) return <PageLoader />;
  if (data?.user) return <Navigate to="/" replace />;
  return children;
}

export function RequireUser({ allow, children }: { allow: (user: Me) => boolean; children: ReactNode }) {
  const { data } = useSession();
  if (!data?.user || !allow(data.user)) return <ErrorScreen kind="forbidden" />;
  return children;
}
