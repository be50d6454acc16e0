// The call's application form, built by its editors: questions of every type the API takes, in order, with labels and
// help per language; the jury's criteria; blind review and the other settings. Saved with If-Match: a save that
// another editor's overtook is said plainly, with the way to load theirs, and never overwrites it.
import { t } from '../i18n.js';
import { el, fill } from '../dom.js';
import { clearErrors, showErrors, status } from '../forms.js';
import { adminFetch } from './session.js';
import { controlAt, errorOf, etagOf, inLanguage, languageName, staleNotice, textsByLanguage }
  from './edit-helpers.js';
import { confirmStep } from '../confirm-step.js';
import { CHOICE_TYPES, FILE_TYPES, MAX_CHOICES, MAX_CRITERIA, MAX_FIELDS, MB, TYPES, fromApi, keyFrom, move,
  newChoice, newCriterion, newField, toApi, uniqueKey, withTypeDefaults } from './form-model.js';
import { formPreview } from './form-preview.js';

/** The saved form and its ETag; a call without a form yet starts empty, against the call's own version. */
export async function loadForm(callId, call) {
  if (call && (call.formVersion === null || call.formVersion === undefined)) {
    return { form: fromApi(null), etag: `"${call.version}"` };
  }
  const response = await adminFetch(`/admin/calls/${encodeURIComponent(callId)}/form`);
  if (response.status === 404) {
    const callResponse = await adminFetch(`/admin/calls/${encodeURIComponent(callId)}`);
    return { form: fromApi(null), etag: etagOf(callResponse) };
  }
  if (!response.ok) throw new Error(`form ${response.status}`);
  return { form: fromApi(await response.json()), etag: etagOf(response) };
}

/** The words for an API 400 on the form, by the kind of field it names; the API's own message otherwise. */
function explain(error, original) {
  const path = error.field || '';
  const language = languageName(path.match(/\.([A-Za-z-]+)$/)?.[1] || original);
  const rules = [
    [/\.(label|name)\.[A-Za-z-]+$/,
      () => t('console-calls.error.text', { language, original: languageName(original) })],
    [/\.help\.[A-Za-z-]+$/, () => t('console-calls.error.help')],
    [/\.(minWords|maxWords)$/, () => t('console-calls.error.words')],
    [/\.choices(\[\d+\])?(\.value)?$/, () => t('console-calls.error.choices')],
    [/\.fileTypes/, () => t('console-calls.error.fileTypes')],
    [/\.maxFileBytes$/, () => t('console-calls.error.fileSize')],
    [/\.maxFiles$/, () => t('console-calls.error.fileCount')],
    [/\.weight$/, () => t('console-calls.error.weight')],
    [/\.scale$/, () => t('console-calls.error.scale')],
    [/^maxTeamMembers$/, () => t('console-calls.error.team')],
    [/^fields$/, () => t('console-calls.error.noQuestion')],
  ];
  return rules.find(([pattern]) => pattern.test(path))?.[1]() || error.message || t('error.text');
}

function numberField({ id, label, value, min, max, step = 1, paths, onInput, hint }) {
  return el('div', { class: 'field number' },
    el('label', { for: id }, label),
    hint ? el('p', { class: 'hint', id: `${id}-hint` }, hint) : null,
    el('input', { id, type: 'number', inputmode: 'decimal', min, max, step, value: value ?? '', 'data-paths': paths,
      'aria-describedby': hint ? `${id}-hint` : undefined,
      oninput: (event) => onInput(event.target.value === '' ? null : Number(event.target.value)) }));
}

function checkbox({ id, label, checked, hint, onChange, paths }) {
  return el('div', { class: 'field choice' },
    el('input', { id, type: 'checkbox', checked, 'data-paths': paths,
      'aria-describedby': hint ? `${id}-hint` : undefined, onchange: (event) => onChange(event.target.checked) }),
    el('label', { for: id }, label),
    hint ? el('p', { class: 'hint', id: `${id}-hint` }, hint) : null);
}

/** A row of small buttons: move up, move down, remove; each says what it acts on. */
function tools(what, index, count, { onMove, onRemove, idPrefix }) {
  return el('div', { class: 'tools' },
    el('button', { type: 'button', class: 'small secondary', id: `${idPrefix}-up`, disabled: index === 0,
      'aria-label': t('console-calls.moveUp', { what }), onclick: () => onMove(-1) }, t('console-calls.up')),
    el('button', { type: 'button', class: 'small secondary', id: `${idPrefix}-down`, disabled: index === count - 1,
      'aria-label': t('console-calls.moveDown', { what }), onclick: () => onMove(1) }, t('console-calls.down')),
    el('button', { type: 'button', class: 'small danger', id: `${idPrefix}-remove`,
      'aria-label': t('console-calls.removeWhat', { what }), onclick: onRemove }, t('console-calls.remove')));
}

