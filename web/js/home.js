import { api } from './api.js';
import { card, citiesBySlug } from './cards.js';
import { countryName, lang, t } from './i18n.js';
import { el, fill } from './dom.js';
import { page, setTitle } from './layout.js';

async function section(kind, params, cities, id) {
  const answer = await api(`/${kind}?limit=3&lang=${lang}${params}`);
  return el('section', { 'aria-labelledby': id },
    el('h2', { id }, t(`home.${kind}`)),
    answer.items.length ? el('div', { class: 'cards' }, answer.items.map((item) => card(item, cities)))
      : el('p', {}, t('list.empty')),
    el('p', {}, el('a', { href: `/${kind}/` }, t(`home.all.${kind}`))));
}

page(async (main) => {
  setTitle(t('home.title'));
  const cities = await citiesBySlug(api, lang);
  const sections = await Promise.all([
    section('news', '', cities, 'latest-news'),
    section('events', '', cities, 'next-events'),
    section('calls', '&status=open', cities, 'open-calls'),
  ]);
  const list = [...cities.values()].sort((a, b) => a.name.localeCompare(b.name, lang));
  fill(main, 
    el('h1', {}, t('home.title')),
    el('p', { class: 'lead' }, t('home.lead')),
    ...sections,
    el('section', { 'aria-labelledby': 'cities' },
      el('h2', { id: 'cities' }, t('home.cities', { count: list.length })),
      el('ul', { class: 'cities' }, list.map((city) => el('li', {},
        el('a', { href: `/cities/${city.slug}` }, city.name), ' ',
        el('span', { class: 'meta' }, countryName(city.country)))))),
    el('p', {}, el('a', { class: 'button', href: '/newsletter/' }, t('home.subscribe'))));
});
