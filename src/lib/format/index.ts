export type { LocaleCode } from './locale';
export { intlTag } from './locale';
export { formatDuration, NO_VALUE } from './duration';
export { formatNumber, formatPercent, formatBytes } from './number';
export { formatDate, formatDateTime, formatDay, formatPeriod, isValidTimeZone, browserTimeZone } from './date';
