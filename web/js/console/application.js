// /console/application.html?id=ID: one application on one screen, as the API shows it to the caller: answers with
// their labels, files, the criteria to score, recusal; and for the call's editors the reviews, the decision and an
// extension. Blind review is the API's: the page shows what it returns, and says so when names are withheld.
import { query } from '../api.js';
import { formatDateTime, lang, t } from '../i18n.js';
import { el, fill } from '../dom.js';
import { page, setTitle } from '../layout.js';
import { adminApi, consolePage, session } from './session.js';
import { orRefusal } from './refusal.js';
import { recusalForm, reviewForm } from './scoring.js';
import { editorSection } from './decisions.js';
import { formatBytes } from './jury-format.js';

const LINK_LIFETIME_MS = 4 * 60 * 1000; // the API's 5-minute download links, less a margin

function load(id) {
  return adminApi(`/admin/applications/${encodeURIComponent(id)}${query({ lang })}`);
}

function answerText(answer) {
  if (answer === true) return t('console-jury.answer.yes');
  if (Array.isArray(answer)) return answer.join(', ');
  return String(answer ?? '');
}

function facts(application, editor) {
  const rows = [
    ['reference', application.reference || t('console-jury.noReference')],
    ['submitted', formatDateTime(application.submittedAt)],
    editor ? ['status', t(`console-jury.status.${application.status}`)] : null,
    application.name ? ['name', application.name] : null,
    application.email ? ['email', application.email] : null,
    application.language ? ['language', application.language] : null,
    application.team?.length ? ['team', application.team.map((member) =>
      [member.name, member.role].filter(Boolean).join(', ')).join(' · ')] : null,
    application.extendedUntil ? ['extendedUntil', formatDateTime(application.extendedUntil)] : null,
  ].filter(Boolean);
  return el('dl', { class: 'facts' }, rows.flatMap(([key, value]) =>
    [el('dt', {}, t(`console-jury.fact.${key}`)), el('dd', { id: `fact-${key}` }, value)]));
}

function answers(application) {
  return [el('h2', {}, t('console-jury.answers')),
    application.answers.length ? el('dl', { class: 'answers' }, application.answers.flatMap((answer) => [
      el('dt', {}, answer.label),
      el('dd', {}, answerText(answer.answer))]))
      : el('p', {}, t('console-jury.noAnswers'))];
}

/** The files, each linked while its 5-minute address is fresh; a later click asks the API for a fresh one. */
function files(application) {
  const fetchedAt = Date.now();
  const link = (file, index) => {
    const name = file.fileName || t('console-jury.file.unnamed', { n: index + 1 });
    const anchor = el('a', { href: file.downloadUrl, class: 'download' }, name);
    anchor.addEventListener('click', async (event) => {
      if (Date.now() - fetchedAt < LINK_LIFETIME_MS) return;
      event.preventDefault();
      const fresh = (await load(application.applicationId)).files.find((f) => f.fileId === file.fileId);
      if (fresh?.downloadUrl) location.assign(fresh.downloadUrl);
    });
    return anchor;
  };
  return [el('h2', {}, t('console-jury.files')),
    application.files.length ? el('ul', { class: 'files', id: 'files' }, application.files.map((file, index) =>
      el('li', { class: `file ${file.status}` },
        file.status === 'ready' && file.downloadUrl ? link(file, index) : el('span', {}, file.fileName || file.fieldId),
        ' ', el('span', { class: 'meta' }, t(`console-jury.file.${file.status}`, { size: formatBytes(file.size),
          reason: file.reason || '' })))))
      : el('p', {}, t('console-jury.noFiles'))];
}

function view(application, current) {
  const editor = current.isEditor;
  const container = el('div', { id: 'application' });
  const back = el('p', {}, el('a', { href: `/console/applications.html${query({ call: application.call.id })}` },
    t('console-jury.backToApplications', { title: application.call.title || application.call.slug })));
  const recused = () => {
    const said = el('p', { class: 'note', id: 'recused', role: 'status', tabindex: '-1' },
      t('console-jury.recusal.done'));
    fill(container, said, back);
    said.focus();
  };
  const mine = application.reviews.find((review) => review.reviewer === current.who.sub);
  fill(container,
    back,
    application.blindReview ? el('p', { class: 'note blind', id: 'blind' }, t('console-jury.blindNote')) : null,
    facts(application, editor),
    answers(application),
    files(application),
    // Editors come to decide, jurors to score: each finds their part first.
    editor ? editorSection(application, { onDecided: (decided) => {
      const shown = container.querySelector('#fact-status');
      if (shown) shown.textContent = t(`console-jury.status.${decided.status}`);
    } }) : null,
    reviewForm(application, mine),
    editor ? null : recusalForm(application, recused));
  return [container];
}

page(async (main) => {
  const id = new URLSearchParams(location.search).get('id');
  const current = session();
  const loaded = current && id ? await orRefusal(() => load(id)) : null;
  const reference = loaded?.value?.reference;
  const heading = reference ? t('console-jury.applicationNumbered', { reference }) : t('console-jury.applicationTitle');
  setTitle(heading);
  await consolePage(main, heading, (_, signedIn) => {
    if (!id) return [el('p', { role: 'alert' }, t('console-jury.noApplication'))];
    return loaded.refused || view(loaded.value, signedIn);
  });
}, { bundles: ['console', 'console-jury'] });
