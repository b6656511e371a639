import { Alert, Button, NativeSelect, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { changePasswordBody, updateProfileBody } from '../../../src/http/schemas/profile';
import { ApiError } from '../api/client';
import { changePassword, fetchProfile, type Profile, profileKey, updateProfile } from '../api/profile';
import { type SessionResponse, sessionKey } from '../api/session';
import { ApiTokensManager } from '../components/api-tokens/ApiTokensManager';
import { FormAlert } from '../components/FormAlert';
import { PageLoader } from '../components/guards';
import { notify } from '../components/notify';
import { PasswordField } from '../components/PasswordField';
import { applyApiError, schemaValidator } from '../forms/validation';
import { applyLanguage } from '../i18n/index';
import { isLanguage } from '../i18n/language';
import { NotificationPrefsForm } from './NotificationPrefsForm';
import { TwoFactorSection } from './TwoFactorSection';
import { usePageTitle } from './usePageTitle';

export default function ProfilePage() {
  const { t } = useTranslation();
  usePageTitle(t('profile.title'));
  const profile = useQuery({ queryKey: profileKey, queryFn: fetchProfile });
  return (
    <Stack gap="lg" maw={560}>
      <Title order={1}>{t('profile.title')}</Title>
      {profile.isPending && <PageLoader />}
      {profile.error && (
        <Alert color="red" role="alert">
          {profile.error.message}
        </Alert>
      )}
      {profile.data && (
        <>
          <ProfileForm profile={profile.data} />
          <NotificationPrefsForm staff={profile.data.role !== 'customer'} />
          <PasswordForm />
          <TwoFactorSection />
          <ApiTokensManager kind="personal" />
        </>
      )}
    </Stack>
  );
}

const profileFields = ['name', 'phone', 'language', 'notificationEmail'] as const;

function ProfileForm({ profile }: { profile: Profile }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm({
    initialValues: {
      name: profile.name,
      phone: profile.phone ?? '',
      language: profile.language,
      notificationEmail: profile.notificationEmail ?? '',
    },
    validate: schemaValidator(updateProfileBody, t),
    validateInputOnBlur: true,
  });

  const submit = form.onSubmit(async (values) => {
    setFailure(null);
    try {
      const saved = await updateProfile(values);
      client.setQueryData(profileKey, saved);
      client.setQueryData<SessionResponse>(sessionKey, (old) =>
        old?.user
          ? { language: saved.language, user: { ...old.user, name: saved.name, language: saved.language } }
          : old,
      );
      applyLanguage(saved.language);
      form.resetDirty();
      notify({ color: 'green', message: t('profile.saved') });
    } catch (error) {
      setFailure(applyApiError(error, form.setFieldError, profileFields));
    }
  });

  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="profile-details">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Title order={2} size="h3" id="profile-details">
            {t('profile.details')}
          </Title>
          <Text size="sm">
            {t('fields.email')}: <strong>{profile.email}</strong>
            {profile.company && (
              <>
                {' · '}
                {t('fields.company')}: <strong>{profile.company.name}</strong>
              </>
            )}
          </Text>
          <FormAlert message={failure} />
          <TextInput label={t('fields.name')} autoComplete="name" required {...form.getInputProps('name')} />
          <TextInput
            label={t('fields.phone')}
            type="tel"
            autoComplete="tel"
            {...form.getInputProps('phone')}
          />
          <NativeSelect
            label={t('fields.language')}
            data={[
              { value: 'fr', label: 'Français' },
              { value: 'de', label: 'Deutsch' },
              { value: 'en', label: 'English' },
            ]}
            {...form.getInputProps('language')}
            onChange={(event) => {
              const value = event.currentTarget.value;
              if (isLanguage(value)) form.setFieldValue('language', value);
            }}
          />
          <TextInput
            label={t('fields.notificationEmail')}
            description={t('profile.notificationEmailHint')}
            type="email"
            autoComplete="email"
            {...form.getInputProps('notificationEmail')}
          />
          <Button type="submit" loading={form.submitting} style={{ alignSelf: 'flex-start' }}>
            {t('profile.save')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}

function PasswordForm() {
  const { t } = useTranslation();
  const [failure, setFailure] = useState<string | null>(null);
  const validateBody = schemaValidator(changePasswordBody, t);
  const form = useForm({
    initialValues: { currentPassword: '', newPassword: '', confirmation: '' },
    validate: (values) => {
      const errors = validateBody(values);
      if (!errors.newPassword && values.confirmation !== values.newPassword) {
        errors.confirmation = t('setPassword.mismatch');
      }
      return errors;
    },
  });

  const submit = form.onSubmit(async ({ currentPassword, newPassword }) => {
    setFailure(null);
    try {
      await changePassword({ currentPassword, newPassword });
      form.reset();
      notify({ color: 'green', message: t('profile.passwordChanged') });
    } catch (error) {
      if (error instanceof ApiError && error.code === 'wrong_password') {
        form.setFieldError('currentPassword', error.message);
        return;
      }
      setFailure(applyApiError(error, form.setFieldError, ['currentPassword', 'newPassword']));
    }
  });

  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="profile-password">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Title order={2} size="h3" id="profile-password">
            {t('profile.changePassword')}
          </Title>
          <FormAlert message={failure} />
          <PasswordField
            label={t('fields.currentPassword')}
            autoComplete="current-password"
            required
            {...form.getInputProps('currentPassword')}
          />
          <PasswordField
            label={t('fields.newPassword')}
            description={t('setPassword.rule')}
            autoComplete="new-password"
            required
            {...form.getInputProps('newPassword')}
          />
          <PasswordField
            label={t('fields.passwordConfirmation')}
            autoComplete="new-password"
            required
            {...form.getInputProps('confirmation')}
          />
          <Button type="submit" loading={form.submitting} style={{ alignSelf: 'flex-start' }}>
            {t('profile.changePassword')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
