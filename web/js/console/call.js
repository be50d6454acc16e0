// /console/call.html?id=ID: a call's application form and its jury, for the call's city editors and admins.
import { ApiError, query } from '../api.js';
import { t } from '../i18n.js';
import { el } from '../dom.js';
import { page, setTitle } from '../layout.js';
import { adminApi, consolePage, session } from './session.js';
import { formBuilder, loadForm } from './form-builder.js';
import { juryEditor, loadJury } from './jury-editor.js';
import { languageName } from './edit-helpers.js';
import { titleOf } from './titles.js';

/** The languages the form is written in: the call's original first, then its translations', then the form's own. */
function languagesOf(call, form) {
  const found = [call.originalLanguage, ...Object.keys(call.translations || {})];
  for (const field of form.fields) found.push(...Object.keys(field.label), ...Object.keys(field.help));
  for (const criterion of form.criteria) found.push(...Object.keys(criterion.name));
  return [...new Set(found.filter(Boolean))];
}

/** The call, or the reason it cannot be shown here (another city's, not found). */
async function loadCall(id) {
  try {
    return { call: await adminApi(`/admin/calls/${encodeURIComponent(id)}`) };
  } catch (error) {
    if (error instanceof ApiError && [403, 404].includes(error.status)) return { refused: error.status };
    throw error;
  }
}

async function draw(id, call, refused, signedIn) {
  if (!signedIn.isEditor) return [el('p', { role: 'alert' }, t('console-calls.editorsOnly'))];
  if (!id || refused) return [el('p', { role: 'alert' }, t(refused === 403 ? 'console-calls.notYours'
    : 'console-calls.noSuchCall')),
  el('p', {}, el('a', { href: '/console/?kind=calls' }, t('console-calls.allCalls')))];
  const [{ form, etag }, jury] = await Promise.all([loadForm(id, call), loadJury(id)]);
  const languages = languagesOf(call, form);
  return [
    el('p', { class: 'call-links' },
      el('a', { href: `/console/item.html${query({ kind: 'calls', id })}` }, t('console-calls.editCall')), ' · ',
      el('a', { href: `/console/applications.html${query({ call: id })}` }, t('console-calls.applications')),
      call.status === 'published' ? [' · ', el('a', { href: `/calls/${encodeURIComponent(call.slug)}` },
        t('console-calls.publicPage'))] : null),
    el('p', { class: 'hint' }, t(`console.status.${call.status}`), '. ', t('console-calls.languages', {
      languages: languages.map(languageName).join(', ') })),
    ...formBuilder({ callId: id, call, form, etag, languages }),
    juryEditor({ callId: id, jury }),
  ];
}

page(async (main) => {
  const id = new URLSearchParams(location.search).get('id');
  const signedIn = session();
  const { call, refused } = signedIn?.isEditor && id ? await loadCall(id) : {};
  const title = call ? t('console-calls.heading', { title: titleOf(call) }) : t('console-calls.title');
  setTitle(title);
  await consolePage(main, title, (_, current) => draw(id, call, refused, current));
}, { bundles: ['console', 'console-calls'] });
