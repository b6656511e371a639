import { Button, Code, Group, Image, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TotpEnrolment } from '../../api/two-factor';
import { FormAlert } from '../FormAlert';

/**
 * Setting up an authenticator app: the QR code and its key, then the first code to prove the app
 * holds it. Used from the profile and at sign-in when staff must enrol.
 */
export function TotpSetup({
  enrolment,
  confirm,
}: {
  enrolment: TotpEnrolment;
  confirm: (code: string) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setFailure(null);
    setBusy(true);
    try {
      await confirm(code);
    } catch (error) {
      setCode('');
      setFailure(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Text>{t('twoFactor.scan')}</Text>
        <Image
          src={`data:image/svg+xml;utf8,${encodeURIComponent(enrolment.qrSvg)}`}
          alt={t('twoFactor.qrAlt')}
          w={200}
          h={200}
          data-testid="totp-qr"
        />
        <Text size="sm">{t('twoFactor.secretLabel')}</Text>
        <Code block data-testid="totp-secret">
          {enrolment.secret.replace(/(.{4})(?!$)/g, '$1 ')}
        </Code>
        <FormAlert message={failure} />
        <TextInput
          label={t('twoFactor.appCode')}
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          required
          value={code}
          onChange={(event) => setCode(event.currentTarget.value)}
          w={220}
        />
        <Group>
          <Button type="submit" loading={busy}>
            {t('twoFactor.confirm')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The ten recovery codes, shown once, until the person says they kept them. */
export function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm" role="region" aria-labelledby="recovery-codes-title">
      <Text fw={700} id="recovery-codes-title">
        {t('twoFactor.recoveryTitle')}
      </Text>
      <Text size="sm">{t('twoFactor.recoveryHelp')}</Text>
      <Code block data-testid="recovery-codes">
        {codes.join('\n')}
      </Code>
      <Group>
        <Button onClick={onDone}>{t('twoFactor.recoveryDone')}</Button>
      </Group>
    </Stack>
  );
}

/** A one-field form for a code that proves the person holds their factor. */
export function CodeForm({
  label,
  submitLabel,
  onSubmit,
  color,
}: {
  label: string;
  submitLabel: string;
  onSubmit: (code: string) => Promise<void>;
  color?: string;
}) {
  const [code, setCode] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setFailure(null);
    setBusy(true);
    try {
      await onSubmit(code);
      setCode('');
    } catch (error) {
      setCode('');
      setFailure(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <FormAlert message={failure} />
        <TextInput
          label={label}
          autoComplete="one-time-code"
          required
          value={code}
          onChange={(event) => setCode(event.currentTarget.value)}
          w={260}
        />
        <Group>
          <Button type="submit" loading={busy} color={color}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
