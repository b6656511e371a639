import { Anchor, Box, Container, Group } from '@mantine/core';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet } from 'react-router';
import { PageLoader } from '../components/guards';
import { LanguageSwitch } from '../components/LanguageSwitch';
import classes from './layout.module.css';

/** Pages for people who are not signed in: a slim header and a narrow column. */
export function PublicLayout() {
  const { t } = useTranslation();
  return (
    <Box mih="100vh" bg="gray.0">
      <Box component="header" className={classes.publicHeader}>
        <Group justify="space-between" px="md" h={56} wrap="nowrap">
          <Anchor component={Link} to="/" className={classes.brand} underline="never">
            {t('app.name')}
          </Anchor>
          <LanguageSwitch />
        </Group>
      </Box>
      <Container size={460} py="xl" component="main" id="main">
        <Suspense fallback={<PageLoader />}>
          <Outlet />
        </Suspense>
      </Container>
    </Box>
  );
}
