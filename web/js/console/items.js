// /console/: the city's items by kind and status, each linked to its editor; calls also to their form, jury and
// applications. Reviewers, who have no items, are sent to their juries.
import { query } from '../api.js';
import { formatDate, t } from '../i18n.js';
import { el } from '../dom.js';
import { KINDS, page, setTitle } from '../layout.js';
import { adminApi, consolePage } from './session.js';
import { STATUSES, titleOf } from './titles.js';

function filters(kind, status) {
  return el('form', { class: 'filters', method: 'get', action: '/console/' },
    el('div', { class: 'field' }, el('label', { for: 'kind' }, t('console.kind')),
      el('select', { id: 'kind', name: 'kind' }, KINDS.map((k) => el('option', { value: k, selected: k === kind },
        t(`kind.${k}`))))),
    el('div', { class: 'field' }, el('label', { for: 'status' }, t('filter.status')),
      el('select', { id: 'status', name: 'status' }, el('option', { value: '' }, t('console.anyStatus')),
        STATUSES.map((s) => el('option', { value: s, selected: s === status }, t(`console.status.${s}`))))),
    el('button', { type: 'submit' }, t('filter.apply')));
}

function row(kind, item, cities) {
  const edit = `/console/item.html${query({ kind, id: item.id })}`;
  const callLinks = kind === 'calls' ? [
    el('a', { href: `/console/call.html${query({ id: item.id })}` }, t('console.callFormJury')), ' · ',
    el('a', { href: `/console/applications.html${query({ call: item.id })}` }, t('console.callApplications')),
  ] : [];
  return el('tr', {},
    el('th', { scope: 'row' }, el('a', { href: edit }, titleOf(item))),
    el('td', {}, t(`console.status.${item.status}`)),
    el('td', {}, item.city ? (cities.get(item.city)?.name || item.city) : t('item.network')),
    el('td', {}, formatDate(item.updatedAt || item.createdAt)),
    el('td', {}, callLinks));
}

async function items(session, cities) {
  if (!session.isEditor) {
    location.replace('/console/jury.html');
    return [];
  }
  const params = new URLSearchParams(location.search);
  const kind = KINDS.includes(params.get('kind')) ? params.get('kind') : 'news';
  const status = STATUSES.includes(params.get('status')) ? params.get('status') : '';
  const answer = await adminApi(`/admin/${kind}${query({ status, limit: 20, cursor: params.get('cursor') })}`);
  const more = answer.nextCursor ? el('p', {}, el('a', { rel: 'next',
    href: `/console/${query({ kind, status, cursor: answer.nextCursor })}` }, t('list.next'))) : null;
  return [
    el('p', {}, el('a', { class: 'button', id: 'new-item', href: `/console/item.html${query({ kind })}` },
      t('console.newItem', { kind: t(`kind.${kind}`) }))),
    filters(kind, status),
    answer.items.length ? el('table', { class: 'items' },
      el('caption', {}, t('console.items', { kind: t(`kind.${kind}`) })),
      el('thead', {}, el('tr', {}, ['console.title.col', 'filter.status', 'filter.city', 'console.updated',
        'console.more'].map((key) => el('th', { scope: 'col' }, t(key))))),
      el('tbody', {}, answer.items.map((item) => row(kind, item, cities)))) : el('p', {}, t('list.empty')),
    more];
}

page(async (main) => {
  setTitle(t('console.title'));
  await consolePage(main, t('console.itemsTitle'), (_, session, cities) => items(session, cities));
}, { bundles: ['console'] });
