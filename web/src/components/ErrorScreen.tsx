import { Anchor, Button, Container, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** A full-page explanation for an unknown address or a crash, with a way back. */
export function ErrorScreen({ kind }: { kind: 'notFound' | 'crash' | 'forbidden' }) {
  const { t } = useTranslation();
  return (
    <Container size="sm" py="xl" component="main">
      <Stack gap="md">
        <Title order={1}>{t(`errorPage.${kind}.title`)}</Title>
        <Text>{t(`errorPage.${kind}.text`)}</Text>
        <Group>
          {/* Plain links: after a crash the router itself may be what failed. */}
          <Anchor href="/">{t('errorPage.home')}</Anchor>
          {kind === 'crash' && (
            <Button variant="light" onClick={() => window.location.reload()}>
              {t('errorPage.reload')}
            </Button>
          )}
        </Group>
      </Stack>
    </Container>
  );
}
