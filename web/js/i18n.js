// Every visible string comes from /i18n/<language>.json, plus the bundles a page names (/i18n/<bundle>/<language>.json,
// the console's strings, which public pages never load); English fills what a language lacks.
export const LANGUAGES = { en: 'English', fr: 'Français', he: 'עברית' };
const RIGHT_TO_LEFT = new Set(['he', 'ar', 'fa', 'ur']);

let strings = {};
let fallback = {};
export let lang = 'en';

function choose() {
  const asked = new URLSearchParams(location.search).get('lang');
  if (asked in LANGUAGES) {
    localStorage.setItem('lang', asked); // a preference, not a secret
    return asked;
  }
  const saved = localStorage.getItem('lang');
  if (saved in LANGUAGES) return saved;
  for (const tag of navigator.languages || []) {
    const base = tag.toLowerCase().split('-')[0];
    if (base in LANGUAGES) return base;
  }
  return 'en';
}

async function fetchStrings(language, bundles) {
  const files = ['', ...bundles.map((bundle) => `${bundle}/`)].map(async (folder) => {
    const response = await fetch(`/i18n/${folder}${language}.json`);
    return response.ok ? response.json() : {};
  });
  return Object.assign({}, ...await Promise.all(files));
}

export async function loadStrings(bundles = []) {
  lang = choose();
  document.documentElement.lang = lang;
  document.documentElement.dir = RIGHT_TO_LEFT.has(lang) ? 'rtl' : 'ltr';
  const [own, english] = await Promise.all([fetchStrings(lang, bundles),
    lang === 'en' ? null : fetchStrings('en', bundles)]);
  strings = own;
  fallback = english || own;
  translate(document);
}

export function setLanguage(language) {
  localStorage.setItem('lang', language);
  const url = new URL(location.href);
  url.searchParams.delete('lang');
  location.replace(url);
}

/** The string for key, with {name} placeholders filled from vars. */
export function t(key, vars = {}) {
  const text = strings[key] ?? fallback[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (match, name) => (name in vars ? String(vars[name]) : match));
}

/** Fills data-i18n (text) and data-i18n-attr ("attribute:key,...") under root. */
export function translate(root) {
  root.querySelectorAll('[data-i18n]').forEach((node) => { node.textContent = t(node.dataset.i18n); });
  root.querySelectorAll('[data-i18n-attr]').forEach((node) => {
    for (const pair of node.dataset.i18nAttr.split(',')) {
      const [attribute, key] = pair.split(':');
      node.setAttribute(attribute, t(key));
    }
  });
}

export function formatDate(iso, options = {}) {
  if (!iso) return '';
  return new Intl.DateTimeFormat(lang, { dateStyle: 'long', ...options }).format(new Date(iso));
}

export function formatDateTime(iso, timeZone) {
  if (!iso) return '';
  // dateStyle cannot be combined with timeZoneName: the parts are named one by one.
  return new Intl.DateTimeFormat(lang, { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric',
    hour: '2-digit', minute: '2-digit', timeZone, timeZoneName: 'short' }).format(new Date(iso));
}

export function countryName(code) {
  try {
    return new Intl.DisplayNames([lang], { type: 'region' }).of(code) || code;
  } catch {
    return code;
  }
}
