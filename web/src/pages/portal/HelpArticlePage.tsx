import { Alert, Anchor, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/client';
import { fetchHelpArticle } from '../../api/content';
import { ErrorScreen } from '../../components/ErrorScreen';
import { FormAlert } from '../../components/FormAlert';
import { PageLoader } from '../../components/guards';
import { CommitmentsLink } from '../commitments/CommitmentsLink';
import { usePageTitle } from '../usePageTitle';
import { ArticleBody, useErrorText, useFormatDate } from './shared';

// The seeded article on choosing the criticality says that it fixes our delays: it links to them.
const ARTICLES_ON_COMMITMENTS = new Set(['choisir-la-criticite']);

export default function HelpArticlePage() {
  const { slug = '' } = useParams();
  const { t, i18n } = useTranslation();
  const format = useFormatDate();
  const errorText = useErrorText();
  const article = useQuery({
    queryKey: ['help-article', slug, i18n.language],
    queryFn: () => fetchHelpArticle(slug),
  });
  usePageTitle(article.data?.title ?? t('portal:help.title'));
  if (article.isPending) return <PageLoader />;
  if (article.error instanceof ApiError && article.error.status === 404)
    return <ErrorScreen kind="notFound" />;
  if (article.error) return <FormAlert message={errorText(article.error)} />;
  const a = article.data;
  return (
    <Stack gap="md" maw={760}>
      <Anchor component={Link} to="/help" size="sm">
        {t('portal:help.back')}
      </Anchor>
      {a.language !== i18n.language && (
        <Alert color="blue" variant="light">
          {t('portal:help.otherLanguage', { language: t(`portal:languages.${a.language}`) })}
        </Alert>
      )}
      <article lang={a.language}>
        <Stack gap="sm">
          <Title order={1}>{a.title}</Title>
          {a.summary && (
            <Text size="lg" fw={500}>
              {a.summary}
            </Text>
          )}
          <ArticleBody body={a.body} />
          {ARTICLES_ON_COMMITMENTS.has(a.slug) && <CommitmentsLink />}
        </Stack>
      </article>
      <Text size="sm" c="dimmed">
        {t('portal:help.updated', { date: format(a.updatedAt, false) })}
      </Text>
    </Stack>
  );
}
