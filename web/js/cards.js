// An item in a list: title, what it is, where and when, its first image.
import { countryName, formatDate, t } from './i18n.js';
import { el, picture } from './dom.js';

export const PATH_OF_KIND = { news: 'news', event: 'events', call: 'calls', project: 'projects',
  'city-to-city': 'city-to-city' };

export function when(item) {
  switch (item.kind) {
    case 'event':
      return t('item.eventOn', { date: formatDate(item.startsAt, { timeZone: item.timeZone }) });
    case 'call':
      return t(`call.status.${item.status}`) + ' · '
        + t('call.closes', { date: formatDate(item.closesAt, { timeZone: item.timeZone }) });
    default:
      return item.publishedAt ? formatDate(item.publishedAt) : '';
  }
}

export function card(item, cities, headingLevel = 'h3') {
  const city = item.city ? cities.get(item.city) : null;
  const where = city ? `${city.name}, ${countryName(city.country)}` : t('item.network');
  const image = item.images?.[0];
  return el('article', { class: 'card', lang: item.lang, dir: 'auto' },
    image ? picture(image, { sizes: '(min-width: 48rem) 12rem, 100vw' }) : null,
    el('div', { class: 'card-text' },
      el(headingLevel, {}, el('a', { href: `/${PATH_OF_KIND[item.kind]}/${item.slug}` }, item.title)),
      el('p', { class: 'meta' }, `${where} · ${when(item)}`),
      item.summary ? el('p', {}, item.summary) : null));
}

/** The cities by slug, in the page's language (one request, cached by the browser for five minutes). */
export async function citiesBySlug(api, lang) {
  const answer = await api(`/cities?lang=${encodeURIComponent(lang)}`);
  return new Map(answer.items.map((city) => [city.slug, city]));
}
