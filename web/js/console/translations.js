// The item's texts, one tab per language: title, summary, Markdown body with its preview (and a call's eligibility
// and award), what each language still lacks, and what a reader of that language sees instead (the API's fallback:
// the language asked for, else English, else the original language; field by field).
import { lang as uiLang, t } from '../i18n.js';
import { el, fill, setSanitizedHtml } from '../dom.js';
import { renderMarkdown } from './markdown.js';

const SITE_LANGUAGES = ['en', 'fr', 'he'];

export function languageName(code) {
  try {
    return new Intl.DisplayNames([uiLang], { type: 'language' }).of(code) || code;
  } catch {
    return code;
  }
}

let lastTab; // kept across redraws after a save, so the editor stays where they were

export class Translations {
  /**
   * @param kind the admin path (news, calls...); item the stored item or null; networkLanguages every city's
   * languages; cityLanguages the item's city's; renderedBody(lang) the API's bodyHtml of the saved text, or null.
   * The page calls refresh() on every input.
   */
  constructor({ kind, item, cityLanguages, networkLanguages, renderedBody }) {
    this.kind = kind;
    this.item = item;
    this.renderedBody = renderedBody;
    this.fields = ['title', 'summary', 'body', ...(kind === 'calls' ? ['eligibility', 'award'] : [])];
    const stored = Object.keys(item?.translations || {});
    this.languages = [...new Set([...SITE_LANGUAGES, ...cityLanguages, ...stored])];
    this.networkLanguages = [...new Set(networkLanguages)].sort();
    this.tablist = el('div', { role: 'tablist', class: 'language-tabs', 'aria-label': t('console-editor.languages') });
    this.panels = el('div', { class: 'language-panels' });
    this.status = el('ul', { class: 'completeness', id: 'completeness' });
    this.original = el('select', { id: 'f-originalLanguage', 'data-field': 'originalLanguage' });
    this.adder = el('select', { id: 'add-language', 'aria-describedby': 'add-language-hint' });
    this.node = el('section', { class: 'translations', 'aria-labelledby': 'texts-title' },
      el('h2', { id: 'texts-title' }, t('console-editor.texts')),
      el('p', { class: 'hint' }, t('console-editor.textsHint')),
      el('h3', {}, t('console-editor.completeness')), this.status,
      this.tablist, this.panels,
      el('div', { class: 'inline-fields' },
        el('div', { class: 'field' }, el('label', { for: 'f-originalLanguage' }, t('console-editor.original')),
          el('p', { class: 'hint', id: 'original-hint' }, t('console-editor.originalHint')), this.original),
        el('div', { class: 'field add-language' }, el('label', { for: 'add-language' }, t('console-editor.addLanguage')),
          el('p', { class: 'hint', id: 'add-language-hint' }, t('console-editor.addLanguageHint')),
          el('div', { class: 'row' }, this.adder,
            el('button', { type: 'button', class: 'secondary', onclick: () => this.addChosen() },
              t('console-editor.add'))))));
    this.languages.forEach((code) => this.addTab(code));
    this.fillAdder();
    this.activate(this.languages.includes(lastTab) ? lastTab : stored[0] || 'en');
  }

  addTab(code) {
    const saved = this.item?.translations?.[code] || {};
    const tab = el('button', { type: 'button', role: 'tab', id: `tab-${code}`, 'aria-controls': `panel-${code}`,
      'aria-selected': 'false', tabindex: '-1', 'data-lang': code, onclick: () => this.activate(code),
      onkeydown: (event) => this.arrows(event, code) }, el('span', { lang: code }, languageName(code)), ' ',
    el('span', { class: 'tab-state' }));
    const panel = el('div', { role: 'tabpanel', id: `panel-${code}`, 'aria-labelledby': `tab-${code}`, hidden: true,
      'data-lang': code }, this.fields.map((name) => this.field(code, name, saved[name] || '')),
    el('p', { class: 'fallback', id: `fallback-${code}` }));
    this.tablist.append(tab);
    this.panels.append(panel);
  }

  field(code, name, value) {
    const id = `t-${code}-${name}`;
    const multi = name !== 'title';
    const control = el(multi ? 'textarea' : 'input', { id, name: id, lang: code, dir: 'auto',
      'data-field': `translations.${code}.${name}`, rows: name === 'body' ? 12 : name === 'summary' ? 3 : 2,
      maxlength: { title: 200, summary: 600, body: 50000 }[name] ?? 2000,
      'aria-describedby': name === 'body' ? `${id}-hint` : undefined });
    if (!multi) control.removeAttribute('rows');
    control.value = value;
    const label = t(`console-editor.field.${name}`, { language: languageName(code) });
    if (name !== 'body') return el('div', { class: 'field' }, el('label', { for: id }, label), control);
    const preview = el('div', { class: 'preview', id: `${id}-preview`, lang: code, dir: 'auto', hidden: true,
      'aria-live': 'polite' });
    return el('div', { class: 'field' }, el('label', { for: id }, label),
      el('p', { class: 'hint', id: `${id}-hint` }, t('console-editor.markdownHint')), control,
      el('p', {}, el('button', { type: 'button', class: 'secondary preview-button', id: `${id}-show`,
        'aria-controls': `${id}-preview`, onclick: () => this.preview(code, control, preview) },
      t('console-editor.preview'))),
      preview);
  }

