import { Button, Paper, Radio, Stack, Switch, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { STAFF_NOTICE_KINDS } from '../../../src/http/schemas/notifications';
import { ApiError } from '../api/client';
import {
  fetchNotificationPrefs,
  type NotificationPrefs,
  notificationPrefsKey,
  saveNotificationPrefs,
} from '../api/notifications';
import { FormAlert } from '../components/FormAlert';
import { notify } from '../components/notify';

const kindKeys = {
  customer_reply: 'notificationPrefs.kind.customerReply',
  assigned: 'notificationPrefs.kind.assigned',
  mention: 'notificationPrefs.kind.mention',
  transferred: 'notificationPrefs.kind.transferred',
  sla_warning: 'notificationPrefs.kind.slaWarning',
} as const;

/**
 * How I hear of things. Staff: every notice is in the bell; each kind may also come by mail, or
 * all of them in one digest a day. Customers: every status change by mail, or only when the
 * request waits for them and when it is closed.
 */
export function NotificationPrefsForm({ staff }: { staff: boolean }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const stored = useQuery({ queryKey: notificationPrefsKey, queryFn: fetchNotificationPrefs });
  const [prefs, setPrefs] = useState<NotificationPrefs | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    if (stored.data) setPrefs(stored.data);
  }, [stored.data]);

  const save = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!prefs) return;
    setFailure(null);
    setSaving(true);
    try {
      client.setQueryData(notificationPrefsKey, await saveNotificationPrefs(prefs));
      notify({ color: 'green', message: t('notificationPrefs.saved') });
    } catch (error) {
      setFailure(error instanceof ApiError ? error.message : String(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Paper
      withBorder
      p="lg"
      radius="md"
      component="section"
      aria-labelledby="notification-prefs"
      id="notifications"
    >
      <form onSubmit={(e) => void save(e)} noValidate>
        <Stack gap="md">
          <Title order={2} size="h3" id="notification-prefs">
            {t('notificationPrefs.title')}
          </Title>
          <FormAlert message={failure ?? stored.error?.message ?? null} />
          {prefs && staff && (
            <>
              <Text size="sm">{t('notificationPrefs.staffIntro')}</Text>
              <Stack gap="xs" role="group" aria-label={t('notificationPrefs.mailPerKind')}>
                {STAFF_NOTICE_KINDS.map((kind) => (
                  <Switch
                    key={kind}
                    label={t(kindKeys[kind])}
                    checked={prefs.mail[kind]}
                    disabled={prefs.digest}
                    onChange={(e) => {
                      const checked = e.currentTarget.checked;
                      setPrefs((p) => (p ? { ...p, mail: { ...p.mail, [kind]: checked } } : p));
                    }}
                  />
                ))}
              </Stack>
              <Switch
                label={t('notificationPrefs.digest')}
                description={t('notificationPrefs.digestHint')}
                checked={prefs.digest}
                onChange={(e) => {
                  const checked = e.currentTarget.checked;
                  setPrefs((p) => (p ? { ...p, digest: checked } : p));
                }}
              />
            </>
          )}
          {prefs && !staff && (
            <Radio.Group
              label={t('notificationPrefs.statusMails')}
              value={prefs.statusMails}
              onChange={(value) =>
                setPrefs((p) =>
                  p ? { ...p, statusMails: value === 'waiting_and_closed' ? value : 'every_change' } : p,
                )
              }
            >
              <Stack gap="xs" mt="xs">
                <Radio value="every_change" label={t('notificationPrefs.everyChange')} />
                <Radio value="waiting_and_closed" label={t('notificationPrefs.waitingAndClosed')} />
              </Stack>
            </Radio.Group>
          )}
          <Button type="submit" loading={saving} disabled={!prefs} style={{ alignSelf: 'flex-start' }}>
            {t('notificationPrefs.save')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
