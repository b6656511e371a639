/** Dates and sizes of the timeline, through the one formatting module (Zurich time, R8). */
export { formatBytes, formatDateTime as formatInstant } from '../../../../src/i18n/format';
