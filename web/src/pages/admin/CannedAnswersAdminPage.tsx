import { CannedAnswersManager } from '../staff/canned-answers/CannedAnswersManager';

/** Administration: the canned answers shared by the whole team. */
export default function CannedAnswersAdminPage() {
  return <CannedAnswersManager shared headingLevel={2} />;
}
