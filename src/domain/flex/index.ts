export type { CsvCell } from '../csv';
export { CSV_BOM, CSV_EOL, CSV_SEPARATOR, csvDocument, csvText } from '../csv';
export type { BillingChoice, BillingKind, TicketBillingFacts } from './billing';
export { billingKindOf, chooseBilling, nextLowBalanceState, overdraftMinutes } from './billing';
export {
  formatDecimalHours,
  minutesOfHours,
  sumMinutes,
} from './duration';
