import { Anchor, Card, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { fetchHelpArticles } from '../../api/content';
import { FormAlert } from '../../components/FormAlert';
import { PageLoader } from '../../components/guards';
import { usePageTitle } from '../usePageTitle';
import { useErrorText } from './shared';

/** Help articles: the list, and a search over them. */
export default function HelpPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('portal:help.title'));
  const errorText = useErrorText();
  const [params, setParams] = useSearchParams();
  const typed = params.get('q') ?? '';
  const [q] = useDebouncedValue(typed.trim(), 300);
  const articles = useQuery({
    queryKey: ['help-articles', q, i18n.language],
    queryFn: () => fetchHelpArticles(q),
  });
  return (
    <Stack gap="lg" maw={860}>
      <Title order={1}>{t('portal:help.title')}</Title>
      <Text>{t('portal:help.intro')}</Text>
      <TextInput
        label={t('portal:help.search')}
        type="search"
        value={typed}
        onChange={(e) =>
          setParams(e.currentTarget.value ? { q: e.currentTarget.value } : {}, { replace: true })
        }
      />
      {articles.isPending && <PageLoader />}
      {articles.error && <FormAlert message={errorText(articles.error)} />}
      {articles.data && articles.data.items.length === 0 && <Text>{t('portal:help.none')}</Text>}
      <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-live="polite">
        {articles.data?.items.map((a) => (
          <Card key={a.slug} withBorder padding="md" component="li">
            <Anchor component={Link} to={`/help/${a.slug}`} fw={600} lang={a.language}>
              {a.title}
            </Anchor>
            {a.summary && (
              <Text size="sm" mt={4} lang={a.language}>
                {a.summary}
              </Text>
            )}
            {a.language !== i18n.language && (
              <Text size="xs" c="dimmed" mt={4}>
                {t('portal:help.otherLanguage', { language: t(`portal:languages.${a.language}`) })}
              </Text>
            )}
          </Card>
        ))}
      </Stack>
    </Stack>
  );
}
