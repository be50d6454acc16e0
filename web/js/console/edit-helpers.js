// What the call's screens and the cities' screen share: texts per language, the control an API error names, a
// confirmation step before removing something, and the words for a save that lost a race.
import { lang, t } from '../i18n.js';
import { el } from '../dom.js';

/** A language's name in the reader's language ("French" in English, "anglais" in French), else its tag. */
export function languageName(tag) {
  try {
    return new Intl.DisplayNames([lang], { type: 'language' }).of(tag) || tag;
  } catch {
    return tag;
  }
}

/** A text in the reader's language, else English, else the given original language, else any. */
export function inLanguage(texts, original) {
  if (!texts) return '';
  return texts[lang] || texts.en || texts[original] || Object.values(texts)[0] || '';
}

/**
 * One input per language for a text given in several (a question's label, a criterion's name): edits go straight into
 * texts[language]. The API's error for it names `path.language`, which each input answers to (data-paths).
 */
export function textsByLanguage({ id, path, texts, languages, original, labelKey, vars = {}, multiline = false,
  onInput, paths = {} }) {
  return el('div', { class: 'by-language' }, languages.map((language) => {
    const controlId = `${id}-${language}`;
    const attributes = { id: controlId, lang: language, 'data-paths': [`${path}.${language}`,
      ...(paths[language] || [])].join(' '),
    oninput: (event) => {
      texts[language] = event.target.value;
      onInput?.(language, event.target.value);
    } };
    const control = multiline ? el('textarea', { ...attributes, rows: 2 }, texts[language] || '')
      : el('input', { ...attributes, value: texts[language] || '' });
    return el('div', { class: 'field' },
      el('label', { for: controlId }, t(labelKey, { ...vars, language: languageName(language) }),
        language === original ? el('span', { class: 'required' }, ` (${t('console-calls.required')})`) : ''),
      control);
  }));
}

/**
 * The control an API error's field names (`fields[2].label.fr`, `reviewers[2]`): the one that answers to that path,
 * else the first under it, else the nearest parent's. Null when nothing on the page matches.
 */
export function controlAt(form, path) {
  if (!path) return null;
  const controls = [...form.querySelectorAll('[data-paths]')];
  for (let current = path; current; current = current.replace(/(\.[^.[\]]*|\[\d+\])$/, '')) {
    const exact = controls.find((node) => node.dataset.paths.split(' ').includes(current));
    if (exact) return exact;
    const under = controls.find((node) => node.dataset.paths.split(' ')
      .some((one) => one.startsWith(`${current}.`) || one.startsWith(`${current}[`)));
    if (under) return under;
    if (!/(\.[^.[\]]*|\[\d+\])$/.test(current)) break;
  }
  return null;
}

/** The ETag of a response, as the next If-Match wants it (quoted, as sent). */
export const etagOf = (response) => response.headers.get('etag');

/** The API's error body of a response, or an empty one. */
export async function errorOf(response) {
  const body = await response.json().catch(() => ({}));
  return body?.error || {};
}

/**
 * What a save that did not go through says, for the answers every versioned save shares: someone else saved meanwhile
 * (412, with a way to load their version), the version was not sent (428), refused (403). Null for the others.
 */
export function staleNotice(status, reload) {
  const key = { 412: 'console-calls.stale', 428: 'console-calls.noVersion', 403: 'console-calls.forbidden' }[status];
  if (!key) return null;
  return el('div', { class: 'notice', role: 'alert' },
    el('p', {}, t(key)),
    status === 403 ? null : el('button', { type: 'button', class: 'secondary', onclick: reload },
      t('console-calls.reload')));
}
