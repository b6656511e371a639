import { Anchor, Button, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { enrolPasskeyAtSignIn } from '../api/passkeys';
import { useSessionCache } from '../api/session';
import {
  confirmEnrolmentAtSignIn,
  fetchPendingSignIn,
  type SignedIn,
  startEnrolmentAtSignIn,
  type TotpEnrolment,
  verifySecondFactor,
} from '../api/two-factor';
import { FormAlert } from '../components/FormAlert';
import { PageLoader } from '../components/guards';
import { NewPasskeyForm, PasskeyButton } from '../components/two-factor/Passkeys';
import { CodeForm, RecoveryCodes, TotpSetup } from '../components/two-factor/TotpSetup';
import { applyLanguage } from '../i18n/index';
import { usePageTitle } from './usePageTitle';

const safeNext = (next: string | null) => (next?.startsWith('/') && !next.startsWith('//') ? next : '/');

/** After the right password: the code (or passkey), or for staff who must, setting up an app. */
export default function SecondFactorPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const cache = useSessionCache();
  const pending = useQuery({
    queryKey: ['pending-sign-in'],
    queryFn: fetchPendingSignIn,
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
  });
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const title = pending.data?.purpose === 'enrol' ? t('twoFactor.enrolTitle') : t('twoFactor.signInTitle');
  usePageTitle(title);

  const enter = async (signedIn: SignedIn) => {
    cache.set({ user: signedIn.user, language: signedIn.language });
    applyLanguage(signedIn.user.language);
    await navigate(safeNext(params.get('next')), { replace: true });
  };

  return (
    <Stack gap="lg">
      <Title order={1}>{title}</Title>
      {pending.isPending && <PageLoader />}
      {pending.error && (
        <Stack>
          <FormAlert message={pending.error.message} />
          <Anchor component={Link} to="/login">
            {t('twoFactor.startOver')}
          </Anchor>
        </Stack>
      )}
      {pending.data?.purpose === 'verify' && (
        <Paper withBorder p="lg" radius="md">
          <Stack gap="md">
            {pending.data.methods.includes('passkey') && (
              <PasskeyButton onSignedIn={(signedIn) => void enter(signedIn)} />
            )}
            <Text>
              {pending.data.methods.includes('totp')
                ? t('twoFactor.signInHelp')
                : t('twoFactor.signInHelpRecovery')}
            </Text>
            <CodeForm
              label={t('twoFactor.code')}
              submitLabel={t('twoFactor.verify')}
              onSubmit={async (code) => enter(await verifySecondFactor(code))}
            />
          </Stack>
        </Paper>
      )}
      {pending.data?.purpose === 'enrol' &&
        (recoveryCodes ? (
          <Paper withBorder p="lg" radius="md">
            <RecoveryCodes codes={recoveryCodes} onDone={() => void navigate(safeNext(params.get('next')))} />
          </Paper>
        ) : (
          <Paper withBorder p="lg" radius="md">
            <EnrolAtSignIn
              onSignedIn={(signedIn) => {
                cache.set({ user: signedIn.user, language: signedIn.language });
                applyLanguage(signedIn.user.language);
                setRecoveryCodes(signedIn.recoveryCodes ?? []);
              }}
            />
          </Paper>
        ))}
      {pending.data && (
        <Anchor component={Link} to="/login">
          {t('twoFactor.startOver')}
        </Anchor>
      )}
    </Stack>
  );
}

function EnrolAtSignIn({ onSignedIn }: { onSignedIn: (signedIn: SignedIn) => void }) {
  const { t } = useTranslation();
  const [enrolment, setEnrolment] = useState<TotpEnrolment | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  if (enrolment) {
    return (
      <TotpSetup
        enrolment={enrolment}
        confirm={async (code) => onSignedIn(await confirmEnrolmentAtSignIn(code))}
      />
    );
  }
  return (
    <Stack gap="md">
      <Text>{t('twoFactor.enrolHelp')}</Text>
      <FormAlert message={failure} />
      <Button
        onClick={() =>
          startEnrolmentAtSignIn().then(setEnrolment, (error: Error) => setFailure(error.message))
        }
      >
        {t('twoFactor.setUp')}
      </Button>
      <Text>{t('twoFactor.enrolPasskeyHelp')}</Text>
      <NewPasskeyForm onAdd={async (name) => onSignedIn(await enrolPasskeyAtSignIn(name))} />
    </Stack>
  );
}
