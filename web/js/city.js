// A city of the network, with what it publishes.
import { api } from './api.js';
import { card, citiesBySlug } from './cards.js';
import { countryName, lang, t } from './i18n.js';
import { el, fill } from './dom.js';
import { page, setTitle } from './layout.js';

page(async (main) => {
  const slug = location.pathname.split('/')[2];
  const [city, cities] = await Promise.all([api(`/cities/${encodeURIComponent(slug)}?lang=${lang}`),
    citiesBySlug(api, lang)]);
  setTitle(city.name);
  const sections = await Promise.all(['news', 'events', 'calls'].map(async (kind) => {
    const answer = await api(`/${kind}?city=${city.slug}&limit=3&lang=${lang}`);
    return el('section', { 'aria-labelledby': `city-${kind}` },
      el('h2', { id: `city-${kind}` }, t(`kind.${kind}`)),
      answer.items.length ? el('div', { class: 'cards' }, answer.items.map((item) => card(item, cities)))
        : el('p', {}, t('list.empty')),
      el('p', {}, el('a', { href: `/${kind}/?city=${city.slug}` }, t(`home.all.${kind}`))));
  }));
  fill(main, 
    el('h1', {}, city.name),
    el('p', { class: 'lead' }, countryName(city.country),
      city.joinedYear ? ` · ${t('city.joined', { year: city.joinedYear })}` : ''),
    city.website ? el('p', {}, el('a', { href: city.website, rel: 'noopener' }, t('city.website'))) : null,
    ...sections);
});
