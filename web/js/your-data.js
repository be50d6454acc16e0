// An applicant's rights over their application, on its own page: a copy of everything it holds, a withdrawal while
// the jury has not decided, and its erasure with its files (a draft, or once withdrawn). Each that cannot be undone
// asks first. An erasure that stops on the way (a lost connection on a phone) is sent once more: the API finishes
// what the first one started and answers the same.
import { ApiError, api } from './api.js';
import { t } from './i18n.js';
import { el } from './dom.js';
import { status } from './forms.js';
import { confirmStep } from './confirm-step.js';

// The API withdraws a submitted application only; one decided shows as submitted until its email goes, and its
// refusal says nothing of the decision.
const WITHDRAWABLE = ['submitted'];
const ERASABLE = ['draft', 'withdrawn'];

/**
 * The section for `application` (as GET /applications/{id} answers), reached with `headers` (its token).
 * `onWithdrawn` and `onErased` are called once the API has done it; `beforeErase` before the erasure is sent (to
 * stop saving), `onEraseFailed` when it was not done.
 */
export function yourData(application, headers, { onWithdrawn, onErased, beforeErase, onEraseFailed }) {
  const outcome = el('p', { class: 'save-status', id: 'your-data-status', role: 'status' });
  const path = `/applications/${application.applicationId}`;
  let busy = false;
  // One request at a time: a second tap while one runs does nothing; the focus comes back to the button pressed.
  const once = (action) => async (event) => {
    if (busy) return;
    busy = true;
    const button = event.currentTarget;
    try {
      await action();
    } catch (error) {
      if (!(error instanceof ApiError) && !(error instanceof TypeError)) throw error;
      status(outcome, t('apply.data.failed', { reason: error.message }), { assertive: true });
      if (button.isConnected) button.focus();
    } finally {
      busy = false;
    }
  };

  const download = el('button', { type: 'button', class: 'secondary', id: 'download-data', onclick: once(async () => {
    const data = await api(`${path}/export`, { headers });
    const file = new Blob([`${JSON.stringify(data, null, 2)}\n`], { type: 'application/json' });
    const link = el('a', { href: URL.createObjectURL(file),
      download: `application-${application.reference || application.applicationId}.json` });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
    status(outcome, t('apply.data.downloaded'));
  }) }, t('apply.data.download'));

  const withdraw = WITHDRAWABLE.includes(application.status) ? el('button', { type: 'button', class: 'secondary',
    id: 'withdraw-application', onclick: once(async () => {
      const sure = await confirmStep({ title: t('apply.data.withdrawTitle'), text: t('apply.data.withdrawText'),
        confirm: t('apply.data.withdraw'), cancel: t('apply.data.keep') });
      if (!sure) return;
      await api(`${path}/withdraw`, { method: 'POST', headers });
      await onWithdrawn();
    }) }, t('apply.data.withdraw')) : null;

  const erase = ERASABLE.includes(application.status) ? el('button', { type: 'button', class: 'danger',
    id: 'erase-application', onclick: once(async () => {
      const sure = await confirmStep({ title: t('apply.data.eraseTitle'), text: t('apply.data.eraseText'),
        confirm: t('apply.data.erase'), cancel: t('apply.data.keep'), danger: true });
      if (!sure) return;
      await beforeErase();
      try {
        await eraseOnce(path, headers).catch((error) => {
          const stopped = error instanceof TypeError || (error instanceof ApiError && error.status >= 500);
          if (!stopped) throw error;
          // Sent again: the API finishes what the first one started; a 404 then means the first one finished.
          return eraseOnce(path, headers).catch((again) => {
            if (!(again instanceof ApiError && again.status === 404)) throw again;
          });
        });
      } catch (error) {
        onEraseFailed();
        throw error;
      }
      onErased();
    }) }, t('apply.data.erase')) : null;

  return el('section', { class: 'your-data', id: 'your-data', 'aria-labelledby': 'your-data-title' },
    el('h2', { id: 'your-data-title' }, t('apply.data.title')),
    el('p', {}, t(erase ? 'apply.data.leadErasable' : 'apply.data.lead')),
    el('div', { class: 'actions' }, download, withdraw, erase),
    outcome);
}

function eraseOnce(path, headers) {
  return api(path, { method: 'DELETE', headers });
}
