import { Anchor, Button, Paper, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { setPasswordBody } from '../../../src/http/schemas/accounts';
import { checkPasswordToken, setPassword } from '../api/accounts';
import { ApiError } from '../api/client';
import { FormAlert } from '../components/FormAlert';
import { PageLoader } from '../components/guards';
import { PasswordField } from '../components/PasswordField';
import { applyApiError, schemaValidator } from '../forms/validation';
import { usePageTitle } from './usePageTitle';

export default function SetPasswordPage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const status = useQuery({
    queryKey: ['password-token', token],
    queryFn: () => checkPasswordToken(token),
    enabled: token !== '',
    staleTime: Number.POSITIVE_INFINITY,
  });
  const [expired, setExpired] = useState(false);

  if (token !== '' && status.isPending) return <PageLoader />;
  if (status.error) return <FormAlert message={status.error.message} />;
  if (token === '' || expired || !status.data?.valid) return <ExpiredLink />;
  return (
    <PasswordForm
      token={token}
      reset={status.data.purpose === 'reset_password'}
      onExpired={() => setExpired(true)}
    />
  );
}

function ExpiredLink() {
  const { t } = useTranslation();
  usePageTitle(t('setPassword.expiredTitle'));
  return (
    <Stack gap="md">
      <Title order={1}>{t('setPassword.expiredTitle')}</Title>
      <Text>{t('setPassword.expiredText')}</Text>
      <Anchor component={Link} to="/forgot-password">
        {t('setPassword.askNewLink')}
      </Anchor>
    </Stack>
  );
}

function PasswordForm({ token, reset, onExpired }: { token: string; reset: boolean; onExpired: () => void }) {
  const { t } = useTranslation();
  const title = t(reset ? 'setPassword.resetTitle' : 'setPassword.title');
  usePageTitle(title);
  const navigate = useNavigate();
  const [failure, setFailure] = useState<string | null>(null);
  const validateBody = schemaValidator(setPasswordBody, t);
  const form = useForm({
    initialValues: { password: '', confirmation: '' },
    validate: (values) => {
      const errors = validateBody({ token, password: values.password });
      if (!errors.password && values.confirmation !== values.password) {
        errors.confirmation = t('setPassword.mismatch');
      }
      return errors;
    },
  });

  const submit = form.onSubmit(async ({ password }) => {
    setFailure(null);
    try {
      await setPassword(token, password);
      await navigate('/login?passwordSet=1', { replace: true });
    } catch (error) {
      if (error instanceof ApiError && error.code === 'token_invalid') return onExpired();
      setFailure(applyApiError(error, form.setFieldError, ['password']));
    }
  });

  return (
    <Stack gap="lg">
      <Title order={1}>{title}</Title>
      <Text>{t('setPassword.intro')}</Text>
      <Paper withBorder p="lg" radius="md">
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <FormAlert message={failure} />
            <PasswordField
              label={t('fields.newPassword')}
              description={t('setPassword.rule')}
              autoComplete="new-password"
              required
              {...form.getInputProps('password')}
            />
            <PasswordField
              label={t('fields.passwordConfirmation')}
              autoComplete="new-password"
              required
              {...form.getInputProps('confirmation')}
            />
            <Button type="submit" loading={form.submitting} fullWidth>
              {t('setPassword.submit')}
            </Button>
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}
