// The call's exports, for its editors. The CSV comes with the console's token, so it is fetched here and offered
// as a file (a plain link could not carry the token). The ZIP of every file is built in the background: asked for,
// followed until ready, then linked (its address is valid 15 minutes: a click after that asks for a fresh one).
import { formatDateTime, t } from '../i18n.js';
import { el, fill } from '../dom.js';
import { status } from '../forms.js';
import { adminApi, adminFetch } from './session.js';
import { formatBytes } from './jury-format.js';

const LINK_LIFETIME_MS = 14 * 60 * 1000; // the API's 15 minutes, less a margin for a slow click
let csvUrl;

/** The file name of a Content-Disposition header (RFC 6266), or the fallback. */
export function fileNameOf(disposition, fallback) {
  const match = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition || '');
  return match ? decodeURIComponent(match[1]) : fallback;
}

function csvPart(callId) {
  const line = el('p', { id: 'csv-status', class: 'status-line', role: 'status' });
  const link = el('p', { id: 'csv-link' });
  const button = el('button', { type: 'button', id: 'export-csv', class: 'secondary' }, t('console-jury.exports.csv'));
  button.addEventListener('click', async () => {
    button.disabled = true;
    status(line, t('console-jury.exports.csvPreparing'));
    try {
      const response = await adminFetch(`/admin/calls/${encodeURIComponent(callId)}/export.csv`);
      if (!response.ok) {
        const body = await response.json().catch(() => ({}));
        status(line, t(body.error?.code === 'export_too_large' ? 'console-jury.exports.csvTooLarge'
          : 'console-jury.exports.failed'), { assertive: true });
        return;
      }
      const name = fileNameOf(response.headers.get('content-disposition'), 'applications.csv');
      if (csvUrl) URL.revokeObjectURL(csvUrl);
      csvUrl = URL.createObjectURL(await response.blob());
      const save = el('a', { href: csvUrl, download: name, id: 'csv-download' },
        t('console-jury.exports.csvSave', { name }));
      fill(link, save);
      save.click();
      status(line, t('console-jury.exports.csvReady', { name }));
    } catch {
      status(line, t('console-jury.exports.failed'), { assertive: true });
    } finally {
      button.disabled = false;
    }
  });
  return [el('h3', {}, t('console-jury.exports.csvTitle')),
    el('p', { class: 'hint' }, t('console-jury.exports.csvLead')),
    button, line, link];
}

function zipPart(callId) {
  const line = el('p', { id: 'zip-status', class: 'status-line', role: 'status' });
  const progress = el('progress', { id: 'zip-progress', hidden: true,
    'aria-label': t('console-jury.exports.zipProgress') });
  const link = el('p', { id: 'zip-link' });
  const button = el('button', { type: 'button', id: 'export-zip', class: 'secondary' }, t('console-jury.exports.zip'));
  const path = (exportId) => `/admin/calls/${encodeURIComponent(callId)}/exports/${encodeURIComponent(exportId)}`;

  function offer(job) {
    let fetchedAt = Date.now();
    let url = job.downloadUrl;
    const save = el('a', { href: url, id: 'zip-download', class: 'button' }, t('console-jury.exports.zipSave'));
    save.addEventListener('click', async (event) => {
      if (Date.now() - fetchedAt < LINK_LIFETIME_MS) return;
      event.preventDefault();
      url = (await adminApi(path(job.exportId))).downloadUrl;
      fetchedAt = Date.now();
      save.href = url;
      location.assign(url);
    });
    fill(link, save);
    status(line, t('console-jury.exports.zipReady', { applications: job.applications ?? 0, files: job.files ?? 0,
      size: formatBytes(job.bytes ?? 0), until: formatDateTime(job.availableUntil) }));
  }

  async function follow(job, wait = 500) {
    if (job.status === 'ready' || job.status === 'failed') {
      progress.hidden = true;
      button.disabled = false;
      if (job.status === 'ready') offer(job);
      else status(line, t('console-jury.exports.zipFailed'), { assertive: true });
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, wait));
    follow(await adminApi(path(job.exportId)), Math.min(wait * 1.5, 5000)).catch(fail);
  }

  function fail() {
    progress.hidden = true;
    button.disabled = false;
    status(line, t('console-jury.exports.failed'), { assertive: true });
  }

  button.addEventListener('click', async () => {
    button.disabled = true;
    fill(link);
    progress.hidden = false;
    status(line, t('console-jury.exports.zipPreparing'));
    try {
      await follow(await adminApi(`/admin/calls/${encodeURIComponent(callId)}/exports`, { method: 'POST' }));
    } catch {
      fail();
    }
  });
  return [el('h3', {}, t('console-jury.exports.zipTitle')),
    el('p', { class: 'hint' }, t('console-jury.exports.zipLead')),
    button, el('div', { class: 'progress-line' }, progress, line), link];
}

export function exportsSection(callId) {
  return el('section', { id: 'exports', class: 'tool', 'aria-labelledby': 'exports-title' },
    el('h2', { id: 'exports-title' }, t('console-jury.exports.title')),
    el('p', { class: 'hint' }, t('console-jury.exports.lead')),
    csvPart(callId), zipPart(callId));
}
