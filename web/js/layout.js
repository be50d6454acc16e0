// What every page shares: the header with its navigation and language choice, the footer with the feeds, and a
// runner that shows a failure instead of a blank page.
import { LANGUAGES, lang, loadStrings, setLanguage, t } from './i18n.js';
import { el } from './dom.js';

export const KINDS = ['news', 'events', 'calls', 'projects', 'city-to-city'];

function header() {
  const select = el('select', { id: 'language', onchange: (event) => setLanguage(event.target.value) },
    Object.entries(LANGUAGES).map(([code, name]) =>
      el('option', { value: code, lang: code, selected: code === lang }, name)));
  const here = location.pathname.split('/')[1];
  return [
    el('a', { class: 'brand', href: '/' }, t('site.name')),
    el('nav', { 'aria-label': t('nav.label') },
      el('ul', {}, [...KINDS, 'newsletter'].map((kind) =>
        el('li', {}, el('a', { href: `/${kind}/`, 'aria-current': here === kind ? 'page' : undefined },
          t(`kind.${kind}`)))))),
    el('div', { class: 'language' }, el('label', { for: 'language' }, t('language')), select),
  ];
}

function footer() {
  return [
    el('p', {}, t('footer.about')),
    el('ul', { class: 'feeds' },
      el('li', {}, el('a', { href: `/api/news/feed.rss?lang=${lang}`, type: 'application/rss+xml' }, t('feed.rss'))),
      el('li', {}, el('a', { href: `/api/events/calendar.ics?lang=${lang}`, type: 'text/calendar' }, t('feed.ics'))),
      el('li', {}, el('a', { href: '/console/' }, t('footer.console')))),
  ];
}

/**
 * Loads the strings (and the bundles named, e.g. the console's), draws the frame, then the page itself; a failure is
 * said in the page, politely.
 */
export async function page(draw, { bundles = [] } = {}) {
  // An emailed link opened in a tab already on this page changes only the fragment: start the page again for it.
  addEventListener('hashchange', () => /(^|[#&])(token|code)=/.test(location.hash) && location.reload());
  await loadStrings(bundles);
  document.getElementById('site-header').replaceChildren(...header());
  document.getElementById('site-footer').replaceChildren(...footer());
  const main = document.getElementById('main');
  try {
    await draw(main);
  } catch (error) {
    console.error(error);
    const notFound = error.status === 404;
    document.title = t(notFound ? 'error.notFound' : 'error.title');
    main.replaceChildren(el('h1', {}, t(notFound ? 'error.notFound' : 'error.title')),
      el('p', { role: 'alert' }, notFound ? t('error.notFoundText') : t('error.text')));
  }
  main.setAttribute('aria-busy', 'false');
}

export function setTitle(text) {
  document.title = `${text} · ${t('site.name')}`;
}
