// For the call's editors, on one application: the mean score, every review and recusal, the decision (prepared in
// the call's outbox, mailed only when the editor sends it) and an extension of the deadline for this applicant.
import { ApiError, query } from '../api.js';
import { formatDateTime, t } from '../i18n.js';
import { el, fill } from '../dom.js';
import { clearErrors, showErrors, status } from '../forms.js';
import { adminApi } from './session.js';
import { formatScore, formatShort } from './jury-format.js';
import { OWN_ZONE, fromWallTime } from './times.js';

const DECISIONS = { shortlist: 'shortlisted', accept: 'accepted', reject: 'rejected' };

function reviewsPart(application) {
  const criteria = application.criteria;
  const scoreText = application.score == null ? t('console-jury.noReviewsYet')
    : t('console-jury.meanScore', { score: formatScore(application.score), count: application.reviewCount ?? 0 });
  return [
    el('h2', { id: 'reviews-title' }, t('console-jury.reviews.title')),
    el('p', { id: 'mean-score', class: 'score' }, scoreText),
    application.reviews.length ? el('table', { class: 'items reviews', 'aria-labelledby': 'reviews-title' },
      el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, t('console-jury.reviews.juror')),
        criteria.map((c) => el('th', { scope: 'col' }, c.name || c.id)),
        el('th', { scope: 'col' }, t('console-jury.reviews.comment')),
        el('th', { scope: 'col' }, t('console-jury.reviews.at')))),
      el('tbody', {}, application.reviews.map((review) => el('tr', {},
        el('th', { scope: 'row' }, review.email || t('console-jury.aJuror')),
        criteria.map((c) => el('td', {}, review.scores?.[c.id] == null ? ''
          : t('console-jury.reviews.mark', { mark: review.scores[c.id], scale: c.scale }))),
        el('td', { class: 'comment' }, review.comment || ''),
        el('td', {}, formatShort(review.at)))))) : null,
    application.recusals?.length ? [el('h3', {}, t('console-jury.recusals.title')),
      el('ul', { id: 'recusals' }, application.recusals.map((r) => el('li', {},
        t('console-jury.recusals.item', { who: r.email || t('console-jury.aJuror'), reason: r.reason,
          date: formatDateTime(r.at) }))))] : null,
  ].flat();
}

function decisionState(application) {
  if (application.status === 'submitted') return t('console-jury.decision.none');
  const status = t(`console-jury.status.${application.status}`);
  return application.decisionSentAt
    ? t('console-jury.decisionSent', { status, date: formatDateTime(application.decisionSentAt) })
    : t('console-jury.decisionWaiting', { status });
}

function decisionForm(application, update) {
  const state = el('p', { id: 'decision-state' }, decisionState(application));
  const line = el('p', { id: 'decision-status', class: 'status-line', role: 'status' });
  const form = el('form', { id: 'decision', novalidate: true, 'aria-labelledby': 'decision-title' },
    el('h2', { id: 'decision-title' }, t('console-jury.decision.title')), state,
    el('fieldset', {}, el('legend', {}, t('console-jury.decision.legend')),
      el('div', { class: 'choices' }, Object.entries(DECISIONS).map(([decision, result]) =>
        el('div', { class: 'choice' },
          el('input', { type: 'radio', name: 'decision', id: `decision-${decision}`, value: decision,
            checked: application.status === result }),
          el('label', { for: `decision-${decision}` }, t(`console-jury.decision.${decision}`)))))),
    el('p', { class: 'hint' }, t('console-jury.decision.hint'), ' ',
      el('a', { href: `/console/applications.html${query({ call: application.call.id })}#outbox` },
        t('console-jury.decision.outboxLink'))),
    el('button', { type: 'submit' }, t('console-jury.decision.save')), line);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    const decision = form.elements.decision.value;
    if (!decision) {
      showErrors(form, [{ control: form.elements.decision[0], message: t('console-jury.decision.needed') }]);
      return;
    }
    try {
      const decided = await adminApi(`/admin/applications/${encodeURIComponent(application.applicationId)}/decision`,
        { method: 'POST', body: { decision } });
      update(decided);
      state.textContent = decisionState(decided);
      status(line, t('console-jury.decision.saved', { status: t(`console-jury.status.${decided.status}`) }));
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      showErrors(form, [{ control: form.elements.decision[0], message: t('console-jury.refusedBecause',
        { reason: error.message }) }]);
    }
  });
  return form;
}

function extensionForm(application) {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const state = el('p', { id: 'extension-state' }, application.extendedUntil
    ? t('console-jury.extension.current', { date: formatDateTime(application.extendedUntil) })
    : t('console-jury.extension.none'));
  const line = el('p', { id: 'extension-status', class: 'status-line', role: 'status' });
  const form = el('form', { id: 'extension', novalidate: true, 'aria-labelledby': 'extension-title' },
    el('h2', { id: 'extension-title' }, t('console-jury.extension.title')), state,
    el('div', { class: 'field' },
      el('label', { for: 'extension-until' }, t('console-jury.extension.until')),
      el('p', { class: 'hint', id: 'extension-hint' }, t('console-jury.extension.hint', { zone })),
      el('input', { id: 'extension-until', name: 'until', type: 'datetime-local',
        'aria-describedby': 'extension-hint' })),
    el('button', { type: 'submit', class: 'secondary' }, t('console-jury.extension.save')), line);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    const value = form.elements.until.value;
    if (!fromWallTime(value, OWN_ZONE)) {
      showErrors(form, [{ control: form.elements.until, message: t('console-jury.extension.needed') }]);
      return;
    }
    try {
      const extended = await adminApi(`/admin/applications/${encodeURIComponent(application.applicationId)}/extension`,
        { method: 'POST', body: { until: fromWallTime(value, OWN_ZONE) } });
      state.textContent = t('console-jury.extension.current', { date: formatDateTime(extended.extendedUntil) });
      status(line, t('console-jury.extension.saved'));
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      showErrors(form, [{ control: form.elements.until, message: t('console-jury.refusedBecause',
        { reason: error.message }) }]);
    }
  });
  return form;
}

/** The editors' part of the application's screen; onDecided(application) runs after each decision. */
export function editorSection(application, { onDecided } = {}) {
  const reviews = el('div', { id: 'reviews' }, reviewsPart(application));
  const update = (decided) => {
    fill(reviews, reviewsPart(decided));
    onDecided?.(decided);
  };
  return el('section', { class: 'editors', 'aria-label': t('console-jury.editorsLabel') },
    reviews, decisionForm(application, update), extensionForm(application));
}
