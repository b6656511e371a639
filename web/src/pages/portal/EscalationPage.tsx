import { Anchor, Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { fetchEscalationMatrix } from '../../api/content';
import { FormAlert } from '../../components/FormAlert';
import { PageLoader } from '../../components/guards';
import { CommitmentsLink } from '../commitments/CommitmentsLink';
import { usePageTitle } from '../usePageTitle';
import { useErrorText, useFormatDate } from './shared';

/** The escalation matrix (R2): whom to contact, level by level, and when. */
export default function EscalationPage() {
  const { t } = useTranslation();
  usePageTitle(t('portal:escalation.title'));
  const format = useFormatDate();
  const errorText = useErrorText();
  const matrix = useQuery({ queryKey: ['escalation-matrix'], queryFn: fetchEscalationMatrix });
  return (
    <Stack gap="lg" maw={960}>
      <Title order={1}>{t('portal:escalation.title')}</Title>
      <Text>{t('portal:escalation.intro')}</Text>
      <CommitmentsLink />
      {matrix.isPending && <PageLoader />}
      {matrix.error && <FormAlert message={errorText(matrix.error)} />}
      {matrix.data && matrix.data.levels.length === 0 && <Text>{t('portal:escalation.empty')}</Text>}
      <Stack
        gap="md"
        component="ol"
        style={{ listStyle: 'none', padding: 0, margin: 0 }}
        data-testid="escalation-levels"
      >
        {matrix.data?.levels.map((level) => (
          <Card key={level.level} withBorder padding="lg" component="li">
            <Group gap="sm" mb="xs">
              <Badge size="lg" radius="sm" style={{ textTransform: 'none' }}>
                {t('portal:escalation.level', { level: level.level })}
              </Badge>
              <Title order={2} size="h4">
                {level.role}
              </Title>
            </Group>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <div>
                <Text size="sm" fw={600}>
                  {t('portal:escalation.when')}
                </Text>
                <Text size="sm">{level.whenToUse}</Text>
              </div>
              <div>
                <Text size="sm" fw={600}>
                  {t('portal:escalation.contact')}
                </Text>
                <Text size="sm">{level.contactName}</Text>
                {level.email && (
                  <Anchor href={`mailto:${level.email}`} size="sm" display="block">
                    {level.email}
                  </Anchor>
                )}
                {level.phone && (
                  <Anchor href={`tel:${level.phone.replace(/\s/g, '')}`} size="sm" display="block">
                    {level.phone}
                  </Anchor>
                )}
              </div>
            </SimpleGrid>
          </Card>
        ))}
      </Stack>
      {matrix.data?.updatedAt && (
        <Text size="sm" c="dimmed">
          {t('portal:escalation.updated', { date: format(matrix.data.updatedAt, false) })}
        </Text>
      )}
    </Stack>
  );
}
