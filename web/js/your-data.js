// An applicant's rights over their application, on its own page: a copy of everything it holds, a withdrawal while
// the jury has not decided, and its erasure with its files (a draft, or once withdrawn). Each that cannot be undone
// asks first. An erasure that stops on the way (a lost connection on a phone) is sent once more: the API finishes
// what the first one started and answers the same.
import { ApiError, api } from './api.js';
import { t } from './i18n.js';
import { el } from './dom.js';
import { status } from './forms.js';
import { confirmStep } from './confirm-step.js';

const WITHDRAWABLE = ['submitted', 'shortlisted'];
const ERASABLE = ['draft', 'withdrawn'];

/**
 * The section for `application` (as GET /applications/{id} answers), reached with `headers` (its token).
 * `onWithdrawn` and `onErased` are called once the API has done it.
 */
export function yourData(application, headers, { onWithdrawn, onErased }) {
  const outcome = el('p', { class: 'save-status', id: 'your-data-status', role: 'status' });
  const path = `/applications/${application.applicationId}`;
  const failed = (error) => {
    if (!(error instanceof ApiError) && !(error instanceof TypeError)) throw error;
    status(outcome, t('apply.data.failed', { reason: error.message }), { assertive: true });
  };

  const download = el('button', { type: 'button', class: 'secondary', id: 'download-data', onclick: async () => {
    try {
      const data = await api(`${path}/export`, { headers });
      const file = new Blob([`${JSON.stringify(data, null, 2)}\n`], { type: 'application/json' });
      const link = el('a', { href: URL.createObjectURL(file),
        download: `application-${application.reference || application.applicationId}.json` });
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
      status(outcome, t('apply.data.downloaded'));
    } catch (error) {
      failed(error);
    }
  } }, t('apply.data.download'));

  const withdraw = WITHDRAWABLE.includes(application.status) ? el('button', { type: 'button', class: 'secondary',
    id: 'withdraw-application', onclick: async () => {
      const sure = await confirmStep({ title: t('apply.data.withdrawTitle'), text: t('apply.data.withdrawText'),
        confirm: t('apply.data.withdraw'), cancel: t('apply.data.keep') });
      if (!sure) return;
      try {
        await api(`${path}/withdraw`, { method: 'POST', headers });
        await onWithdrawn();
      } catch (error) {
        failed(error);
      }
    } }, t('apply.data.withdraw')) : null;

  const erase = ERASABLE.includes(application.status) ? el('button', { type: 'button', class: 'danger',
    id: 'erase-application', onclick: async () => {
      const sure = await confirmStep({ title: t('apply.data.eraseTitle'), text: t('apply.data.eraseText'),
        confirm: t('apply.data.erase'), cancel: t('apply.data.keep'), danger: true });
      if (!sure) return;
      try {
        await eraseOnce(path, headers).catch((error) => {
          const stopped = error instanceof TypeError || (error instanceof ApiError && error.status >= 500);
          if (!stopped) throw error;
          return eraseOnce(path, headers);
        });
        onErased();
      } catch (error) {
        failed(error);
      }
    } }, t('apply.data.erase')) : null;

  return el('section', { class: 'your-data', id: 'your-data', 'aria-labelledby': 'your-data-title' },
    el('h2', { id: 'your-data-title' }, t('apply.data.title')),
    el('p', {}, t(erase ? 'apply.data.leadErasable' : 'apply.data.lead')),
    el('div', { class: 'actions' }, download, withdraw, erase),
    outcome);
}

function eraseOnce(path, headers) {
  return api(path, { method: 'DELETE', headers });
}
