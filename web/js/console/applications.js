// /console/applications.html?call=ID: a call's submitted applications, a page at a time, as the API shows them to the
// caller: jurors see references, dates, their own progress (and names unless the review is blind); the call's
// editors also see scores, reviews, recusals and decisions, filter by score, and have the outbox and the exports.
import { ApiError, query } from '../api.js';
import { lang, t } from '../i18n.js';
import { el, fill } from '../dom.js';
import { showErrors } from '../forms.js';
import { page, setTitle } from '../layout.js';
import { adminApi, consolePage, session } from './session.js';
import { orRefusal } from './refusal.js';
import { outboxSection } from './outbox.js';
import { exportsSection } from './exports.js';
import { formatScore, formatShort } from './jury-format.js';
import { titleOf } from './titles.js';

const PAGE_SIZES = [10, 20, 50];

/** The call's title in the reader's language: from the caller's juries, else (editors) from the call itself. */
async function callTitle(current, callId) {
  const juries = await adminApi(`/admin/jury/calls${query({ lang })}`);
  const named = juries.items.find((call) => call.id === callId);
  if (named || !current.isEditor) return named?.title || null;
  return titleOf(await adminApi(`/admin/calls/${encodeURIComponent(callId)}`));
}

/** What the address asks for: the page, its size, and the editors' filters. */
function wanted(params) {
  const limit = Number(params.get('limit'));
  return { call: params.get('call'), cursor: params.get('cursor'),
    limit: Number.isInteger(limit) && limit >= 1 && limit <= 100 ? limit : 20,
    minScore: params.get('minScore') || '', maxScore: params.get('maxScore') || '',
    sort: params.get('sort') === 'score' ? 'score' : '' };
}

function numberField(id, value) {
  return el('div', { class: 'field' }, el('label', { for: id }, t(`console-jury.filter.${id}`)),
    el('input', { id, name: id, type: 'number', min: 0, max: 100, step: 'any', inputmode: 'decimal', value }));
}

function filters(want, editor) {
  const form = el('form', { class: 'filters', method: 'get', action: '/console/applications.html', novalidate: true },
    el('input', { type: 'hidden', name: 'call', value: want.call }),
    editor ? [numberField('minScore', want.minScore), numberField('maxScore', want.maxScore),
      el('div', { class: 'field' }, el('label', { for: 'sort' }, t('console-jury.filter.sort')),
        el('select', { id: 'sort', name: 'sort' },
          el('option', { value: '' }, t('console-jury.filter.sortTime')),
          el('option', { value: 'score', selected: want.sort === 'score' }, t('console-jury.filter.sortScore'))))] : [],
    el('div', { class: 'field' }, el('label', { for: 'limit' }, t('console-jury.filter.limit')),
      el('select', { id: 'limit', name: 'limit' }, [...new Set([...PAGE_SIZES, want.limit])].sort((x, y) => x - y)
        .map((size) =>
        el('option', { value: size, selected: size === want.limit }, String(size))))),
    el('button', { type: 'submit' }, t('filter.apply')));
  form.addEventListener('submit', (event) => {
    const errors = ['minScore', 'maxScore'].filter((name) => form.elements[name]?.value !== undefined
      && form.elements[name].value !== '' && !(Number(form.elements[name].value) >= 0
        && Number(form.elements[name].value) <= 100))
      .map((name) => ({ control: form.elements[name], message: t('console-jury.filter.scoreRange') }));
    if (errors.length) {
      event.preventDefault();
      showErrors(form, errors);
    }
  });
  return form;
}

function myPart(row) {
  if (row.recusedByMe) return t('console-jury.mine.recused');
  return t(row.reviewedByMe ? 'console-jury.mine.reviewed' : 'console-jury.mine.toReview');
}

function decisionOf(row) {
  const decided = t(`console-jury.status.${row.status}`);
  if (row.decisionSentAt) {
    return t('console-jury.decisionSent', { status: decided, date: formatShort(row.decisionSentAt) });
  }
  if (row.status === 'submitted') return t('console-jury.decision.none');
  return t('console-jury.decisionWaiting', { status: decided });
}

