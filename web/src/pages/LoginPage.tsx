import { Anchor, Button, Group, Paper, Stack, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { z } from 'zod';
import { login, useSessionCache } from '../api/session';
import { FormAlert } from '../components/FormAlert';
import { PasswordField } from '../components/PasswordField';
import { applyApiError, schemaValidator } from '../forms/validation';
import { applyLanguage } from '../i18n/index';
import { SsoSignIn } from './SsoSignIn';
import { usePageTitle } from './usePageTitle';

// The form's rules are the API's own schema; zod comes with them, once the form is first touched,
// rather than with the first page everyone loads. The server checks the same rules in any case.
const loadRules = () => import('../../../src/http/schemas/session').then((m) => m.loginBody);

/** A `next` address from the query string, kept only when it stays inside the portal. */
function safeNext(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export default function LoginPage() {
  const { t } = useTranslation();
  usePageTitle(t('login.title'));
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const cache = useSessionCache();
  const [failure, setFailure] = useState<string | null>(null);
  const rules = useRef<z.ZodType | null>(null);
  const form = useForm({
    initialValues: { email: '', password: '' },
    validate: (values) => (rules.current ? schemaValidator(rules.current, t)(values) : {}),
    validateInputOnBlur: true,
  });
  const withRules = async () => {
    rules.current ??= await loadRules();
  };

  const send = form.onSubmit(async (values) => {
    setFailure(null);
    try {
      const session = await login(values);
      if (session.secondFactor) {
        const next = params.get('next');
        await navigate(`/login/second-factor${next ? `?next=${encodeURIComponent(next)}` : ''}`);
        return;
      }
      cache.set(session);
      if (session.user) applyLanguage(session.user.language);
      await navigate(safeNext(params.get('next')), { replace: true });
    } catch (error) {
      form.setFieldValue('password', '');
      setFailure(applyApiError(error, form.setFieldError, ['email', 'password']));
    }
  });

  // The WebAuthn code comes with the click, not with the page everyone loads.
  const withPasskey = async () => {
    setFailure(null);
    const passkeys = await import('../api/passkeys');
    try {
      const signedIn = await passkeys.signInWithPasskeyAlone();
      cache.set({ user: signedIn.user, language: signedIn.language });
      applyLanguage(signedIn.user.language);
      await navigate(safeNext(params.get('next')), { replace: true });
    } catch (error) {
      setFailure(
        error instanceof passkeys.PasskeyCeremonyError
          ? t('twoFactor.passkeyCancelled')
          : error instanceof Error
            ? error.message
            : String(error),
      );
    }
  };

  return (
    <Stack gap="lg">
      <Title order={1}>{t('login.title')}</Title>
      {params.get('passwordSet') === '1' && <FormAlert color="green" message={t('login.passwordSet')} />}
      <SsoSignIn next={safeNext(params.get('next'))} />
      <Paper withBorder p="lg" radius="md">
        <form
          onFocus={() => void withRules()}
          onSubmit={(event) => {
            event.preventDefault();
            // Without the rules (their download failed), the server's answer still names any fault.
            void withRules().then(
              () => send(),
              () => send(),
            );
          }}
          noValidate
        >
          <Stack gap="md">
            <FormAlert message={failure} />
            <TextInput
              label={t('fields.email')}
              type="email"
              autoComplete="username"
              required
              {...form.getInputProps('email')}
            />
            <PasswordField
              label={t('fields.password')}
              autoComplete="current-password"
              required
              {...form.getInputProps('password')}
            />
            <Button type="submit" loading={form.submitting} fullWidth>
              {t('login.submit')}
            </Button>
            <Button variant="default" fullWidth onClick={() => void withPasskey()}>
              {t('twoFactor.usePasskey')}
            </Button>
          </Stack>
        </form>
      </Paper>
      <Group justify="space-between">
        <Anchor component={Link} to="/forgot-password">
          {t('login.forgot')}
        </Anchor>
        <Anchor component={Link} to="/request-account">
          {t('login.requestAccount')}
        </Anchor>
      </Group>
    </Stack>
  );
}
