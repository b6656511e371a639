import { NativeSelect } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { type SessionResponse, saveLanguage, sessionKey } from '../api/session';
import { applyLanguage } from '../i18n/index';
import { isLanguage, type Language } from '../i18n/language';
import { notify } from './notify';

// Each language is named in itself, so a reader finds theirs whatever the page speaks.
const names: Record<Language, string> = { fr: 'Français', de: 'Deutsch', en: 'English' };

/** Chooses the language: stored on the account when signed in, in a cookie otherwise. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();

  const change = async (value: string) => {
    if (!isLanguage(value)) return;
    try {
      await saveLanguage(value);
    } catch (error) {
      notify({ color: 'red', message: error instanceof ApiError ? error.message : String(error) });
      return;
    }
    client.setQueryData<SessionResponse>(sessionKey, (old) =>
      old ? { language: value, user: old.user ? { ...old.user, language: value } : null } : old,
    );
    applyLanguage(value);
  };

  return (
    <NativeSelect
      aria-label={t('language.label')}
      value={i18n.language}
      onChange={(event) => void change(event.currentTarget.value)}
      data={Object.entries(names).map(([value, label]) => ({ value, label }))}
      size="xs"
      w={110}
    />
  );
}
