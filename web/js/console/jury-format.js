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

/** A datetime-local value ("2026-12-10T18:00"), read in the reader's time zone, with its offset as the API takes it. */
export function withOffset(local) {
  const minutes = -new Date(local).getTimezoneOffset();
  const pad = (n) => String(n).padStart(2, '0');
  const seconds = local.length === 16 ? ':00' : '';
  const offset = `${pad(Math.floor(Math.abs(minutes) / 60))}:${pad(Math.abs(minutes) % 60)}`;
  return `${local}${seconds}${minutes >= 0 ? '+' : '-'}${offset}`;
}

/** A moment in a table's cell: short, in the reader's language and time zone ("2 déc. 2026, 07:04"). */
export function formatShort(iso) {
  return formatDate(iso, { dateStyle: 'medium', timeStyle: 'short' });
}
