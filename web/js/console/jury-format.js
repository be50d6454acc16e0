// Numbers as the jury's screens say them, in the reader's language: scores as percentages, sizes in KB or MB.
import { formatDate, lang } from '../i18n.js';

/** An application's or a review's score, 0 to 100 from the API, as "72.5 %" (or "72,5 %" in French). */
export function formatScore(score) {
  return new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 1 }).format(score / 100);
}

export function formatBytes(bytes) {
  const [unit, size] = bytes >= 1_000_000 ? ['megabyte', bytes / 1_000_000] : ['kilobyte', Math.max(bytes / 1000, 1)];
  return new Intl.NumberFormat(lang, { style: 'unit', unit, maximumFractionDigits: 1 }).format(size);
}

/** A moment in a table's cell: short, in the reader's language and time zone ("2 déc. 2026, 07:04"). */
export function formatShort(iso) {
  return formatDate(iso, { dateStyle: 'medium', timeStyle: 'short' });
}
