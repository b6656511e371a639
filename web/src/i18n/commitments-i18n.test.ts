import de from './commitments.de.json';
import en from './commitments.en.json';
import fr from './commitments.fr.json';
import { describeCompleteness } from './completeness';

describeCompleteness('commitments', { fr, de, en });
