// A juror's review of one application: each criterion on its scale (a radio group up to 10 marks, a number field
// beyond), a comment, saved with PUT .../review, which replaces the juror's previous review.
import { ApiError } from '../api.js';
import { lang, t } from '../i18n.js';
import { el } from '../dom.js';
import { clearErrors, showErrors, status } from '../forms.js';
import { adminApi } from './session.js';
import { confirmStep } from '../confirm-step.js';

const RADIO_UP_TO = 10;

function criterionControl(criterion, given) {
  const name = criterion.name || criterion.id;
  const hint = el('p', { class: 'hint', id: `score-${criterion.id}-hint` },
    t('console-jury.review.scaleHint', { scale: criterion.scale, weight: criterion.weight }));
  if (criterion.scale > RADIO_UP_TO) {
    return el('div', { class: 'field criterion' },
      el('label', { for: `score-${criterion.id}` }, name), hint,
      el('input', { id: `score-${criterion.id}`, name: `score-${criterion.id}`, type: 'number', min: 1,
        max: criterion.scale, step: 1, inputmode: 'numeric', value: given ?? '', required: true,
        'aria-describedby': hint.id }));
  }
  const marks = Array.from({ length: criterion.scale }, (_, i) => i + 1);
  return el('fieldset', { class: 'criterion', id: `criterion-${criterion.id}`, 'aria-describedby': hint.id },
    el('legend', {}, name), hint,
    el('div', { class: 'scale' }, marks.map((mark) => el('span', { class: 'mark' },
      el('input', { type: 'radio', id: `score-${criterion.id}-${mark}`, name: `score-${criterion.id}`, value: mark,
        checked: given === mark, required: true }),
      el('label', { for: `score-${criterion.id}-${mark}` }, String(mark))))));
}

/** The value chosen for a criterion, or null; and the control to point an error at. */
function chosen(form, criterion) {
  const field = form.elements[`score-${criterion.id}`];
  const control = field instanceof RadioNodeList ? field[0] : field;
  const value = field.value === '' ? null : Number(field.value);
  const valid = Number.isInteger(value) && value >= 1 && value <= criterion.scale;
  return { control, value: valid ? value : null };
}

/** The review form; mine is the caller's review so far, if any. */
export function reviewForm(application, mine) {
  const line = el('p', { id: 'review-status', class: 'status-line', role: 'status' });
  const form = el('form', { id: 'review', novalidate: true, 'aria-labelledby': 'review-title' },
    el('h2', { id: 'review-title' }, t('console-jury.review.title')),
    el('p', { class: 'hint' }, t(mine ? 'console-jury.review.replaces' : 'console-jury.review.lead')),
    application.criteria.map((criterion) => criterionControl(criterion, mine?.scores?.[criterion.id])),
    el('div', { class: 'field' },
      el('label', { for: 'review-comment' }, t('console-jury.review.comment')),
      el('p', { class: 'hint', id: 'review-comment-hint' }, t('console-jury.review.commentHint')),
      el('textarea', { id: 'review-comment', name: 'comment', rows: 5, maxlength: 5000,
        'aria-describedby': 'review-comment-hint' }, mine?.comment || '')),
    el('button', { type: 'submit' }, t('console-jury.review.save')), line);

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    const scores = {};
    const errors = [];
    for (const criterion of application.criteria) {
      const { control, value } = chosen(form, criterion);
      if (value === null) {
        errors.push({ control, message: t('console-jury.review.missing', { name: criterion.name || criterion.id,
          scale: criterion.scale }) });
      } else {
        scores[criterion.id] = value;
      }
    }
    if (errors.length) {
      showErrors(form, errors);
      return;
    }
    status(line, t('console-jury.review.saving'));
    try {
      const comment = form.elements.comment.value.trim();
      await adminApi(`/admin/applications/${encodeURIComponent(application.applicationId)}/review`,
        { method: 'PUT', body: { scores, comment: comment || null } });
      status(line, t('console-jury.review.saved', { time: new Intl.DateTimeFormat(lang,
        { hour: '2-digit', minute: '2-digit' }).format(new Date()) }));
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      status(line, '');
      const criterion = application.criteria.find((c) => error.field === `scores.${c.id}`);
      const control = criterion ? chosen(form, criterion).control
        : error.field === 'comment' ? form.elements.comment : null;
      showErrors(form, [{ control, message: error.code === 'recused' ? t('console-jury.refused.recused')
        : t('console-jury.review.refused', { reason: error.message }) }]);
    }
  });
  return form;
}

/** Stepping back from an application (a conflict of interest): a reason, a confirmation, then onRecused(). */
export function recusalForm(application, onRecused) {
  const form = el('form', { id: 'recusal', novalidate: true, 'aria-labelledby': 'recusal-title' },
    el('h2', { id: 'recusal-title' }, t('console-jury.recusal.title')),
    el('p', { class: 'hint' }, t('console-jury.recusal.lead')),
    el('div', { class: 'field' },
      el('label', { for: 'recusal-reason' }, t('console-jury.recusal.reason')),
      el('textarea', { id: 'recusal-reason', name: 'reason', rows: 3, maxlength: 1000, required: true })),
    el('button', { type: 'submit', class: 'secondary' }, t('console-jury.recusal.button')));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const reason = form.elements.reason.value.trim();
    if (!reason) {
      showErrors(form, [{ control: form.elements.reason, message: t('console-jury.recusal.reasonNeeded') }]);
      return;
    }
    if (!await confirmStep({ title: t('console-jury.recusal.confirmTitle'), text: t('console-jury.recusal.confirmText'),
      confirm: t('console-jury.recusal.confirm') })) return;
    try {
      await adminApi(`/admin/applications/${encodeURIComponent(application.applicationId)}/recusal`,
        { method: 'POST', body: { reason } });
      onRecused();
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      showErrors(form, [{ control: form.elements.reason, message: t('console-jury.recusal.refused',
        { reason: error.message }) }]);
    }
  });
  return form;
}
