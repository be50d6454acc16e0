// /console/: the start of the editors' console. Signing in: on ./dev run, with the local issuer (which plays
// Cognito); in AWS, Cognito's hosted UI (to come). The token lives in this tab's sessionStorage, never in
// localStorage: it ends with the tab (docs/WEB.md, where tokens live).
import { ApiError, api, query } from './api.js';
import { formatDate, lang, t } from './i18n.js';
import { el, fill } from './dom.js';
import { showErrors } from './forms.js';
import { KINDS, page, setTitle } from './layout.js';

const TOKEN = 'console-token';
const STATUSES = ['draft', 'scheduled', 'published', 'unpublished'];
const local = ['localhost', '127.0.0.1', '[::1]'].includes(location.hostname);

function claims(token) {
  try {
    const payload = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    return JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(payload), (c) => c.charCodeAt(0))));
  } catch {
    return null;
  }
}

function signedIn() {
  const token = sessionStorage.getItem(TOKEN);
  const who = token && claims(token);
  if (!who || who.exp * 1000 <= Date.now()) {
    sessionStorage.removeItem(TOKEN);
    return null;
  }
  return { token, who };
}

function signInForm(main, cities) {
  const form = el('form', { id: 'sign-in', novalidate: true },
    el('h2', {}, t('console.signIn')),
    el('p', {}, t(local ? 'console.localIssuer' : 'console.cognitoSoon')),
    el('div', { class: 'field' }, el('label', { for: 'role' }, t('console.role')),
      el('select', { id: 'role', name: 'role' }, ['editor', 'admin'].map((role) =>
        el('option', { value: role }, t(`console.role.${role}`))))),
    el('div', { class: 'field' }, el('label', { for: 'city' }, t('filter.city')),
      el('select', { id: 'city', name: 'city' }, [...cities.values()]
        .sort((a, b) => a.name.localeCompare(b.name, lang))
        .map((city) => el('option', { value: city.slug }, city.name)))),
    el('button', { type: 'submit', disabled: !local }, t('console.signInButton')));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const params = { role: form.elements.role.value, city: form.elements.role.value === 'editor'
      ? form.elements.city.value : undefined, 'expires-in': 3600 };
    const response = await fetch(`/api/_local/token${query(params)}`);
    if (!response.ok) {
      showErrors(form, [{ control: form.elements.role, message: await response.text() }]);
      return;
    }
    sessionStorage.setItem(TOKEN, (await response.text()).trim());
    location.reload();
  });
  return form;
}

async function items(main, session, cities) {
  const params = new URLSearchParams(location.search);
  const kind = KINDS.includes(params.get('kind')) ? params.get('kind') : 'news';
  const status = STATUSES.includes(params.get('status')) ? params.get('status') : '';
  const headers = { Authorization: `Bearer ${session.token}` };
  let answer;
  try {
    answer = await api(`/admin/${kind}${query({ status, limit: 20, cursor: params.get('cursor') })}`, { headers });
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      sessionStorage.removeItem(TOKEN);
      location.reload();
      return [];
    }
    throw error;
  }
  const filters = el('form', { class: 'filters', method: 'get', action: '/console/' },
    el('div', { class: 'field' }, el('label', { for: 'kind' }, t('console.kind')),
      el('select', { id: 'kind', name: 'kind' }, KINDS.map((k) => el('option', { value: k, selected: k === kind },
        t(`kind.${k}`))))),
    el('div', { class: 'field' }, el('label', { for: 'status' }, t('filter.status')),
      el('select', { id: 'status', name: 'status' }, el('option', { value: '' }, t('console.anyStatus')),
        STATUSES.map((s) => el('option', { value: s, selected: s === status }, t(`console.status.${s}`))))),
    el('button', { type: 'submit' }, t('filter.apply')));
  const rows = answer.items.map((item) => {
    const title = item.translations?.[lang]?.title || item.translations?.en?.title
      || Object.values(item.translations || {})[0]?.title || item.slug;
    return el('tr', {},
      el('th', { scope: 'row' }, title),
      el('td', {}, t(`console.status.${item.status}`)),
      el('td', {}, item.city ? (cities.get(item.city)?.name || item.city) : t('item.network')),
      el('td', {}, formatDate(item.updatedAt || item.createdAt)));
  });
  const more = answer.nextCursor ? el('p', {}, el('a', { rel: 'next',
    href: `/console/${query({ kind, status, cursor: answer.nextCursor })}` }, t('list.next'))) : null;
  return [filters,
    answer.items.length ? el('table', { class: 'items' },
      el('caption', {}, t('console.items', { kind: t(`kind.${kind}`) })),
      el('thead', {}, el('tr', {}, ['console.title.col', 'filter.status', 'filter.city', 'console.updated']
        .map((key) => el('th', { scope: 'col' }, t(key))))),
      el('tbody', {}, rows)) : el('p', {}, t('list.empty')),
    more];
}

page(async (main) => {
  setTitle(t('console.title'));
  const cities = new Map((await api(`/cities?lang=${lang}`)).items.map((city) => [city.slug, city]));
  const session = signedIn();
  if (!session) {
    fill(main, el('h1', {}, t('console.title')), signInForm(main, cities));
    return;
  }
  const who = session.who;
  const signOut = el('button', { type: 'button', class: 'secondary', onclick: () => {
    sessionStorage.removeItem(TOKEN);
    location.assign('/console/');
  } }, t('console.signOut'));
  fill(main, el('h1', {}, t('console.title')),
    el('p', { id: 'who' }, t('console.who', { name: who['cognito:username'] || who.email || who.sub,
      city: who['custom:city'] ? cities.get(who['custom:city'])?.name || who['custom:city'] : t('item.network') }),
    ' ', signOut),
    ...await items(main, session, cities));
});
