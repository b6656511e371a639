import { Anchor, Button, Paper, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { accountRequestBody } from '../../../src/http/schemas/accounts';
import { requestAccount } from '../api/accounts';
import { FormAlert } from '../components/FormAlert';
import { applyApiError, schemaValidator } from '../forms/validation';
import { isLanguage } from '../i18n/language';
import { usePageTitle } from './usePageTitle';

const fields = ['name', 'email', 'phone', 'companyName', 'message'] as const;

export default function RequestAccountPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('requestAccount.title'));
  const [failure, setFailure] = useState<string | null>(null);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const form = useForm({
    initialValues: { name: '', email: '', phone: '', companyName: '', message: '' },
    validate: schemaValidator(accountRequestBody, t),
    validateInputOnBlur: true,
  });

  const submit = form.onSubmit(async (values) => {
    setFailure(null);
    try {
      await requestAccount({ ...values, language: isLanguage(i18n.language) ? i18n.language : undefined });
      setSentTo(values.email);
    } catch (error) {
      setFailure(applyApiError(error, form.setFieldError, fields));
    }
  });

  if (sentTo) {
    return (
      <Stack gap="md">
        <Title order={1}>{t('requestAccount.sentTitle')}</Title>
        <Text>{t('requestAccount.sentText', { email: sentTo })}</Text>
        <Anchor component={Link} to="/login">
          {t('common.backToLogin')}
        </Anchor>
      </Stack>
    );
  }

  return (
    <Stack gap="lg">
      <Title order={1}>{t('requestAccount.title')}</Title>
      <Text>{t('requestAccount.intro')}</Text>
      <Paper withBorder p="lg" radius="md">
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <FormAlert message={failure} />
            <TextInput
              label={t('fields.name')}
              autoComplete="name"
              required
              {...form.getInputProps('name')}
            />
            <TextInput
              label={t('fields.email')}
              description={t('requestAccount.emailHint')}
              type="email"
              autoComplete="email"
              required
              {...form.getInputProps('email')}
            />
            <TextInput
              label={t('fields.phone')}
              type="tel"
              autoComplete="tel"
              {...form.getInputProps('phone')}
            />
            <TextInput
              label={t('fields.companyName')}
              autoComplete="organization"
              required
              {...form.getInputProps('companyName')}
            />
            <Textarea label={t('fields.message')} autosize minRows={3} {...form.getInputProps('message')} />
            <Button type="submit" loading={form.submitting} fullWidth>
              {t('requestAccount.submit')}
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
