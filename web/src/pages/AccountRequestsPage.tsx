import { Alert, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../src/i18n/format';
import { type AccountRequest, pendingAccountRequests } from '../api/accounts';
import { PageLoader } from '../components/guards';
import { ApproveModal, RefuseModal } from './account-requests/modals';
import { usePageTitle } from './usePageTitle';

export const pendingKey = ['account-requests', 'pending'] as const;

/** Pending account requests, for staff (every company) and managers (their own). */
export default function AccountRequestsPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('accountRequests.title'));
  const list = useQuery({ queryKey: pendingKey, queryFn: pendingAccountRequests });
  const [approving, setApproving] = useState<AccountRequest | null>(null);
  const [refusing, setRefusing] = useState<AccountRequest | null>(null);

  return (
    <Stack gap="lg">
      <Title order={1}>{t('accountRequests.title')}</Title>
      {list.isPending && <PageLoader />}
      {list.error && (
        <Alert color="red" role="alert">
          {list.error.message}
        </Alert>
      )}
      {list.data?.items.length === 0 && <Text>{t('accountRequests.empty')}</Text>}
      <Stack gap="md" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {list.data?.items.map((request) => (
          <Card
            key={request.id}
            withBorder
            component="li"
            padding="lg"
            aria-labelledby={`request-${request.id}`}
          >
            <Stack gap="xs">
              <Title order={2} size="h4" id={`request-${request.id}`}>
                {request.name}
              </Title>
              <Text size="sm">
                <strong>{t('fields.email')}</strong> {request.email}
              </Text>
              {request.phone && (
                <Text size="sm">
                  <strong>{t('fields.phone')}</strong> {request.phone}
                </Text>
              )}
              <Text size="sm">
                <strong>{t('fields.companyName')}</strong> {request.companyName}
              </Text>
              {request.message && (
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  <strong>{t('fields.message')}</strong> {request.message}
                </Text>
              )}
              <Text size="sm" c="dimmed">
                {t('accountRequests.receivedAt', { date: formatDateTime(request.createdAt, i18n.language) })}
              </Text>
              <Group gap="sm" mt="xs">
                <Button
                  onClick={() => setApproving(request)}
                  aria-label={t('accountRequests.approveNamed', { name: request.name })}
                >
                  {t('accountRequests.approve')}
                </Button>
                <Button
                  variant="outline"
                  color="red.9"
                  onClick={() => setRefusing(request)}
                  aria-label={t('accountRequests.refuseNamed', { name: request.name })}
                >
                  {t('accountRequests.refuse')}
                </Button>
              </Group>
            </Stack>
          </Card>
        ))}
      </Stack>
      {approving && <ApproveModal request={approving} onClose={() => setApproving(null)} />}
      {refusing && <RefuseModal request={refusing} onClose={() => setRefusing(null)} />}
    </Stack>
  );
}
