import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { loginBody } from '../../../src/http/schemas/session';
import { login, useSessionCache } from '../api/session';
import { giveUpWaiting, sessionRestored } from '../api/session-expiry';
import { applyApiError, schemaValidator } from '../forms/validation';
import { FormAlert } from './FormAlert';
import { PasswordField } from './PasswordField';

/**
 * Asks for the password when the session has ended, without leaving the page: what was typed
 * stays, and the action that met the end of the session goes through once signed in again.
 * Dismissing it leaves the page signed out (the header says so and offers to sign in).
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
  const form = useForm({
    initialValues: { email, password: '' },
    validate: schemaValidator(loginBody, t),
  });

  const submit = form.onSubmit(async (values) => {
    setFailure(null);
    try {
      const session = await login(values);
      cache.set(session);
      form.setFieldValue('password', '');
      sessionRestored();
      await client.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'session' });
    } catch (error) {
      form.setFieldValue('password', '');
      setFailure(applyApiError(error, form.setFieldError, ['email', 'password']));
    }
  });

  const dismiss = () => {
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
    </Modal>
  );
}
