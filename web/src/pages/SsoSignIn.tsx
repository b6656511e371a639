import { Button, Divider } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ssoStartUrl, useSsoInfo } from '../api/sso';
import { FormAlert } from '../components/FormAlert';

/**
 * Staff sign-in through the organisation's identity provider, when one is configured: a link to the
 * provider (a full page navigation, since the provider shows its own pages), and the reason a
 * sign-in was refused when the portal sent the person back here.
 */
export function SsoSignIn({ next }: { next: string }) {
  const { t, i18n } = useTranslation();
  const [params] = useSearchParams();
  const { data } = useSsoInfo(params.get('sso_error'), i18n.language);
  if (!data) return null;
  return (
    <>
      <FormAlert message={data.error} />
      {data.providerName && (
        <>
          <Button
            component="a"
            href={ssoStartUrl(next)}
            variant="default"
            fullWidth
            data-testid="sso-sign-in"
          >
            {t('sso.signInWith', { provider: data.providerName })}
          </Button>
          <Divider label={t('sso.or')} labelPosition="center" />
        </>
      )}
    </>
  );
}
