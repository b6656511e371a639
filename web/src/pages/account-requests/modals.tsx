import { Button, Checkbox, Group, Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type AccountRequest, approveAccountRequest, refuseAccountRequest } from '../../api/accounts';
import { ApiError } from '../../api/client';
import { allCompanies } from '../../api/companies';
import { isStaff, useMe } from '../../api/session';
import { FormAlert } from '../../components/FormAlert';
import { notify } from '../../components/notify';

const messageOf = (error: unknown) => (error instanceof ApiError ? error.message : String(error));

function useRefreshList() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: ['account-requests'] });
}

/** Approve: staff choose the company (suggested from the address's domain); managers add to theirs. */
export function ApproveModal({ request, onClose }: { request: AccountRequest; onClose: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const staff = isStaff(me);
  const refresh = useRefreshList();
  const companies = useQuery({
    queryKey: ['companies', 'all'],
    queryFn: () => allCompanies(),
    enabled: staff,
  });
  const [companyId, setCompanyId] = useState<string | null>(
    staff ? request.suggestedCompanyId : me.companyId,
  );
  const [isManager, setIsManager] = useState(false);
  const [companyError, setCompanyError] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const confirm = async () => {
    setFailure(null);
    if (!companyId) {
      setCompanyError(t('validation.required'));
      return;
    }
    setBusy(true);
    try {
      await approveAccountRequest(request.id, staff ? { companyId, isManager } : { companyId });
      notify({ color: 'green', message: t('accountRequests.approved', { name: request.name }) });
      await refresh();
      onClose();
    } catch (error) {
      const fieldMessage =
        error instanceof ApiError ? error.fields.find((f) => f.path === 'companyId') : undefined;
      if (fieldMessage) setCompanyError(fieldMessage.message);
      else setFailure(messageOf(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      opened
      onClose={onClose}
      title={t('accountRequests.approveTitle', { name: request.name })}
      centered
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack gap="md">
        <FormAlert message={failure ?? (companies.error ? messageOf(companies.error) : null)} />
        <Text size="sm">{t('accountRequests.approveText', { email: request.email })}</Text>
        {staff ? (
          <>
            <Select
              label={t('fields.company')}
              description={t('accountRequests.companyHint', { company: request.companyName })}
              data={(companies.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
              value={companyId}
              onChange={(value) => {
                setCompanyId(value);
                setCompanyError(null);
              }}
              searchable
              required
              nothingFoundMessage={t('common.nothingFound')}
              disabled={companies.isPending}
              error={companyError}
              comboboxProps={{ withinPortal: true }}
            />
            <Checkbox
              label={t('accountRequests.makeManager')}
              checked={isManager}
              onChange={(event) => setIsManager(event.currentTarget.checked)}
            />
          </>
        ) : (
          <Text size="sm">{t('accountRequests.joinsYourCompany')}</Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={() => void confirm()} loading={busy}>
            {t('accountRequests.confirmApprove')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** Refuse, after a confirmation; the reason is optional and goes into the mail to the person. */
export function RefuseModal({ request, onClose }: { request: AccountRequest; onClose: () => void }) {
  const { t } = useTranslation();
  const refresh = useRefreshList();
  const [reason, setReason] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const confirm = async () => {
    setFailure(null);
    setBusy(true);
    try {
      await refuseAccountRequest(request.id, { reason: reason.trim() || null });
      notify({ color: 'green', message: t('accountRequests.refused', { name: request.name }) });
      await refresh();
      onClose();
    } catch (error) {
      setFailure(messageOf(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      opened
      onClose={onClose}
      title={t('accountRequests.refuseTitle', { name: request.name })}
      centered
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack gap="md">
        <FormAlert message={failure} />
        <Text size="sm">{t('accountRequests.refuseText')}</Text>
        <Textarea
          label={t('accountRequests.reason')}
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          autosize
          minRows={2}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button color="red.9" onClick={() => void confirm()} loading={busy}>
            {t('accountRequests.confirmRefuse')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
