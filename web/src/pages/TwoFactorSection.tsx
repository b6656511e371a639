import { Alert, Button, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addPasskey, removePasskey, renamePasskey } from '../api/passkeys';
import {
  confirmTotp,
  disableTotp,
  fetchTwoFactor,
  renewRecoveryCodes,
  startTotp,
  type TotpEnrolment,
  twoFactorKey,
} from '../api/two-factor';
import { FormAlert } from '../components/FormAlert';
import { PageLoader } from '../components/guards';
import { notify } from '../components/notify';
import { PasskeyList } from '../components/two-factor/Passkeys';
import { CodeForm, RecoveryCodes, TotpSetup } from '../components/two-factor/TotpSetup';

/** The profile's two-step sign-in: set the app up or off, passkeys, recovery codes. */
export function TwoFactorSection() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const status = useQuery({ queryKey: twoFactorKey, queryFn: fetchTwoFactor });
  const [enrolment, setEnrolment] = useState<TotpEnrolment | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const refresh = () => client.invalidateQueries({ queryKey: twoFactorKey });

  const body = () => {
    if (!status.data) return <PageLoader />;
    if (codes) return <RecoveryCodes codes={codes} onDone={() => setCodes(null)} />;
    if (enrolment) {
      return (
        <TotpSetup
          enrolment={enrolment}
          confirm={async (code) => {
            const { recoveryCodes } = await confirmTotp(code);
            setEnrolment(null);
            notify({ color: 'green', message: t('twoFactor.enabled') });
            if (recoveryCodes.length > 0) setCodes(recoveryCodes);
            await refresh();
          }}
        />
      );
    }
    const { totp, recoveryCodesLeft, required } = status.data;
    return (
      <Stack gap="md">
        <Text>{t('twoFactor.intro')}</Text>
        {required && <Alert color="blue">{t('twoFactor.required')}</Alert>}
        <Text fw={600} data-testid="totp-state">
          {totp ? t('twoFactor.appOn') : t('twoFactor.appOff')}
        </Text>
        {totp || status.data.passkeys.length > 0 ? (
          <Text size="sm">{t('twoFactor.recoveryLeft', { count: recoveryCodesLeft })}</Text>
        ) : null}
        <FormAlert message={failure} />
        {!totp && (
          <div>
            <Button
              onClick={() => {
                setFailure(null);
                startTotp().then(setEnrolment, (error: Error) => setFailure(error.message));
              }}
            >
              {t('twoFactor.setUp')}
            </Button>
          </div>
        )}
        {(totp || status.data.passkeys.length > 0) && (
          <div>
            <Title order={3} size="h4">
              {t('twoFactor.renewCodes')}
            </Title>
            <CodeForm
              label={t('twoFactor.proveCode')}
              submitLabel={t('twoFactor.renewCodes')}
              onSubmit={async (code) => {
                setCodes((await renewRecoveryCodes(code)).recoveryCodes);
                await refresh();
              }}
            />
          </div>
        )}
        {totp && (
          <div>
            <Title order={3} size="h4">
              {t('twoFactor.turnOff')}
            </Title>
            <CodeForm
              label={t('twoFactor.proveCode')}
              submitLabel={t('twoFactor.turnOff')}
              color="red"
              onSubmit={async (code) => {
                await disableTotp(code);
                notify({ color: 'green', message: t('twoFactor.turnedOff') });
                await refresh();
              }}
            />
          </div>
        )}
        <PasskeyList
          passkeys={status.data.passkeys}
          onAdd={async (name) => {
            const { recoveryCodes } = await addPasskey(name);
            notify({ color: 'green', message: t('twoFactor.passkeyAdded') });
            if (recoveryCodes.length > 0) setCodes(recoveryCodes);
            await refresh();
          }}
          onRename={async (key, name) => {
            await renamePasskey(key.id, name);
            await refresh();
          }}
          onRemove={async (key) => {
            await removePasskey(key.id);
            notify({ color: 'green', message: t('twoFactor.passkeyRemoved') });
            await refresh();
          }}
        />
      </Stack>
    );
  };

  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="profile-two-factor">
      <Stack gap="md">
        <Title order={2} size="h3" id="profile-two-factor">
          {t('twoFactor.title')}
        </Title>
        {status.error ? <FormAlert message={status.error.message} /> : body()}
      </Stack>
    </Paper>
  );
}
