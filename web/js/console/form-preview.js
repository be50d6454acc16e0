// The form as applicants will see it, in a chosen language, drawn by the application page's own questions.js: what
// the editor checks here is what an artist gets (file questions, which need an application to upload to, are
// described with their limits instead).
import { t } from '../i18n.js';
import { el, fill } from '../dom.js';
import { questionBlock } from '../questions.js';
import { CHOICE_TYPES, MB } from './form-model.js';
import { languageName } from './edit-helpers.js';

/** The text an applicant asking for `language` gets: the API's fallbacks (that language, English, the original). */
function served(texts, language, original) {
  return texts?.[language] || texts?.en || texts?.[original] || Object.values(texts || {})[0] || '';
}

function fileBlock(field, id) {
  const types = field.fileTypes.map((type) => type.split('/')[1].toUpperCase()).join(', ');
  const size = `${Math.round(((field.maxFileBytes || 20 * MB) / MB) * 10) / 10} MB`;
  return el('div', { class: 'field' },
    el('label', { for: id }, field.label, field.required ? el('span', { class: 'required' },
      ` (${t('apply.required')})`) : ''),
    field.help ? el('p', { class: 'hint' }, field.help) : null,
    el('input', { type: 'file', id, disabled: true, accept: field.fileTypes.join(',') }),
    el('p', { class: 'hint' }, t('apply.fileLimits', { types, size, count: field.maxFiles || 1 })));
}

export function formPreview({ languages, original }) {
  let language = original;
  let last = null;
  const body = el('form', { class: 'preview-form', 'aria-labelledby': 'preview-heading', novalidate: true,
    onsubmit: (event) => event.preventDefault() });
  const chooser = el('select', { id: 'preview-language',
    onchange: (event) => {
      language = event.target.value;
      update(last);
    } }, languages.map((tag) => el('option', { value: tag, lang: tag, selected: tag === original },
    languageName(tag))));

  function update(state) {
    last = state;
    if (!state) return;
    if (!state.fields.length) {
      fill(body, el('p', {}, t('console-calls.noQuestions')));
      return;
    }
    fill(body, state.fields.map((field, i) => {
      const shown = { ...field, id: `preview-${i}`, label: served(field.label, language, original)
        || t(`console-calls.type.${field.type}`), help: served(field.help, language, original) || null,
      choices: CHOICE_TYPES.includes(field.type) ? field.choices.map((choice, j) => ({ value: choice.value || `${j}`,
        label: served(choice.label, language, original) || t('console-calls.choiceN', { n: j + 1 }) })) : [] };
      return field.type === 'file' ? fileBlock(shown, `q-preview-${i}`) : questionBlock(shown, undefined);
    }));
  }

  const node = el('section', { class: 'preview', 'aria-labelledby': 'preview-heading' },
    el('h2', { id: 'preview-heading' }, t('console-calls.preview')),
    el('p', { class: 'hint' }, t('console-calls.previewLead')),
    el('div', { class: 'field' }, el('label', { for: 'preview-language' }, t('console-calls.previewLanguage')),
      chooser),
    body);
  return { node, update };
}