  /** The API's own rendering when the text is the saved one of a published item, else the page's close copy. */
  async preview(code, control, node) {
    const saved = this.item?.translations?.[code]?.body || '';
    const html = control.value === saved && saved ? await this.renderedBody(code) : null;
    const heading = el('h4', {}, t(html ? 'console-editor.previewAsReaders' : 'console-editor.previewDraft'));
    const body = el('div', { class: 'body' });
    if (html) setSanitizedHtml(body, html);
    else if (control.value.trim()) fill(body, renderMarkdown(control.value));
    else fill(body, el('p', { class: 'hint' }, t('console-editor.previewEmpty')));
    fill(node, heading, body);
    node.hidden = false;
  }

  activate(code, focus = false) {
    lastTab = code;
    for (const tab of this.tablist.children) {
      const on = tab.dataset.lang === code;
      tab.setAttribute('aria-selected', String(on));
      tab.tabIndex = on ? 0 : -1;
      if (on && focus) tab.focus();
    }
    for (const panel of this.panels.children) panel.hidden = panel.dataset.lang !== code;
  }

  arrows(event, code) {
    const codes = [...this.tablist.children].map((tab) => tab.dataset.lang);
    const at = codes.indexOf(code);
    const forward = document.documentElement.dir === 'rtl' ? 'ArrowLeft' : 'ArrowRight';
    const backward = forward === 'ArrowLeft' ? 'ArrowRight' : 'ArrowLeft';
    const next = { [forward]: at + 1, [backward]: at - 1, Home: 0, End: codes.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    this.activate(codes[(next + codes.length) % codes.length], true);
  }

  /** Shows the tab holding a control (an error's field) before the control takes the focus. */
  reveal(control) {
    const panel = control?.closest('[role=tabpanel]');
    if (panel) this.activate(panel.dataset.lang);
  }

  fillAdder() {
    const options = this.networkLanguages.filter((code) => !this.languages.includes(code))
      .map((code) => [code, languageName(code)]).sort((a, b) => a[1].localeCompare(b[1], uiLang));
    fill(this.adder, options.map(([code, name]) => el('option', { value: code }, name)));
    this.adder.closest?.('.add-language')?.toggleAttribute('hidden', !options.length);
  }

  addChosen() {
    const code = this.adder.value;
    if (!code || this.languages.includes(code)) return;
    this.languages.push(code);
    this.addTab(code);
    this.fillAdder();
    this.activate(code, true);
    this.node.dispatchEvent(new Event('input', { bubbles: true })); // the page redraws what is missing
  }

  value(code, name) {
    return this.panels.querySelector(`#t-${code}-${name}`)?.value.trim() || '';
  }

  /** The languages whose title is filled: the item's languages. */
  titled() {
    return this.languages.filter((code) => this.value(code, 'title'));
  }

  /** translations and originalLanguage as the API takes them: only languages with something written. */
  read() {
    const translations = {};
    for (const code of this.languages) {
      const text = {};
      for (const name of this.fields) {
        const value = this.panels.querySelector(`#t-${code}-${name}`).value;
        if (value.trim()) text[name] = value;
      }
      if (Object.keys(text).length) translations[code] = text;
    }
    const original = this.original.value in translations ? this.original.value : undefined;
    return { translations, originalLanguage: original };
  }

  /** The language a reader gets a missing field in: English, else the original language. */
  fallbackFor(code, name) {
    const original = this.original.value || this.titled()[0];
    return [code, 'en', original].find((candidate) => candidate && this.value(candidate, name)) || null;
  }

  /**
   * Redraws what each language lacks and its fallback; missingAlt(code) counts the images without alt text in it.
   */
  refresh(missingAlt = this.missingAlt || (() => 0)) {
    this.missingAlt = missingAlt;
    const titled = this.titled();
    const keep = this.original.value || this.item?.originalLanguage;
    fill(this.original, (titled.length ? titled : this.languages).map((code) =>
      el('option', { value: code, selected: code === keep }, languageName(code))));
    const lines = [];
    for (const code of this.languages) {
      const name = languageName(code);
      const missing = this.fields.filter((field) => !this.value(code, field))
        .map((field) => t(`console-editor.missing.${field}`));
      const alt = titled.includes(code) ? missingAlt(code) : 0;
      if (alt) missing.push(t('console-editor.missing.alt', { count: alt }));
      let state;
      let fallback;
      if (!titled.includes(code)) {
        const shown = this.fallbackFor(code, 'title');
        state = t('console-editor.state.absent');
        fallback = shown ? t('console-editor.fallback.whole', { language: name, shown: languageName(shown) })
          : t('console-editor.fallback.nothing');
      } else if (missing.length) {
        state = t('console-editor.state.missing', { count: missing.length });
        const shown = this.fields.filter((field) => !this.value(code, field) && this.fallbackFor(code, field))
          .map((field) => t('console-editor.fallback.field', { field: t(`console-editor.missing.${field}`),
            shown: languageName(this.fallbackFor(code, field)) }));
        fallback = shown.length ? t('console-editor.fallback.fields', { language: name, fields: shown.join(', ') })
          : '';
      } else {
        state = t('console-editor.state.complete');
        fallback = '';
      }
      this.tablist.querySelector(`#tab-${code} .tab-state`).textContent = `(${state})`;
      this.panels.querySelector(`#fallback-${code}`).textContent = fallback;
      lines.push(el('li', { class: titled.includes(code) && !missing.length ? 'complete' : 'incomplete' },
        el('strong', { lang: code }, name), ': ',
        titled.includes(code) ? (missing.length ? t('console-editor.lacks', { fields: missing.join(', ') })
          : t('console-editor.state.complete')) : fallback));
    }
    fill(this.status, lines);
  }
}
