// The questions of a call's form, drawn from GET /calls/{slug}/form: one control per field type, its answer read
// back, and the word count of long answers.
import { countryName, lang, t } from './i18n.js';
import { el } from './dom.js';
import { COUNTRIES } from './countries.js';

export const controlId = (field) => `q-${field.id}`;

export function countWords(text) {
  const words = (text || '').trim().match(/[\p{L}\p{N}][\p{L}\p{N}\p{M}'’-]*/gu);
  return words ? words.length : 0;
}

function label(field, forId) {
  return el('label', { for: forId }, field.label, field.required ? el('span', { class: 'required' },
    ` (${t('apply.required')})`) : '');
}

function help(field) {
  return field.help ? el('p', { class: 'hint', id: `${controlId(field)}-help` }, field.help) : null;
}

function wordLimits(field) {
  if (field.minWords && field.maxWords) return t('apply.wordsBetween', { min: field.minWords, max: field.maxWords });
  if (field.maxWords) return t('apply.wordsAtMost', { max: field.maxWords });
  if (field.minWords) return t('apply.wordsAtLeast', { min: field.minWords });
  return '';
}

export function updateWordCount(field, textarea) {
  const counter = document.getElementById(`${controlId(field)}-count`);
  if (!counter) return;
  const words = countWords(textarea.value);
  counter.textContent = `${t('apply.words', { count: words })} ${wordLimits(field)}`.trim();
  const out = (field.maxWords && words > field.maxWords) || (field.minWords && words > 0 && words < field.minWords);
  counter.classList.toggle('over', Boolean(out));
}

function describedBy(field, ...extra) {
  return [field.help ? `${controlId(field)}-help` : null, ...extra].filter(Boolean).join(' ') || undefined;
}

const INPUT_TYPES = { 'short-text': 'text', email: 'email', url: 'url', date: 'date' };

/** The field's block: label, help, control(s). File fields get their own block from uploads.js. */
export function questionBlock(field, answer) {
  const id = controlId(field);
  const common = { id, name: field.id, 'data-question': field.id, required: field.required };
  if (field.type in INPUT_TYPES) {
    return el('div', { class: 'field' }, label(field, id), help(field),
      el('input', { ...common, type: INPUT_TYPES[field.type], value: answer ?? '', 'aria-describedby': describedBy(field),
        autocomplete: field.type === 'email' ? 'email' : field.type === 'url' ? 'url' : undefined,
        inputmode: field.type === 'url' ? 'url' : undefined }));
  }
  if (field.type === 'long-text') {
    const textarea = el('textarea', { ...common, rows: 8, 'aria-describedby': describedBy(field, `${id}-count`) },
      answer ?? '');
    const block = el('div', { class: 'field' }, label(field, id), help(field), textarea,
      el('p', { class: 'word-count', id: `${id}-count` }));
    queueMicrotask(() => updateWordCount(field, textarea));
    return block;
  }
  if (field.type === 'country') {
    const names = COUNTRIES.map((code) => [code, countryName(code)]).sort((a, b) => a[1].localeCompare(b[1], lang));
    return el('div', { class: 'field' }, label(field, id), help(field),
      el('select', { ...common, 'aria-describedby': describedBy(field), autocomplete: 'country' },
        el('option', { value: '' }, t('apply.chooseCountry')),
        names.map(([code, name]) => el('option', { value: code, selected: answer === code }, name))));
  }
  if (field.type === 'single-choice' || field.type === 'multiple-choice') {
    const multiple = field.type === 'multiple-choice';
    const chosen = multiple ? (answer || []) : [answer];
    return el('fieldset', { id: `${id}-group`, 'aria-describedby': describedBy(field) },
      el('legend', {}, field.label, field.required ? el('span', { class: 'required' }, ` (${t('apply.required')})`)
        : ''), help(field),
      el('div', { class: 'choices' }, field.choices.map((choice, i) => el('div', { class: 'choice' },
        el('input', { type: multiple ? 'checkbox' : 'radio', id: i === 0 ? id : `${id}-${i}`, name: field.id,
          value: choice.value, checked: chosen.includes(choice.value), 'data-question': field.id }),
        el('label', { for: i === 0 ? id : `${id}-${i}` }, choice.label)))));
  }
  if (field.type === 'consent') {
    return el('div', { class: 'field choice consent' },
      el('input', { ...common, type: 'checkbox', checked: answer === true, 'aria-describedby': describedBy(field) }),
      label(field, id), help(field));
  }
  return null;
}

/** The answer as the API takes it, or null (which removes a saved one). */
export function readAnswer(form, field) {
  const controls = [...form.querySelectorAll(`[data-question="${CSS.escape(field.id)}"]`)];
  if (!controls.length) return undefined;
  switch (field.type) {
    case 'single-choice':
      return controls.find((control) => control.checked)?.value ?? null;
    case 'multiple-choice': {
      const values = controls.filter((control) => control.checked).map((control) => control.value);
      return values.length ? values : null;
    }
    case 'consent':
      return controls[0].checked ? true : null;
    default: {
      const value = controls[0].value.trim();
      return value === '' ? null : value;
    }
  }
}

/** What the page can tell before the server does: missing answers, word counts, malformed addresses. */
export function problems(form, fields) {
  const found = [];
  for (const original of fields) {
    const field = { ...original, label: original.label.replace(/[.:;]\s*$/, '') }; // "…this call.: required" reads badly
    if (field.type === 'file') continue;
    const control = document.getElementById(controlId(field));
    const answer = readAnswer(form, field);
    if (field.required && (answer === null || answer === undefined)) {
      found.push({ control, message: t('errors.required', { label: field.label }) });
    } else if (answer && !control.validity.valid) {
      found.push({ control, message: t(`errors.${field.type}`, { label: field.label }) });
    } else if (field.type === 'long-text' && answer) {
      const words = countWords(answer);
      if (field.maxWords && words > field.maxWords) {
        found.push({ control, message: t('errors.tooManyWords', { label: field.label, max: field.maxWords }) });
      } else if (field.minWords && words < field.minWords) {
        found.push({ control, message: t('errors.tooFewWords', { label: field.label, min: field.minWords }) });
      }
    }
  }
  return found;
}
