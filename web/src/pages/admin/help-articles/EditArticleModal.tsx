import { Alert, Button, Group, Loader, Modal, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { apiPatch } from '../../../api/client';
import { useAdminMutation } from '../../../components/useAdminMutation';
import { useStaffT } from '../../staff/i18n';
import { type Lang, languages, useApiErrors } from '../content-forms';
import { ArticleTexts } from './ArticleTexts';
import {
  type AllTexts,
  type Article,
  articleFields,
  emptyTexts,
  fetchAllTexts,
  filled,
  firstRefused,
  type Texts,
} from './texts';

/** The administration's list of help articles. */
export const helpArticlesKey = ['admin-help'];

export function EditArticleModal({ slug, onClose }: { slug: string; onClose: () => void }) {
  const { st } = useStaffT();
  const loaded = useQuery({
    queryKey: ['admin-help-article', slug],
    queryFn: () => fetchAllTexts(slug),
    staleTime: 0,
    gcTime: 0,
  });
  const [texts, setTexts] = useState<AllTexts | null>(null);
  const [lang, setLang] = useState<Lang>('fr');
  const errors = useApiErrors();
  const current = texts ?? loaded.data?.texts ?? null;
  const save = useAdminMutation({
    mutationFn: () => {
      const all = current ?? emptyTexts();
      const present = loaded.data?.present ?? [];
      const translations: Record<string, Texts | null> = {};
      for (const l of languages) {
        if (filled(all[l])) translations[l] = all[l];
        else if (present.includes(l)) translations[l] = null;
      }
      return apiPatch<Article>(`/api/help-articles/${encodeURIComponent(slug)}`, { translations });
    },
    onMutate: () => errors.reset(),
    onSuccess: onClose,
    success: st('admin.content.articleSaved'),
    invalidate: [helpArticlesKey],
    onError: (e) => {
      const refused = firstRefused(errors.apply(e, articleFields(false)));
      if (refused) setLang(refused);
    },
  });
  return (
    <Modal
      opened
      onClose={onClose}
      closeButtonProps={{ 'aria-label': st('common.close') }}
      size="xl"
      title={st('admin.content.editArticle', { slug })}
    >
      {loaded.isPending && (
        <Group gap="xs">
          <Loader size="sm" aria-hidden />
          <Text>{st('admin.content.loading')}</Text>
        </Group>
      )}
      {loaded.error && (
        <Alert color="red" role="alert">
          {loaded.error.message}
        </Alert>
      )}
      {current && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate();
          }}
        >
          <Stack gap="xs">
            <Text size="sm">{st('admin.content.emptyRemoves')}</Text>
            <ArticleTexts
              texts={current}
              onChange={setTexts}
              errors={errors.errors}
              language={lang}
              onLanguage={setLang}
            />
            {errors.banner && (
              <Alert color="red" role="alert">
                {errors.banner}
              </Alert>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                {st('admin.content.cancel')}
              </Button>
              <Button type="submit" loading={save.isPending}>
                {st('admin.content.saveArticle')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
