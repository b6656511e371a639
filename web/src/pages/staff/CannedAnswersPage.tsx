import { usePageTitle } from '../usePageTitle';
import { CannedAnswersManager } from './canned-answers/CannedAnswersManager';
import { useStaffT } from './i18n';

/** A staff member's own canned answers. */
export default function CannedAnswersPage() {
  const { st } = useStaffT();
  usePageTitle(st('cannedAnswers.personalTitle'));
  return <CannedAnswersManager shared={false} headingLevel={1} />;
}
