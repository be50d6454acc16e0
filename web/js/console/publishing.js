// What readers see of a saved item: its status, publish now, publish at a time (the editor's own clock, sent with
// its offset), unpublish, delete (after a confirmation in a dialog), and its history in plain words.
import { query } from '../api.js';
import { formatDateTime, t } from '../i18n.js';
import { el, fill } from '../dom.js';
import { showErrors, status } from '../forms.js';
import { adminApi } from './session.js';
import { languageName } from './translations.js';
import { OWN_ZONE, fromWallTime } from './times.js';
import { confirmStep } from '../confirm-step.js';

function changedInWords(changed) {
  return changed.filter((field) => !['status', 'publishedAt'].includes(field)).map((field) => {
    const [head, language] = field.split('.');
    return head === 'translations' ? t('console-editor.changed.translation', { language: languageName(language) })
      : t(`console-editor.changed.${head}`);
  }).join(', ');
}

async function history(kind, item, session) {
  const answer = await adminApi(`/admin/${kind}/${encodeURIComponent(item.id)}/history`);
  const entries = [...answer.items].sort((a, b) => b.version - a.version);
  return el('ol', { class: 'history', reversed: true }, entries.map((entry) => {
    const fields = entry.action === 'updated' ? changedInWords(entry.changed || []) : '';
    return el('li', {}, el('time', { datetime: entry.at }, formatDateTime(entry.at)), ': ',
      t(`console-editor.history.${entry.action}`), fields ? ` (${fields})` : '', ' · ',
      t(entry.by === session.who.sub ? 'console-editor.history.byYou' : 'console-editor.history.byOther'));
  }));
}

/**
 * The publishing section of a saved item. act(action, init) runs an action on the stored version (saving unsaved
 * edits first) and redraws the page with the answer; the page says what went wrong.
 */
export async function publishing({ kind, item, title, session, act }) {
  const announce = el('p', { id: 'publish-status', role: 'status', tabindex: '-1' });
  const when = item.publishedAt ? formatDateTime(item.publishedAt) : '';
  const state = el('p', { id: 'item-status' }, el('strong', {}, t(`console.status.${item.status}`)),
    item.status === 'scheduled' ? ` · ${t('console-editor.appearsOn', { when })}` : '',
    item.status === 'published' ? ` · ${t('console-editor.publishedOn', { when })} · ` : '',
    item.status === 'published' ? el('a', { href: item.publicPath, id: 'public-link' },
      t('console-editor.seeOnSite')) : '');
  const buttons = [];
  if (item.status !== 'published') {
    buttons.push(el('button', { type: 'button', id: 'publish-now',
      onclick: () => act('publish', {}, t('console-editor.publishedNow')) }, t('console-editor.publishNow')));
  }
  if (item.status === 'published' || item.status === 'scheduled') {
    buttons.push(el('button', { type: 'button', class: 'secondary', id: 'unpublish',
      onclick: () => act('unpublish', undefined, t('console-editor.unpublishedNow')) }, t('console-editor.unpublish')));
  }
  const at = el('input', { type: 'datetime-local', id: 'publish-at', name: 'publish-at',
    'aria-describedby': 'publish-at-hint' });
  const schedule = el('form', { id: 'schedule', novalidate: true },
    el('div', { class: 'field' }, el('label', { for: 'publish-at' }, t('console-editor.publishAt')),
      el('p', { class: 'hint', id: 'publish-at-hint' }, t('console-editor.publishAtHint',
        { zone: OWN_ZONE.replace(/_/g, ' ') })), at),
    el('button', { type: 'submit', class: 'secondary' }, t('console-editor.schedule')));
  schedule.addEventListener('submit', (event) => {
    event.preventDefault();
    const iso = fromWallTime(at.value, OWN_ZONE);
    if (!iso || Date.parse(iso) <= Date.now()) {
      showErrors(schedule, [{ control: at, message: t('console-editor.needed.future') }]);
      return;
    }
    act('publish', { at: iso }, t('console-editor.scheduledFor', { when: formatDateTime(iso) }));
  });
  const log = el('div', { id: 'history' }, el('p', { class: 'hint' }, t('loading')));
  history(kind, item, session).then((list) => fill(log, list),
    () => fill(log, el('p', {}, t('console-editor.historyFailed'))));
  return [
    el('section', { class: 'publishing', 'aria-labelledby': 'publishing-title' },
      el('h2', { id: 'publishing-title' }, t('console-editor.publishing')), state,
      el('div', { class: 'row' }, buttons), item.status === 'published' ? null : schedule, announce,
      kind === 'calls' ? el('p', { class: 'call-links' }, el('a', { id: 'form-and-jury',
        href: `/console/call.html${query({ id: item.id })}` }, t('console-editor.formAndJury')),
      ` · ${item.formVersion ? t('console-editor.formVersion', { version: item.formVersion })
        : t('console-editor.noForm')}`) : null,
      el('h3', {}, t('console-editor.danger')),
      el('button', { type: 'button', class: 'danger', id: 'delete', onclick: async () => {
        if (await confirmStep({ title: t('console-editor.deleteTitle', { title }), text: t('console-editor.deleteText'),
          confirm: t('console-editor.deleteYes'), danger: true })) act('delete', undefined, '');
      } }, t('console-editor.delete'))),
    el('section', { class: 'history-section', 'aria-labelledby': 'history-title' },
      el('h2', { id: 'history-title' }, t('console-editor.historyTitle')), log),
  ];
}

/** A message in the publishing section's live region, with the focus on it (after a redraw). */
export function said(message) {
  const node = document.getElementById('publish-status');
  if (!node || !message) return;
  status(node, message);
  node.focus();
}
