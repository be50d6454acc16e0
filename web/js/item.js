// One item: /news/{slug}, /events/{slug}, ... with its images, its body (sanitised HTML from the API) and its
// structured data.
import { api } from './api.js';
import { PATH_OF_KIND, citiesBySlug } from './cards.js';
import { countryName, formatDate, formatDateTime, lang, t } from './i18n.js';
import { el, picture, setSanitizedHtml } from './dom.js';
import { KINDS, page, setTitle } from './layout.js';

function facts(item, cities) {
  const rows = [];
  const row = (key, ...value) => rows.push(el('dt', {}, t(key)), el('dd', {}, ...value));
  const city = item.city ? cities.get(item.city) : null;
  row('item.where', city ? el('a', { href: `/cities/${city.slug}` }, `${city.name}, ${countryName(city.country)}`)
    : t('item.network'));
  if (item.kind === 'event') {
    row('event.starts', formatDateTime(item.startsAt, item.timeZone));
    row('event.ends', formatDateTime(item.endsAt, item.timeZone));
    row('event.mode', t(`event.mode.${item.attendanceMode}`));
    if (item.venue) row('event.venue', `${item.venue.name}${item.venue.address ? `, ${item.venue.address}` : ''}`);
    if (item.onlineUrl) row('event.online', el('a', { href: item.onlineUrl, rel: 'noopener' }, item.onlineUrl));
  }
  if (item.kind === 'call') {
    row('call.statusLabel', t(`call.status.${item.status}`));
    row('call.opens', formatDateTime(item.opensAt, item.timeZone));
    row('call.deadline', formatDateTime(item.closesAt, item.timeZone));
    if (item.eligibility) row('call.eligibility', item.eligibility);
    if (item.award) row('call.award', item.award);
    if (item.contact?.email) row('call.contact', el('a', { href: `mailto:${item.contact.email}` }, item.contact.email));
  }
  if (item.year) row('project.year', String(item.year));
  if (item.participatingCities?.length) {
    row('project.cities', item.participatingCities.map((slug) => cities.get(slug)?.name || slug).join(', '));
  }
  if (item.artists?.length) {
    row('project.artists', ...item.artists.flatMap((artist, i) => [i ? ', ' : '',
      artist.url ? el('a', { href: artist.url, rel: 'noopener' }, artist.name) : artist.name]));
  }
  if (item.kind === 'news' && item.publishedAt) row('item.published', formatDate(item.publishedAt));
  return rows.length ? el('dl', { class: 'facts' }, rows) : null;
}

/** schema.org data: the API's own for events; for the other kinds, what the page shows. */
function structuredData(item) {
  const data = item.jsonLd || {
    '@context': 'https://schema.org',
    '@type': item.kind === 'news' ? 'NewsArticle' : 'CreativeWork',
    headline: item.title,
    description: item.summary || undefined,
    inLanguage: item.lang,
    datePublished: item.publishedAt || undefined,
    image: item.images?.map((image) => image.url).filter(Boolean),
  };
  // A data block, never run: its text is set as text, so no markup in it can end the element.
  return el('script', { type: 'application/ld+json', text: JSON.stringify(data) });
}

page(async (main) => {
  const [, kind, slug] = location.pathname.split('/');
  if (!KINDS.includes(kind)) throw Object.assign(new Error('unknown kind'), { status: 404 });
  const [item, cities] = await Promise.all([api(`/${kind}/${encodeURIComponent(slug)}?lang=${lang}`),
    citiesBySlug(api, lang)]);
  if (item.movedFrom) history.replaceState(null, '', `/${PATH_OF_KIND[item.kind]}/${item.slug}`);
  setTitle(item.title);
  document.head.append(structuredData(item));
  const [first, ...others] = item.images || [];
  const body = el('div', { class: 'body', lang: item.lang });
  if (item.bodyHtml) setSanitizedHtml(body, item.bodyHtml);
  main.replaceChildren(el('article', { class: 'item', lang: item.lang, dir: 'auto' },
    el('p', { class: 'kind' }, el('a', { href: `/${kind}/` }, t(`kind.${kind}`))),
    el('h1', {}, item.title),
    item.summary ? el('p', { class: 'lead' }, item.summary) : null,
    first ? el('figure', {}, picture(first, { sizes: '(min-width: 60rem) 56rem, 100vw', eager: true })) : null,
    facts(item, cities),
    item.kind === 'call' && item.status === 'open'
      ? el('p', {}, el('a', { class: 'button', href: `/calls/${item.slug}/apply` }, t('call.apply'))) : null,
    body,
    others.length ? el('div', { class: 'gallery' }, others.map((image) => picture(image,
      { sizes: '(min-width: 48rem) 20rem, 100vw' }))) : null,
    item.tags?.length ? el('ul', { class: 'tags', 'aria-label': t('item.tags') }, item.tags.map((tag) =>
      el('li', {}, el('a', { href: `/${kind}/?tag=${encodeURIComponent(tag)}` }, tag)))) : null,
    item.lang !== lang
      ? el('p', { class: 'meta' }, t('item.servedIn', { language: new Intl.DisplayNames([lang], { type: 'language' })
        .of(item.lang) })) : null));
});
