// A kind's list (/news/, /events/, ...): its filters as a GET form, so that every state is a link, and the pages
// followed with the API's cursor.
import { api, query } from './api.js';
import { card, citiesBySlug } from './cards.js';
import { lang, t } from './i18n.js';
import { el, fill } from './dom.js';
import { KINDS, page, setTitle } from './layout.js';

function field(id, label, control) {
  return el('div', { class: 'field' }, el('label', { for: id }, label), control);
}

function filters(kind, params, cities) {
  const citySelect = el('select', { id: 'filter-city', name: 'city' },
    el('option', { value: '' }, t('filter.anyCity')),
    [...cities.values()].sort((a, b) => a.name.localeCompare(b.name, lang)).map((city) =>
      el('option', { value: city.slug, selected: params.get('city') === city.slug }, city.name)));
  const controls = [
    field('filter-city', t('filter.city'), citySelect),
    field('filter-tag', t('filter.tag'), el('input', { id: 'filter-tag', name: 'tag', value: params.get('tag') || '',
      pattern: '[a-z0-9-]+', autocomplete: 'off' })),
  ];
  if (kind === 'events') {
    controls.push(field('filter-from', t('filter.from'), el('input', { id: 'filter-from', name: 'from', type: 'date',
      value: params.get('from') || '' })));
    controls.push(field('filter-to', t('filter.to'), el('input', { id: 'filter-to', name: 'to', type: 'date',
      value: params.get('to') || '' })));
  }
  if (kind === 'calls') {
    controls.push(field('filter-status', t('filter.status'), el('select', { id: 'filter-status', name: 'status' },
      el('option', { value: '' }, t('filter.openOrUpcoming')),
      ['open', 'upcoming', 'closed'].map((status) =>
        el('option', { value: status, selected: params.get('status') === status }, t(`call.status.${status}`))))));
  }
  const form = el('form', { class: 'filters', method: 'get', action: `/${kind}/`, role: 'search',
    'aria-label': t('filter.label') }, controls, el('button', { type: 'submit' }, t('filter.apply')));
  // Empty fields stay out of the address, as the API refuses an empty filter.
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const values = Object.fromEntries(new FormData(form));
    location.assign(`/${kind}/${query(values)}`);
  });
  return form;
}

page(async (main) => {
  const kind = location.pathname.split('/')[1];
  if (!KINDS.includes(kind)) throw Object.assign(new Error('unknown kind'), { status: 404 });
  setTitle(t(`kind.${kind}`));
  const params = new URLSearchParams(location.search);
  const filter = Object.fromEntries(['city', 'tag', 'from', 'to', 'status']
    .filter((name) => params.get(name)).map((name) => [name, params.get(name)]));
  const cities = await citiesBySlug(api, lang);
  const answer = await api(`/${kind}${query({ ...filter, lang, limit: 10, cursor: params.get('cursor') })}`);
  const feeds = [];
  if (kind === 'news') feeds.push(el('a', { href: `/api/news/feed.rss${query({ lang, city: filter.city })}` }, t('feed.rss')));
  if (kind === 'events') {
    feeds.push(el('a', { href: `/api/events/calendar.ics${query({ lang, city: filter.city })}` }, t('feed.ics')));
  }
  const pages = [];
  if (params.get('cursor')) pages.push(el('a', { href: `/${kind}/${query(filter)}` }, t('list.first')));
  if (answer.nextCursor) {
    pages.push(el('a', { rel: 'next', href: `/${kind}/${query({ ...filter, cursor: answer.nextCursor })}` },
      t('list.next')));
  }
  fill(main, 
    el('h1', {}, t(`kind.${kind}`)),
    el('p', { class: 'lead' }, t(`lead.${kind}`)),
    filters(kind, params, cities),
    feeds.length ? el('p', { class: 'feeds' }, feeds) : null,
    el('h2', { class: 'visually-hidden' }, t('list.results')),
    answer.items.length ? el('div', { class: 'cards', id: 'results' }, answer.items.map((item) => card(item, cities)))
      : el('p', { id: 'results' }, t('list.empty')),
    pages.length ? el('nav', { class: 'pages', 'aria-label': t('list.pages') }, pages) : null);
});