function row(application, { blind, editor }) {
  const reference = application.reference || t('console-jury.noReference');
  return el('tr', {},
    el('th', { scope: 'row' }, application.recusedByMe ? reference
      : el('a', { href: `/console/application.html${query({ id: application.applicationId })}` }, reference)),
    el('td', {}, formatShort(application.submittedAt)),
    blind ? null : el('td', {}, application.name || ''),
    editor ? null : el('td', {}, myPart(application)),
    editor ? [
      el('td', {}, application.score == null ? t('console-jury.noScore') : formatScore(application.score)),
      el('td', {}, String(application.reviewCount ?? 0)),
      el('td', {}, application.recusals?.length ? el('ul', { class: 'plain' }, application.recusals.map((r) =>
        el('li', {}, t('console-jury.recusalBy', { who: r.email || t('console-jury.aJuror'), reason: r.reason }))))
        : '0'),
      el('td', {}, decisionOf(application))] : []);
}

function table(answer, editor) {
  const blind = answer.blindReview;
  const columns = ['reference', 'submitted', blind ? null : 'name', editor ? null : 'mine',
    ...(editor ? ['score', 'reviews', 'recusals', 'decision'] : [])].filter(Boolean);
  return el('table', { class: 'items applications' },
    el('caption', {}, t('console-jury.applicationsCaption')),
    el('thead', {}, el('tr', {}, columns.map((key) => el('th', { scope: 'col' }, t(`console-jury.col.${key}`))))),
    el('tbody', {}, answer.items.map((application) => row(application, { blind, editor }))));
}

function criteriaNote(criteria) {
  if (!criteria?.length) return null;
  return el('p', { class: 'hint' }, t('console-jury.criteriaList', { criteria: criteria.map((c) =>
    t('console-jury.criterionScale', { name: c.name || c.id, scale: c.scale })).join(' · ') }));
}

async function list(want, editor) {
  const loaded = await orRefusal(() => adminApi(`/admin/calls/${encodeURIComponent(want.call)}/applications${query({
    lang, limit: want.limit, cursor: want.cursor, minScore: editor ? want.minScore : '',
    maxScore: editor ? want.maxScore : '', sort: editor ? want.sort : '' })}`));
  if (loaded.refused) return { refused: loaded.refused };
  const answer = loaded.value;
  const here = { call: want.call, limit: want.limit === 20 ? '' : want.limit, minScore: want.minScore,
    maxScore: want.maxScore, sort: want.sort };
  return { nodes: [
    answer.blindReview ? el('p', { class: 'note blind', id: 'blind' }, t('console-jury.blindNote')) : null,
    criteriaNote(answer.criteria),
    answer.items.length ? table(answer, editor) : el('p', { id: 'no-applications' }, t('console-jury.noApplications')),
    el('nav', { class: 'pages', 'aria-label': t('console-jury.pagesLabel') },
      want.cursor ? el('a', { href: `/console/applications.html${query(here)}` }, t('console-jury.firstPage')) : null,
      answer.nextCursor ? el('a', { rel: 'next', href: `/console/applications.html${query({ ...here,
        cursor: answer.nextCursor })}` }, t('list.next')) : null)] };
}

async function draw(session) {
  const want = wanted(new URLSearchParams(location.search));
  if (!want.call) return [el('p', { role: 'alert' }, t('console-jury.noCall'))];
  const editor = session.isEditor;
  let shown;
  try {
    shown = await list(want, editor);
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 400) throw error;
    // A stale cursor or a filter the API refused: the filters stay, with the error by its field (once drawn).
    const form = filters(want, editor);
    setTimeout(() => showErrors(form, [{ control: form.elements[error.field] || null,
      message: error.field === 'cursor' ? t('console-jury.staleCursor') : t('console-jury.filter.scoreRange') }]));
    return [form];
  }
  if (shown.refused) return shown.refused;
  const listPart = el('div', { id: 'applications-list' }, shown.nodes);
  const redraw = async () => fill(listPart, (await list(want, editor)).nodes || []);
  return [
    filters(want, editor),
    listPart,
    editor ? [outboxSection(want.call, { onSent: redraw }), exportsSection(want.call)] : [],
  ];
}

page(async (main) => {
  const current = session();
  const callId = new URLSearchParams(location.search).get('call');
  const title = current && callId ? await callTitle(current, callId).catch(() => null) : null;
  const heading = title ? t('console-jury.applicationsOf', { title }) : t('console-jury.applicationsTitle');
  setTitle(heading);
  await consolePage(main, heading, (_, session) => draw(session));
}, { bundles: ['console', 'console-jury'] });
