// The call's outbox, for its editors: the decision emails prepared by each decision, sent or waiting, and the one
// action that mails applicants, behind a confirmation step. The API sends at most 50 a request: the page asks again
// while some remain, so one click sends them all.
import { t } from '../i18n.js';
import { el, fill } from '../dom.js';
import { status } from '../forms.js';
import { adminApi } from './session.js';
import { confirmStep } from '../confirm-step.js';
import { formatShort } from './jury-format.js';

function emailRow(email) {
  return el('tr', {},
    el('th', { scope: 'row' }, email.reference || t('console-jury.noReference')),
    el('td', {}, t(`console-jury.outbox.decision.${email.decision}`)),
    el('td', {}, email.to || t('console-jury.outbox.noAddress')),
    el('td', {}, email.sentAt ? t('console-jury.outbox.sentAt', { date: formatShort(email.sentAt) })
      : t('console-jury.outbox.notSent')),
    el('td', {}, el('details', {}, el('summary', {}, t('console-jury.outbox.read')),
      el('p', { class: 'email-subject' }, email.subject),
      el('p', { class: 'email-text' }, email.text))));
}

async function sendAll(callId) {
  const total = { sent: 0, failed: 0, unverified: 0 };
  let answer;
  do {
    answer = await adminApi(`/admin/calls/${encodeURIComponent(callId)}/outbox/send`, { method: 'POST' });
    for (const key of Object.keys(total)) total[key] += answer[key];
  } while (answer.remaining > 0 && answer.sent + answer.failed > 0);
  return { ...total, remaining: answer.remaining };
}

function outcome({ sent, failed, unverified, remaining }) {
  return [t('console-jury.outbox.sent', { count: sent }),
    failed ? t('console-jury.outbox.failed', { count: failed }) : '',
    unverified ? t('console-jury.outbox.unverified', { count: unverified }) : '',
    remaining ? t('console-jury.outbox.remaining', { count: remaining }) : ''].filter(Boolean).join(' ');
}

/** The outbox's section; onSent() runs after a send, so that the page can show the decisions as sent. */
export function outboxSection(callId, { onSent } = {}) {
  const body = el('div', {}, el('p', { class: 'loading' }, t('loading')));
  const line = el('p', { id: 'outbox-status', class: 'status-line', role: 'status' });
  const section = el('section', { id: 'outbox', class: 'tool', 'aria-labelledby': 'outbox-title' },
    el('h2', { id: 'outbox-title' }, t('console-jury.outbox.title')), body, line);

  async function send(button, waiting) {
    const yes = await confirmStep({ title: t('console-jury.outbox.confirmTitle', { count: waiting }),
      text: t('console-jury.outbox.confirmText'), confirm: t('console-jury.outbox.confirm', { count: waiting }) });
    if (!yes) return;
    button.disabled = true;
    status(line, t('console-jury.outbox.sending'));
    try {
      const result = await sendAll(callId);
      await load();
      status(line, outcome(result));
      onSent?.();
    } catch {
      button.disabled = false;
      status(line, t('console-jury.outbox.sendFailed'), { assertive: true });
    }
  }

  async function load() {
    const { items } = await adminApi(`/admin/calls/${encodeURIComponent(callId)}/outbox`);
    const waiting = items.filter((email) => !email.sentAt).length;
    const button = el('button', { type: 'button', id: 'send-decisions', hidden: !waiting },
      t('console-jury.outbox.send', { count: waiting }));
    button.addEventListener('click', () => send(button, waiting));
    fill(body,
      el('p', {}, waiting ? t('console-jury.outbox.waiting', { count: waiting }) : t('console-jury.outbox.none')),
      el('p', { class: 'hint' }, t('console-jury.outbox.lead')),
      items.length ? el('table', { class: 'items outbox-emails' },
        el('caption', {}, t('console-jury.outbox.caption')),
        el('thead', {}, el('tr', {}, ['reference', 'decision', 'to', 'sent', 'email'].map((key) =>
          el('th', { scope: 'col' }, t(`console-jury.outbox.col.${key}`))))),
        el('tbody', {}, items.map(emailRow))) : null,
      button);
  }

  load().catch(() => fill(body, el('p', { role: 'alert' }, t('console-jury.outbox.loadFailed'))));
  return section;
}
