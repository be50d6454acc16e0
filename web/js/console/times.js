// Dates and times as the admin API takes them (ISO-8601 with an offset) and as a datetime-local control shows them
// (a wall time, in a named time zone: the event's or call's own, or the editor's for publishing).

/** The editor's own time zone, as the browser knows it. */
export const OWN_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/** Every IANA zone the browser knows (for a select), with the given one first if it is unknown to it. */
export function timeZones(current) {
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [OWN_ZONE];
  return current && !zones.includes(current) ? [current, ...zones] : zones;
}

function parts(epoch, timeZone) {
  const found = {};
  new Intl.DateTimeFormat('en-GB', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit', timeZoneName: 'longOffset' }).formatToParts(new Date(epoch))
    .forEach((part) => { found[part.type] = part.value; });
  return found;
}

/** Minutes east of UTC in that zone at that instant ("GMT+05:30" is 330, "GMT" 0). */
function offsetMinutes(epoch, timeZone) {
  const match = /GMT([+-])(\d{2}):?(\d{2})?/.exec(parts(epoch, timeZone).timeZoneName || '');
  if (!match) return 0;
  return (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3] || 0));
}

function offsetText(minutes) {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** An instant (ISO text) as a datetime-local value ("2026-12-04T18:30") on the clocks of that zone. */
export function toWallTime(iso, timeZone) {
  if (!iso) return '';
  const p = parts(Date.parse(iso), timeZone);
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

/** A datetime-local value read on the clocks of that zone, as ISO-8601 with that zone's offset then. */
export function fromWallTime(value, timeZone) {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(value || '');
  if (!match) return null;
  const [, year, month, day, hour, minute] = match.map(Number);
  const asUtc = Date.UTC(year, month - 1, day, hour, minute);
  // The offset depends on the instant, which depends on the offset: once more settles it (summer time changes).
  let offset = offsetMinutes(asUtc - offsetMinutes(asUtc, timeZone) * 60000, timeZone);
  offset = offsetMinutes(asUtc - offset * 60000, timeZone);
  return `${value.slice(0, 16)}:00${offsetText(offset)}`;
}
