import { Anchor, Button, Card, Group, Paper, Radio, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatMinutes } from '../../api/flex';
import { useMe } from '../../api/session';
import { listTickets, ticketKeys, waitingForCustomer } from '../../api/tickets';
import { TicketTable } from '../../components/TicketTable';
import { CommitmentsLink } from '../commitments/CommitmentsLink';
import { useCommitmentsT } from '../commitments/i18n';
import StaffHome from '../HomePage';
import { usePageTitle } from '../usePageTitle';
import { ContractNotice } from './ContractNotice';
import { useErrorText, useRequestTypes } from './shared';
import { usePortalTicketColumns } from './ticket-columns';

/** Customers land on the two desks and what waits for them; staff keep their own home. */
export default function PortalHome() {
  const me = useMe();
  if (me.role !== 'customer') return <StaffHome />;
  return <CustomerHome />;
}

function CustomerHome() {
  const { t } = useTranslation();
  const { ct } = useCommitmentsT();
  const me = useMe();
  usePageTitle(t('nav.home'));
  const catalogue = useRequestTypes();
  const balance = catalogue.data?.flexBalanceMinutes ?? null;
  return (
    <Stack gap="xl">
      <Stack gap="xs">
        <Title order={1}>{t('home.welcome', { name: me.name })}</Title>
        <Text>{t('portal:home.intro')}</Text>
      </Stack>
      <ContractNotice desk="home" />
      <WaitingForYou />
      <Desks />
      <DeskQuestion />
      <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
        <Card withBorder padding="lg">
          <Anchor component={Link} to="/escalation" fw={600}>
            {t('portal:escalation.title')}
          </Anchor>
          <Text size="sm" mt="xs">
            {t('portal:home.escalationHint')}
          </Text>
        </Card>
        <Card withBorder padding="lg">
          <CommitmentsLink size="md" />
          <Text size="sm" mt="xs">
            {ct('linkHint')}
          </Text>
        </Card>
        {me.isManager && (
          <Card withBorder padding="lg">
            <Anchor component={Link} to="/sla-report" fw={600} data-testid="sla-report-link">
              {ct('report.link')}
            </Anchor>
            <Text size="sm" mt="xs">
              {ct('report.linkHint')}
            </Text>
          </Card>
        )}
        <Card withBorder padding="lg">
          <Anchor component={Link} to="/help" fw={600}>
            {t('portal:help.title')}
          </Anchor>
          <Text size="sm" mt="xs">
            {t('portal:home.helpHint')}
          </Text>
        </Card>
        {balance !== null && (
          <Card withBorder padding="lg">
            <Anchor component={Link} to="/flex" fw={600}>
              {t('portal:flex.title')}
            </Anchor>
            <Text size="sm" mt="xs">
              {t('portal:home.flexHint', { balance: formatMinutes(balance) })}
            </Text>
          </Card>
        )}
      </SimpleGrid>
    </Stack>
  );
}

function Desks() {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="desks-title">
      <Title order={2} size="h3" id="desks-title" mb="sm">
        {t('portal:home.desksTitle')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Paper withBorder p="lg" radius="md" data-testid="desk-support">
          <Stack gap="sm">
            <Title order={3} size="h4">
              {t('portal:desk.support')}
            </Title>
            <Text size="sm">{t('portal:home.supportGuide')}</Text>
            <Text size="sm" c="dimmed">
              {t('portal:home.supportExamples')}
            </Text>
            <Button component={Link} to="/tickets/new" style={{ alignSelf: 'flex-start' }}>
              {t('portal:home.newSupport')}
            </Button>
          </Stack>
        </Paper>
        <Paper withBorder p="lg" radius="md" data-testid="desk-consulting">
          <Stack gap="sm">
            <Title order={3} size="h4">
              {t('portal:desk.consulting')}
            </Title>
            <Text size="sm">{t('portal:home.consultingGuide')}</Text>
            <Text size="sm" c="dimmed">
              {t('portal:home.consultingExamples')}
            </Text>
            <Button component={Link} to="/requests/new" variant="outline" style={{ alignSelf: 'flex-start' }}>
              {t('portal:home.newConsulting')}
            </Button>
          </Stack>
        </Paper>
      </SimpleGrid>
    </section>
  );
}

/** One question points to the right desk. */
function DeskQuestion() {
  const { t } = useTranslation();
  const [project, setProject] = useState<string | null>(null);
  const [standard, setStandard] = useState<string | null>(null);
  const answer = project === 'yes' ? 'consulting' : project === 'no' && standard !== null ? 'support' : null;
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="desk-question-title">
      <Stack gap="md">
        <Title order={2} size="h3" id="desk-question-title">
          {t('portal:home.questionTitle')}
        </Title>
        <Radio.Group label={t('portal:home.questionProject')} value={project} onChange={setProject}>
          <Group mt="xs">
            <Radio value="yes" label={t('portal:common.yes')} />
            <Radio value="no" label={t('portal:common.no')} />
          </Group>
        </Radio.Group>
        {project === 'no' && (
          <Radio.Group label={t('portal:home.questionStandard')} value={standard} onChange={setStandard}>
            <Group mt="xs">
              <Radio value="malfunction" label={t('portal:home.answerMalfunction')} />
              <Radio value="evolution" label={t('portal:home.answerEvolution')} />
            </Group>
          </Radio.Group>
        )}
        <div aria-live="polite">
          {answer === 'consulting' && (
            <Group gap="sm">
              <Text fw={500}>{t('portal:home.pointConsulting')}</Text>
              <Anchor component={Link} to="/requests/new">
                {t('portal:home.newConsulting')}
              </Anchor>
            </Group>
          )}
          {answer === 'support' && (
            <Group gap="sm">
              <Text fw={500}>
                {standard === 'evolution' ? t('portal:home.pointEvolution') : t('portal:home.pointSupport')}
              </Text>
              <Anchor component={Link} to="/tickets/new">
                {t('portal:home.newSupport')}
              </Anchor>
            </Group>
          )}
        </div>
      </Stack>
    </Paper>
  );
}

/** The company's open tickets that wait for the customer, first thing on the page. */
function WaitingForYou() {
  const { t } = useTranslation();
  const columns = usePortalTicketColumns({ full: false });
  const errorText = useErrorText();
  const waiting = useQuery({
    queryKey: ticketKeys.list(waitingForCustomer),
    queryFn: () => listTickets(waitingForCustomer),
  });
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="waiting-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="waiting-title">
          {t('portal:home.waitingTitle')}
        </Title>
        {waiting.error && <Text c="red.8">{errorText(waiting.error)}</Text>}
        {waiting.data && waiting.data.items.length === 0 && <Text>{t('portal:home.waitingNone')}</Text>}
        {waiting.data && waiting.data.items.length > 0 && (
          <>
            <Text size="sm">{t('portal:home.waitingIntro')}</Text>
            <TicketTable
              items={waiting.data.items}
              columns={columns}
              caption={t('portal:tickets.caption', { count: waiting.data.items.length })}
              tableTestId="waiting-tickets"
              cardsTestId="waiting-tickets"
              minWidth={480}
              striped={false}
            />
          </>
        )}
      </Stack>
    </Paper>
  );
}
