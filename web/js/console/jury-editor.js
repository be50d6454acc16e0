// A call's jury: the addresses of its members (at most 40), saved with the jury's own ETag ("0" before the first
// save). The API checks each address and names the first bad one (`reviewers[2]`): the page shows it at that input.
import { t } from '../i18n.js';
import { el, fill } from '../dom.js';
import { clearErrors, showErrors, status } from '../forms.js';
import { adminFetch } from './session.js';
import { controlAt, errorOf, etagOf, staleNotice } from './edit-helpers.js';

export const MAX_REVIEWERS = 40;

export async function loadJury(callId) {
  const response = await adminFetch(`/admin/calls/${encodeURIComponent(callId)}/jury`);
  if (!response.ok) throw new Error(`jury ${response.status}`);
  return { reviewers: (await response.json()).reviewers, etag: etagOf(response) };
}

export function juryEditor({ callId, jury }) {
  let addresses = [...jury.reviewers];
  let version = jury.etag;
  const node = el('form', { id: 'jury-form', novalidate: true, 'aria-labelledby': 'jury-heading' });
  const notice = el('div', { id: 'jury-notice' });
  const saveStatus = el('p', { id: 'jury-status', class: 'save-status', role: 'status' });

  function redraw(focusId) {
    draw();
    document.getElementById(focusId)?.focus();
  }

  function draw() {
    fill(node,
      addresses.length ? el('ol', { class: 'reviewers' }, addresses.map((address, i) => el('li', { class: 'field' },
        el('label', { for: `reviewer-${i}` }, t('console-calls.reviewerN', { n: i + 1 })),
        el('div', { class: 'inline' },
          el('input', { id: `reviewer-${i}`, type: 'email', autocomplete: 'off', spellcheck: 'false', value: address,
            oninput: (event) => { addresses[i] = event.target.value; } }),
          el('button', { type: 'button', class: 'small danger', id: `reviewer-${i}-remove`,
            'aria-label': t('console-calls.removeReviewer', { n: i + 1 }),
            onclick: () => {
              addresses.splice(i, 1);
              redraw(addresses.length ? `reviewer-${Math.min(i, addresses.length - 1)}` : 'add-reviewer');
            } }, t('console-calls.remove')))))) : el('p', {}, t('console-calls.noReviewers')),
      el('button', { type: 'button', class: 'secondary', id: 'add-reviewer',
        disabled: addresses.length >= MAX_REVIEWERS,
        onclick: () => {
          addresses.push('');
          redraw(`reviewer-${addresses.length - 1}`);
        } }, t('console-calls.addReviewer')),
      addresses.length >= MAX_REVIEWERS
        ? el('p', { class: 'hint' }, t('console-calls.juryFull', { max: MAX_REVIEWERS })) : null,
      notice,
      el('div', { class: 'actions' }, el('button', { type: 'submit', id: 'save-jury' }, t('console-calls.saveJury')),
        saveStatus));
  }

  async function reload() {
    const loaded = await loadJury(callId);
    addresses = [...loaded.reviewers];
    version = loaded.etag;
    notice.replaceChildren();
    clearErrors(node);
    redraw('save-jury');
    status(saveStatus, t('console-calls.reloaded'));
  }

  node.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(node);
    notice.replaceChildren();
    // Blank rows are left out; the API's index of an address is its place among those sent.
    const inputs = [...node.querySelectorAll('input[type=email]')];
    inputs.forEach((input) => input.removeAttribute('data-paths'));
    const sent = inputs.filter((input) => input.value.trim());
    sent.forEach((input, k) => input.setAttribute('data-paths', `reviewers[${k}]`));
    status(saveStatus, t('console-calls.saving'));
    const response = await adminFetch(`/admin/calls/${encodeURIComponent(callId)}/jury`, { method: 'PUT',
      headers: { 'content-type': 'application/json', 'If-Match': version },
      body: JSON.stringify({ reviewers: sent.map((input) => input.value.trim()) }) });
    if (response.ok) {
      version = etagOf(response);
      addresses = [...(await response.json()).reviewers];
      redraw('save-jury');
      status(saveStatus, t('console-calls.jurySaved', { count: addresses.length }));
      return;
    }
    status(saveStatus, '');
    const error = await errorOf(response);
    if (response.status === 400) {
      const control = controlAt(node, error.field);
      const message = control ? t('console-calls.error.reviewer', { address: control.value.trim() })
        : error.message || t('error.text');
      showErrors(node, [{ control, message }]);
      return;
    }
    const stale = staleNotice(response.status, reload);
    notice.replaceChildren(stale || el('p', { class: 'notice', role: 'alert' }, t('console-calls.notSaved')));
    stale?.querySelector('button')?.focus();
  });

  draw();
  return el('section', { id: 'jury', 'aria-labelledby': 'jury-heading' },
    el('h2', { id: 'jury-heading' }, t('console-calls.jury')),
    el('p', { class: 'hint' }, t('console-calls.juryLead', { max: MAX_REVIEWERS })),
    node);
}
