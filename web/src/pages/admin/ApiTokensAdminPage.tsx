import { ApiTokensManager } from '../../components/api-tokens/ApiTokensManager';

/** Administration: the integration tokens that connect other systems to the portal. */
export default function ApiTokensAdminPage() {
  return <ApiTokensManager kind="integration" />;
}
