// Who is signed in to the console, and how: the one owner of the editors' and jurors' token.
// On ./dev run the local issuer plays Cognito (config.json says "local"); in AWS, Cognito's hosted UI with the
// authorization code and PKCE (callback.js). The ID token lives in this tab's sessionStorage, never in localStorage:
// it ends with the tab (docs/SECURITY.md, "Where tokens live").
import { ApiError, api, query } from '../api.js';
import { lang, t } from '../i18n.js';
import { el, fill } from '../dom.js';
import { showErrors } from '../forms.js';

const TOKEN = 'console-token';
const RETURN_TO = 'console-return-to';
const VERIFIER = 'console-pkce';

/** The claims of a JWT, unverified: the API verifies; the page only reads who it is talking for. */
export function claims(token) {
  try {
    const payload = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    return JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(payload), (c) => c.charCodeAt(0))));
  } catch {
    return null;
  }
}

/** The session of this tab: {token, who, groups, city, email}, or null when signed out or expired. */
export function session() {
  const token = sessionStorage.getItem(TOKEN);
  const who = token && claims(token);
  if (!who || who.exp * 1000 <= Date.now()) {
    sessionStorage.removeItem(TOKEN);
    return null;
  }
  const groups = who['cognito:groups'] || [];
  return { token, who, groups, city: who['custom:city'] || null, email: who.email || null,
    isAdmin: groups.includes('admins'), isEditor: groups.includes('editors') || groups.includes('admins'),
    isReviewer: groups.includes('reviewers') };
}

export function keepToken(token) {
  sessionStorage.setItem(TOKEN, token);
}

export function signOut() {
  sessionStorage.removeItem(TOKEN);
  location.assign('/console/');
}

/**
 * The API with the console's token. A 401 means the token expired or was revoked: the page forgets it and asks to
 * sign in again, coming back here afterwards.
 */
export async function adminApi(path, options = {}) {
  const current = session();
  if (!current) return needSignIn();
  try {
    return await api(path, { ...options, headers: { ...options.headers, Authorization: `Bearer ${current.token}` } });
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return needSignIn();
    throw error;
  }
}

/** The same, for answers that are not JSON or whose headers matter (ETag, CSV): the raw Response, 401 handled. */
export async function adminFetch(path, init = {}) {
  const current = session();
  if (!current) return needSignIn();
  const response = await fetch(`/api${path}`, { ...init,
    headers: { ...init.headers, Authorization: `Bearer ${current.token}` } });
  if (response.status === 401) return needSignIn();
  return response;
}

function needSignIn() {
  sessionStorage.removeItem(TOKEN);
  sessionStorage.setItem(RETURN_TO, location.pathname + location.search);
  location.assign('/console/');
  return new Promise(() => {}); // the page is leaving: nothing after this runs
}

/** Where to go after signing in: the page the session ended on, if it was the console's. */
export function returnTo() {
  const target = sessionStorage.getItem(RETURN_TO);
  sessionStorage.removeItem(RETURN_TO);
  return target && target.startsWith('/console/') ? target : '/console/';
}

let config;
export async function signInConfig() {
  if (!config) {
    const response = await fetch('/console/config.json');
    config = response.ok ? await response.json() : { signIn: 'local' };
  }
  return config;
}

function base64Url(bytes) {
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Cognito's hosted UI, authorization code with PKCE (RFC 7636): the verifier stays in this tab. */
async function hostedSignIn(settings) {
  const verifier = base64Url(crypto.getRandomValues(new Uint8Array(32)));
  const state = base64Url(crypto.getRandomValues(new Uint8Array(16)));
  sessionStorage.setItem(VERIFIER, JSON.stringify({ verifier, state }));
  const challenge = base64Url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
  location.assign(`${settings.signIn}/oauth2/authorize${query({ response_type: 'code', client_id: settings.clientId,
    redirect_uri: `${location.origin}/console/callback`, scope: 'openid email profile', state,
    code_challenge: challenge, code_challenge_method: 'S256', lang })}`);
}

/** The code Cognito sent back, exchanged for tokens at its token endpoint; the ID token is kept. */
export async function finishHostedSignIn(code, state) {
  const settings = await signInConfig();
  const saved = JSON.parse(sessionStorage.getItem(VERIFIER) || 'null');
  sessionStorage.removeItem(VERIFIER);
  if (!saved || saved.state !== state) throw new Error(t('console.signInStale'));
  const response = await fetch(`${settings.signIn}/oauth2/token`, { method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'authorization_code', client_id: settings.clientId, code,
      redirect_uri: `${location.origin}/console/callback`, code_verifier: saved.verifier }) });
  if (!response.ok) throw new Error(t('console.signInFailed'));
  keepToken((await response.json()).id_token);
}

