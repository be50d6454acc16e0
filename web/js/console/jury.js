// /console/jury.html: the calls whose jury names the signed-in address, soonest closing first, each linked to its
// applications. Editors sit on no jury unless named: they are pointed to their city's calls.
import { query } from '../api.js';
import { formatDateTime, lang, t } from '../i18n.js';
import { el } from '../dom.js';
import { page, setTitle } from '../layout.js';
import { adminApi, consolePage } from './session.js';

function row(call, cities) {
  return el('tr', {},
    el('th', { scope: 'row' }, el('a', { href: `/console/applications.html${query({ call: call.id })}` },
      call.title || call.slug)),
    el('td', {}, call.city ? (cities.get(call.city)?.name || call.city) : t('item.network')),
    el('td', {}, formatDateTime(call.closesAt)),
    el('td', {}, t('console-jury.submittedCount', { count: call.submitted ?? 0 })),
    el('td', {}, t(call.blindReview ? 'console-jury.blind' : 'console-jury.notBlind')));
}

async function juryCalls(session, cities) {
  const { items } = await adminApi(`/admin/jury/calls${query({ lang })}`);
  if (!items.length) {
    return session.isEditor
      ? [el('p', {}, t('console-jury.noJuryEditor')),
        el('p', {}, el('a', { href: `/console/${query({ kind: 'calls' })}` }, t('console-jury.yourCalls')))]
      : [el('p', {}, t('console-jury.noJury', { email: session.email || '' })),
        el('p', { class: 'hint' }, t('console-jury.noJuryHint'))];
  }
  return [
    el('p', {}, t('console-jury.juryLead')),
    el('table', { class: 'items jury-calls' },
      el('caption', {}, t('console-jury.callsCaption')),
      el('thead', {}, el('tr', {}, ['call', 'city', 'closes', 'submitted', 'review'].map((key) =>
        el('th', { scope: 'col' }, t(`console-jury.col.${key}`))))),
      el('tbody', {}, items.map((call) => row(call, cities)))),
  ];
}

page(async (main) => {
  setTitle(t('console-jury.juriesTitle'));
  await consolePage(main, t('console-jury.juriesTitle'), (_, session, cities) => juryCalls(session, cities));
}, { bundles: ['console', 'console-jury'] });
