import { Anchor, Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../api/session';
import { navigationFor } from '../navigation';
import { usePageTitle } from './usePageTitle';

/** The welcome page: who one is, and the places one can go from here. */
export default function HomePage() {
  const { t } = useTranslation();
  usePageTitle(t('nav.home'));
  const me = useMe();
  const places = navigationFor(me).filter((item) => item.id !== 'home');
  return (
    <Stack gap="lg">
      <Title order={1}>{t('home.welcome', { name: me.name })}</Title>
      <Text>{t(`home.intro.${me.role}`)}</Text>
      <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
        {places.map((item) => (
          <Card key={item.id} withBorder padding="lg">
            <Anchor component={Link} to={item.to} fw={600}>
              {t(item.label)}
            </Anchor>
            <Text size="sm" mt="xs">
              {t(`home.places.${item.id}`)}
            </Text>
          </Card>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