/** The sign-in form: the local issuer's choice of role on ./dev run, Cognito's hosted UI elsewhere. */
export async function signInForm(cities) {
  const settings = await signInConfig();
  if (settings.signIn !== 'local') {
    return el('section', { id: 'sign-in' }, el('h2', {}, t('console.signIn')), el('p', {}, t('console.cognito')),
      el('button', { type: 'button', onclick: () => hostedSignIn(settings) }, t('console.signInButton')));
  }
  const roleField = el('select', { id: 'role', name: 'role' }, ['editor', 'admin', 'reviewer'].map((role) =>
    el('option', { value: role }, t(`console.role.${role}`))));
  const cityField = el('div', { class: 'field' }, el('label', { for: 'city' }, t('filter.city')),
    el('select', { id: 'city', name: 'city' }, [...cities.values()]
      .sort((a, b) => a.name.localeCompare(b.name, lang))
      .map((city) => el('option', { value: city.slug }, city.name))));
  const emailField = el('div', { class: 'field', hidden: true },
    el('label', { for: 'email' }, t('console.email')),
    el('p', { class: 'hint', id: 'email-hint' }, t('console.emailHint')),
    el('input', { id: 'email', name: 'email', type: 'email', autocomplete: 'email', 'aria-describedby': 'email-hint' }));
  const shown = () => {
    cityField.hidden = roleField.value !== 'editor';
    emailField.hidden = roleField.value !== 'reviewer';
  };
  roleField.addEventListener('change', shown);
  const form = el('form', { id: 'sign-in', novalidate: true },
    el('h2', {}, t('console.signIn')),
    el('p', {}, t('console.localIssuer')),
    el('div', { class: 'field' }, el('label', { for: 'role' }, t('console.role')), roleField),
    cityField, emailField,
    el('button', { type: 'submit' }, t('console.signInButton')));
  shown();
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const role = form.elements.role.value;
    const email = form.elements.email.value.trim();
    if (role === 'reviewer' && !email) {
      showErrors(form, [{ control: form.elements.email, message: t('console.emailNeeded') }]);
      return;
    }
    const response = await fetch(`/api/_local/token${query({ role, city: role === 'editor' ? form.elements.city.value
      : undefined, email: email || undefined, 'expires-in': 3600 })}`);
    if (!response.ok) {
      const body = await response.json().catch(() => ({}));
      showErrors(form, [{ control: form.elements.role, message: body.message || t('error.text') }]);
      return;
    }
    keepToken((await response.text()).trim());
    location.assign(returnTo());
  });
  return form;
}

/** The console's own navigation, by what the signed-in person may do. */
function consoleNav(current) {
  const here = location.pathname;
  const links = [];
  if (current.isEditor) links.push(['/console/', 'console.nav.items']);
  if (current.isReviewer || current.isEditor) links.push(['/console/jury.html', 'console.nav.jury']);
  if (current.isAdmin) links.push(['/console/cities.html', 'console.nav.cities']);
  return el('nav', { class: 'console-nav', 'aria-label': t('console.nav.label') },
    el('ul', {}, links.map(([href, key]) => el('li', {},
      el('a', { href, 'aria-current': here === href ? 'page' : undefined }, t(key))))));
}

export async function citiesBySlug() {
  return new Map((await api(`/cities?lang=${lang}`)).items.map((city) => [city.slug, city]));
}

/**
 * The frame of every console page: signed in, it draws who and the console's navigation, then the page; signed out,
 * the sign-in form. draw(main, session, cities) returns the page's nodes.
 */
export async function consolePage(main, title, draw) {
  const cities = await citiesBySlug();
  const current = session();
  if (!current) {
    fill(main, el('h1', {}, t('console.title')), await signInForm(cities));
    return;
  }
  const who = current.who;
  const where = current.city ? cities.get(current.city)?.name || current.city : t('item.network');
  const header = el('div', { class: 'console-head' },
    el('p', { id: 'who' }, t(`console.who.${current.isReviewer && !current.isEditor ? 'reviewer' : 'editor'}`, {
      name: who.name || who.email || who['cognito:username'] || who.sub, city: where })),
    el('button', { type: 'button', class: 'secondary', onclick: signOut }, t('console.signOut')));
  fill(main, header, consoleNav(current), el('h1', {}, title), ...[await draw(main, current, cities)].flat());
}
