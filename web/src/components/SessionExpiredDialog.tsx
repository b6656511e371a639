import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { loginBody } from '../../../src/http/schemas/session';
import { login, useSessionCache } from '../api/session';
import { giveUpWaiting, sessionRestored } from '../api/session-expiry';
import { abandonSignIn, type SecondFactorStep, type SignedIn, verifySecondFactor } from '../api/two-factor';
import { applyApiError, schemaValidator } from '../forms/validation';
import { FormAlert } from './FormAlert';
import { PasswordField } from './PasswordField';
import { PasskeyButton } from './two-factor/Passkeys';
import { CodeForm } from './two-factor/TotpSetup';

/**
 * Asks for the password when the session has ended, without leaving the page: what was typed
 * stays, and the action that met the end of the session goes through once signed in again.
 * Dismissing it leaves the page signed out (the header says so and offers to sign in). An account
 * with two-step sign-in gives its code or passkey here too; staff who must first set one up are
 * sent to the sign-in page for it.
 */
export function SessionExpiredDialog({
  opened,
  email,
  onDismiss,
}: {
  opened: boolean;
  email: string;
  onDismiss: () => void;
}) {
  const { t } = useTranslation();
  const cache = useSessionCache();
  const client = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);
  const [secondStep, setSecondStep] = useState<SecondFactorStep | null>(null);
  const form = useForm({
    initialValues: { email, password: '' },
    validate: schemaValidator(loginBody, t),
  });

  const submit = form.onSubmit(async (values) => {
    setFailure(null);
    try {
      const session = await login(values);
      form.setFieldValue('password', '');
      if (session.secondFactor?.purpose === 'enrol') {
        const here = `${window.location.pathname}${window.location.search}`;
        window.location.assign(`/login/second-factor?next=${encodeURIComponent(here)}`);
        return;
      }
      if (session.secondFactor) {
        setSecondStep(session.secondFactor);
        return;
      }
      await restored(session);
    } catch (error) {
      form.setFieldValue('password', '');
      setFailure(applyApiError(error, form.setFieldError, ['email', 'password']));
    }
  });

  const restored = async (session: SignedIn | Parameters<typeof cache.set>[0]) => {
    cache.set({ user: session.user, language: session.language });
    setSecondStep(null);
    sessionRestored();
    await client.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'session' });
  };

  const dismiss = () => {
    if (secondStep) void abandonSignIn().catch(() => {});
    setSecondStep(null);
    giveUpWaiting();
    onDismiss();
  };

  return (
    <Modal
      opened={opened}
      onClose={dismiss}
      closeOnClickOutside={false}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      title={t('sessionExpired.title')}
      data-testid="session-expired-dialog"
    >
      {secondStep ? (
        <Stack gap="md" data-testid="session-expired-second-step">
          {secondStep.methods.includes('passkey') && (
            <PasskeyButton onSignedIn={(signedIn) => void restored(signedIn)} />
          )}
          <Text size="sm">
            {secondStep.methods.includes('totp')
              ? t('twoFactor.signInHelp')
              : t('twoFactor.signInHelpRecovery')}
          </Text>
          <CodeForm
            label={t('twoFactor.code')}
            submitLabel={t('twoFactor.verify')}
            onSubmit={async (code) => restored(await verifySecondFactor(code))}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={dismiss}>
              {t('sessionExpired.later')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <Text size="sm">{t('sessionExpired.text')}</Text>
            <FormAlert message={failure} />
            <TextInput
              label={t('fields.email')}
              type="email"
              autoComplete="username"
              readOnly
              {...form.getInputProps('email')}
            />
            <PasswordField
              label={t('fields.password')}
              autoComplete="current-password"
              required
              data-autofocus
              {...form.getInputProps('password')}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={dismiss}>
                {t('sessionExpired.later')}
              </Button>
              <Button type="submit" loading={form.submitting}>
                {t('login.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