export function formBuilder({ callId, call, form, etag, languages }) {
  const original = call.originalLanguage;
  let state = form;
  let version = etag;
  const node = el('form', { id: 'form-builder', novalidate: true, 'aria-labelledby': 'form-heading' });
  const notice = el('div', { id: 'form-notice' });
  const saveStatus = el('p', { id: 'form-status', class: 'save-status', role: 'status' });
  const preview = formPreview({ languages, original });
  let focusAfter = null;

  const changed = () => preview.update(state);

  function redraw(focusId) {
    focusAfter = focusId ?? document.activeElement?.id;
    draw();
    changed();
    const target = focusAfter && document.getElementById(focusAfter);
    if (target && !target.disabled) target.focus();
  }

  /** Moves an entry; the focus follows it, on the button that moves it on (or back, at the end of the list). */
  function moveAndFocus(list, i, step, prefix) {
    move(list, i, step);
    const target = i + step;
    const atEnd = step < 0 ? target === 0 : target === list.length - 1;
    redraw(`${prefix}${target}-${(step < 0) !== atEnd ? 'up' : 'down'}`);
  }

  /** The original-language label of a new entry names its key, until the entry is saved once. */
  function autoKey(entry, keyName, list, text, fallback) {
    if (!entry.auto) return;
    entry[keyName] = uniqueKey(keyFrom(text, fallback), list.filter((other) => other !== entry)
      .map((other) => other[keyName]));
  }

  function choicesBlock(field, i) {
    const prefix = `f${i}`;
    return el('fieldset', { class: 'choices-editor' },
      el('legend', {}, t('console-calls.choices')),
      el('ol', {}, field.choices.map((choice, j) => el('li', { class: 'choice-editor' },
        textsByLanguage({ id: `${prefix}-c${j}`, path: `fields[${i}].choices[${j}].label`, texts: choice.label,
          languages, original, labelKey: 'console-calls.choiceLabel', vars: { n: j + 1 },
          paths: { [original]: [`fields[${i}].choices[${j}].value`, `fields[${i}].choices[${j}]`] },
          onInput: (language, text) => {
            if (language === original) autoKey(choice, 'value', field.choices, text, `choice-${j + 1}`);
            changed();
          } }),
        el('button', { type: 'button', class: 'small danger', id: `${prefix}-c${j}-remove`,
          disabled: field.choices.length === 1,
          'aria-label': t('console-calls.removeChoice', { n: j + 1 }),
          onclick: () => {
            field.choices.splice(j, 1);
            redraw(`${prefix}-add-choice`);
          } }, t('console-calls.remove'))))),
      el('button', { type: 'button', class: 'secondary', id: `${prefix}-add-choice`,
        disabled: field.choices.length >= MAX_CHOICES,
        onclick: () => {
          field.choices.push(newChoice(field.choices.map((choice) => choice.value)));
          redraw(`${prefix}-c${field.choices.length - 1}-${original}`);
        } }, t('console-calls.addChoice')));
  }

  function fileBlock(field, i) {
    const prefix = `f${i}`;
    return [
      el('fieldset', { class: 'file-types' },
        el('legend', {}, t('console-calls.fileTypes')),
        el('div', { class: 'choices' }, FILE_TYPES.map((type, k) => el('div', { class: 'choice' },
          el('input', { type: 'checkbox', id: `${prefix}-type-${k}`, value: type,
            checked: field.fileTypes.includes(type), 'data-paths': k === 0 ? `fields[${i}].fileTypes` : undefined,
            onchange: (event) => {
              field.fileTypes = event.target.checked ? [...field.fileTypes, type]
                : field.fileTypes.filter((one) => one !== type);
              changed();
            } }),
          el('label', { for: `${prefix}-type-${k}` }, t(`console-calls.fileType.${type.split('/')[1]}`)))))),
      el('div', { class: 'row' },
        numberField({ id: `${prefix}-size`, label: t('console-calls.maxFileSize'), min: 1, max: 50, step: 'any',
          value: field.maxFileBytes ? Math.round((field.maxFileBytes / MB) * 10) / 10 : '',
          paths: `fields[${i}].maxFileBytes`,
          onInput: (value) => { field.maxFileBytes = value === null ? null : Math.round(value * MB); changed(); } }),
        numberField({ id: `${prefix}-files`, label: t('console-calls.maxFiles'), min: 1, max: 20,
          value: field.maxFiles, paths: `fields[${i}].maxFiles`,
          onInput: (value) => { field.maxFiles = value; changed(); } })),
    ];
  }

  function wordsBlock(field, i) {
    return el('div', { class: 'row' },
      numberField({ id: `f${i}-min-words`, label: t('console-calls.minWords'), min: 0, max: 3000,
        value: field.minWords, paths: `fields[${i}].minWords`,
        onInput: (value) => { field.minWords = value; changed(); } }),
      numberField({ id: `f${i}-max-words`, label: t('console-calls.maxWords'), min: 1, max: 3000,
        value: field.maxWords, paths: `fields[${i}].maxWords`,
        onInput: (value) => { field.maxWords = value; changed(); } }));
  }

  function questionCard(field, i) {
    const prefix = `f${i}`;
    const what = t('console-calls.questionN', { n: i + 1 });
    const title = () => `${what}: ${inLanguage(field.label, original) || t(`console-calls.type.${field.type}`)}`;
    const confirmed = () => confirmStep({ title: t('console-calls.confirmRemoveQuestion', { what }),
      confirm: t('console-calls.remove'), cancel: t('console-calls.keep'), danger: true });
    return el('li', { class: 'card-editor', id: prefix },
      el('div', { class: 'card-head' },
        el('h4', { id: `${prefix}-title` }, title()),
        tools(what, i, state.fields.length, { idPrefix: prefix,
          onMove: (step) => moveAndFocus(state.fields, i, step, 'f'),
          onRemove: async () => {
            if (!await confirmed()) return;
            state.fields.splice(i, 1);
            redraw('add-question-type');
          } })),
      el('div', { class: 'field' }, el('label', { for: `${prefix}-type` }, t('console-calls.type')),
        el('select', { id: `${prefix}-type`, 'data-paths': `fields[${i}].type fields[${i}].id fields[${i}]`,
          onchange: (event) => {
            field.type = event.target.value;
            withTypeDefaults(field);
            redraw(`${prefix}-type`);
          } },
        TYPES.map((type) => el('option', { value: type, selected: type === field.type },
          t(`console-calls.type.${type}`))))),
      textsByLanguage({ id: `${prefix}-label`, path: `fields[${i}].label`, texts: field.label, languages, original,
        labelKey: 'console-calls.label',
        onInput: (language, text) => {
          if (language === original) autoKey(field, 'id', state.fields, text, `question-${i + 1}`);
          document.getElementById(`${prefix}-title`).textContent = title();
          changed();
        } }),
      el('details', { class: 'help-texts', open: Object.keys(field.help).length > 0 },
        el('summary', {}, t('console-calls.helpTexts')),
        textsByLanguage({ id: `${prefix}-help`, path: `fields[${i}].help`, texts: field.help, languages, original: null,
          labelKey: 'console-calls.help', multiline: true, onInput: changed })),
      checkbox({ id: `${prefix}-required`, label: t('console-calls.requiredQuestion'), checked: field.required,
        paths: `fields[${i}].required`, onChange: (value) => { field.required = value; changed(); } }),
      field.type === 'long-text' ? wordsBlock(field, i) : null,
      CHOICE_TYPES.includes(field.type) ? choicesBlock(field, i) : null,
      field.type === 'file' ? fileBlock(field, i) : null);
  }

  function criterionCard(criterion, i) {
    const prefix = `c${i}`;
    const what = t('console-calls.criterionN', { n: i + 1 });
    const confirmed = () => confirmStep({ title: t('console-calls.confirmRemoveCriterion', { what }),
      confirm: t('console-calls.remove'), cancel: t('console-calls.keep'), danger: true });
    return el('li', { class: 'card-editor', id: prefix },
      el('div', { class: 'card-head' },
        el('h4', {}, what),
        tools(what, i, state.criteria.length, { idPrefix: prefix,
          onMove: (step) => moveAndFocus(state.criteria, i, step, 'c'),
          onRemove: async () => {
            if (!await confirmed()) return;
            state.criteria.splice(i, 1);
            redraw('add-criterion');
          } })),
      textsByLanguage({ id: `${prefix}-name`, path: `criteria[${i}].name`, texts: criterion.name, languages, original,
        labelKey: 'console-calls.criterionName', paths: { [original]: [`criteria[${i}].id`, `criteria[${i}]`] },
        onInput: (language, text) => {
          if (language === original) autoKey(criterion, 'id', state.criteria, text, `criterion-${i + 1}`);
          changed();
        } }),
      el('div', { class: 'row' },
        numberField({ id: `${prefix}-scale`, label: t('console-calls.scale'), hint: t('console-calls.scaleHint'),
          min: 2, max: 100, value: criterion.scale, paths: `criteria[${i}].scale`,
          onInput: (value) => { criterion.scale = value; } }),
        numberField({ id: `${prefix}-weight`, label: t('console-calls.weight'), hint: t('console-calls.weightHint'),
          min: 0.01, max: 100, step: 'any', value: criterion.weight, paths: `criteria[${i}].weight`,
          onInput: (value) => { criterion.weight = value; } })));
  }

  function addQuestion() {
    const type = document.getElementById('add-question-type').value;
    state.fields.push(newField(type, state.fields.map((field) => field.id)));
    redraw(`f${state.fields.length - 1}-label-${original}`);
  }

  function draw() {
    fill(node,
      el('h3', {}, t('console-calls.questions')),
      state.fields.length ? el('ol', { class: 'editors' }, state.fields.map(questionCard))
        : el('p', {}, t('console-calls.noQuestions')),
      el('div', { class: 'add-row' },
        el('div', { class: 'field' }, el('label', { for: 'add-question-type' }, t('console-calls.newQuestionType')),
          el('select', { id: 'add-question-type', 'data-paths': 'fields' }, TYPES.map((type) =>
            el('option', { value: type }, t(`console-calls.type.${type}`))))),
        el('button', { type: 'button', id: 'add-question', class: 'secondary',
          disabled: state.fields.length >= MAX_FIELDS, onclick: addQuestion }, t('console-calls.addQuestion'))),
      el('h3', {}, t('console-calls.criteria')),
      el('p', { class: 'hint' }, t('console-calls.criteriaHint')),
      state.criteria.length ? el('ol', { class: 'editors' }, state.criteria.map(criterionCard))
        : el('p', {}, t('console-calls.noCriteria')),
      el('button', { type: 'button', id: 'add-criterion', class: 'secondary',
        disabled: state.criteria.length >= MAX_CRITERIA,
        onclick: () => {
          state.criteria.push(newCriterion(state.criteria.map((criterion) => criterion.id)));
          redraw(`c${state.criteria.length - 1}-name-${original}`);
        } }, t('console-calls.addCriterion')),
      el('h3', {}, t('console-calls.settings')),
      checkbox({ id: 'blind-review', label: t('console-calls.blindReview'), hint: t('console-calls.blindReviewHint'),
        checked: state.blindReview, paths: 'blindReview', onChange: (value) => { state.blindReview = value; } }),
      checkbox({ id: 'one-per-email', label: t('console-calls.onePerEmail'), checked: state.onePerEmail,
        paths: 'onePerEmail', onChange: (value) => { state.onePerEmail = value; } }),
      numberField({ id: 'max-team', label: t('console-calls.maxTeam'), hint: t('console-calls.maxTeamHint'), min: 0,
        max: 20, value: state.maxTeamMembers, paths: 'maxTeamMembers',
        onInput: (value) => { state.maxTeamMembers = value; } }),
      notice,
      el('div', { class: 'actions' }, el('button', { type: 'submit', id: 'save-form' }, t('console-calls.saveForm')),
        saveStatus));
  }

  async function reload() {
    const loaded = await loadForm(callId, null);
    state = loaded.form;
    version = loaded.etag;
    notice.replaceChildren();
    clearErrors(node);
    redraw('save-form');
    status(saveStatus, t('console-calls.reloaded'));
  }

  node.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(node);
    notice.replaceChildren();
    status(saveStatus, t('console-calls.saving'));
    const response = await adminFetch(`/admin/calls/${encodeURIComponent(callId)}/form`, { method: 'PUT',
      headers: { 'content-type': 'application/json', 'If-Match': version }, body: JSON.stringify(toApi(state)) });
    if (response.ok) {
      version = etagOf(response);
      state = fromApi(await response.json());
      redraw('save-form');
      status(saveStatus, t('console-calls.formSaved', { version: state.version,
        time: new Date().toLocaleTimeString(document.documentElement.lang, { hour: '2-digit', minute: '2-digit' }) }));
      return;
    }
    status(saveStatus, '');
    const error = await errorOf(response);
    if (response.status === 400 || response.status === 413) {
      const control = controlAt(node, error.field);
      control?.closest('details')?.setAttribute('open', ''); // a help text's error, where it can take the focus
      showErrors(node, [{ control, message: explain(error, original) }]);
      return;
    }
    const stale = staleNotice(response.status, reload);
    notice.replaceChildren(stale || el('p', { class: 'notice', role: 'alert' }, t('console-calls.notSaved')));
    stale?.querySelector('button')?.focus();
  });

  draw();
  changed();
  return [el('section', { class: 'form-section', 'aria-labelledby': 'form-heading' },
    el('h2', { id: 'form-heading' }, t('console-calls.formTitle')),
    el('p', { class: 'hint' }, t('console-calls.formLead')),
    node), preview.node];
}
