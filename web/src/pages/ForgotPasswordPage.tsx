import { Anchor, Button, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { forgotPasswordBody } from '../../../src/http/schemas/accounts';
import { forgotPassword } from '../api/accounts';
import { FormAlert } from '../components/FormAlert';
import { applyApiError, schemaValidator } from '../forms/validation';
import { usePageTitle } from './usePageTitle';

export default function ForgotPasswordPage() {
  const { t } = useTranslation();
  usePageTitle(t('forgotPassword.title'));
  const [failure, setFailure] = useState<string | null>(null);
  const [sent, setSent] = useState(false);
  const form = useForm({
    initialValues: { email: '' },
    validate: schemaValidator(forgotPasswordBody, t),
    validateInputOnBlur: true,
  });

  const submit = form.onSubmit(async ({ email }) => {
    setFailure(null);
    try {
      await forgotPassword(email);
      setSent(true);
    } catch (error) {
      setFailure(applyApiError(error, form.setFieldError, ['email']));
    }
  });

  if (sent) {
    // The same words whether or not the address has an account: nobody learns who is a customer.
    return (
      <Stack gap="md">
        <Title order={1}>{t('forgotPassword.sentTitle')}</Title>
        <Text>{t('forgotPassword.sentText')}</Text>
        <Anchor component={Link} to="/login">
          {t('common.backToLogin')}
        </Anchor>
      </Stack>
    );
  }

  return (
    <Stack gap="lg">
      <Title order={1}>{t('forgotPassword.title')}</Title>
      <Text>{t('forgotPassword.intro')}</Text>
      <Paper withBorder p="lg" radius="md">
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <FormAlert message={failure} />
            <TextInput
              label={t('fields.email')}
              type="email"
              autoComplete="email"
              required
              {...form.getInputProps('email')}
            />
            <Button type="submit" loading={form.submitting} fullWidth>
              {t('forgotPassword.submit')}
            </Button>
          </Stack>
        </form>
      </Paper>
      <Anchor component={Link} to="/login">
        {t('common.backToLogin')}
      </Anchor>
    </Stack>
  );
}
