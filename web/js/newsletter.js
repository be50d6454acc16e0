// The newsletter's four pages: subscribe (/newsletter/), confirm, preferences and unsubscribe. The three last ones
// are opened from emails, whose links carry the token in the fragment (never sent to a server by the browser).
import { ApiError, api } from './api.js';
import { citiesBySlug } from './cards.js';
import { LANGUAGES, lang, t } from './i18n.js';
import { el, takeFragment, fill } from './dom.js';
import { clearErrors, showErrors, status } from './forms.js';
import { page, setTitle } from './layout.js';

const TOPICS = ['news', 'events', 'calls'];

function checkboxes(name, legend, options, checked) {
  return el('fieldset', { id: `${name}-group` }, el('legend', {}, legend),
    el('div', { class: 'choices' }, options.map(([value, label], i) => el('div', { class: 'choice' },
      el('input', { type: 'checkbox', id: `${name}-${i}`, name, value, checked: checked.includes(value) }),
      el('label', { for: `${name}-${i}` }, label)))));
}

function radios(name, legend, options, checked) {
  return el('fieldset', { id: `${name}-group` }, el('legend', {}, legend),
    el('div', { class: 'choices' }, options.map(([value, label], i) => el('div', { class: 'choice' },
      el('input', { type: 'radio', id: `${name}-${i}`, name, value, checked: checked === value }),
      el('label', { for: `${name}-${i}` }, label)))));
}

function preferenceFields(cities, preferences) {
  return [
    checkboxes('languages', t('newsletter.languages'), Object.entries(LANGUAGES), preferences.languages),
    checkboxes('cities', t('newsletter.cities'), [...cities.values()]
      .sort((a, b) => a.name.localeCompare(b.name, lang)).map((city) => [city.slug, city.name]), preferences.cities),
    el('p', { class: 'hint' }, t('newsletter.citiesHint')),
    checkboxes('topics', t('newsletter.topics'), TOPICS.map((topic) => [topic, t(`kind.${topic}`)]),
      preferences.topics),
    radios('frequency', t('newsletter.frequency'), [['weekly', t('newsletter.weekly')],
      ['monthly', t('newsletter.monthly')]], preferences.frequency),
  ];
}

function readPreferences(form) {
  const data = new FormData(form);
  return { languages: data.getAll('languages'), cities: data.getAll('cities'), topics: data.getAll('topics'),
    frequency: data.get('frequency') };
}

/** The API's 400 names a field such as languages[1]: said next to that group. */
function errorFromApi(form, error) {
  const name = (error.field || '').replace(/\[\d+\]$/, '');
  const control = form.querySelector(`#${CSS.escape(name)}`) || form.querySelector(`[name="${CSS.escape(name)}"]`);
  return [{ control, message: error.message }];
}

async function subscribe(main) {
  setTitle(t('newsletter.title'));
  const cities = await citiesBySlug(api, lang);
  const outcome = el('p', { class: 'outcome', id: 'outcome' });
  const form = el('form', { novalidate: true },
    el('div', { class: 'field' }, el('label', { for: 'email' }, t('newsletter.email')),
      el('input', { id: 'email', name: 'email', type: 'email', autocomplete: 'email', required: true })),
    // For bots only: people never see it, and a filled one is answered as any subscription, and dropped.
    el('div', { class: 'trap', 'aria-hidden': 'true' }, el('label', { for: 'nickname' }, 'Nickname'),
      el('input', { id: 'nickname', name: 'nickname', tabindex: '-1', autocomplete: 'off' })),
    ...preferenceFields(cities, { languages: [lang], cities: [], topics: TOPICS, frequency: 'weekly' }),
    el('button', { type: 'submit' }, t('newsletter.subscribe')));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const email = form.elements.email;
    if (!email.value.trim() || !email.validity.valid) {
      showErrors(form, [{ control: email, message: t('errors.email') }]);
      return;
    }
    clearErrors(form);
    try {
      await api('/newsletter/subscriptions', { method: 'POST',
        body: { email: email.value.trim(), nickname: form.elements.nickname.value || undefined,
          ...readPreferences(form) } });
      form.hidden = true;
      status(outcome, t('newsletter.checkEmail'));
      outcome.focus();
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 400) throw error;
      showErrors(form, errorFromApi(form, error));
    }
  });
  outcome.tabIndex = -1;
  fill(main, el('h1', {}, t('newsletter.title')), el('p', { class: 'lead' }, t('newsletter.lead')),
    form, outcome);
}

async function confirm(main) {
  setTitle(t('newsletter.confirmTitle'));
  const token = takeFragment().get('token');
  const heading = el('h1', { tabindex: '-1' }, t('newsletter.confirmTitle'));
  fill(main, heading);
  if (!token) {
    main.append(el('p', { role: 'alert' }, t('newsletter.noToken')));
    return;
  }
  try {
    const answer = await api('/newsletter/confirm', { method: 'POST', body: { token } });
    main.append(el('p', { role: 'status', id: 'outcome' }, answer.manageToken ? t('newsletter.confirmed')
      : t('newsletter.alreadyConfirmed')));
    if (answer.manageToken) {
      // The management token stays in this page's links, never in storage.
      main.append(el('ul', {},
        el('li', {}, el('a', { href: `/newsletter/preferences#token=${encodeURIComponent(answer.manageToken)}` },
          t('newsletter.preferencesTitle'))),
        el('li', {}, el('a', { href: `/newsletter/unsubscribe#token=${encodeURIComponent(answer.manageToken)}` },
          t('newsletter.unsubscribeTitle')))));
    }
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 400) throw error;
    main.append(el('p', { role: 'alert', id: 'outcome' }, t('newsletter.badLink')));
  }
}

async function preferences(main) {
  setTitle(t('newsletter.preferencesTitle'));
  const token = takeFragment().get('token');
  if (!token) {
    fill(main, el('h1', {}, t('newsletter.preferencesTitle')),
      el('p', { role: 'alert' }, t('newsletter.noToken')));
    return;
  }
  const headers = { 'X-Newsletter-Token': token };
  let current;
  try {
    current = await api('/newsletter/preferences', { headers });
  } catch (error) {
    if (error.status !== 404) throw error;
    fill(main, el('h1', {}, t('newsletter.preferencesTitle')),
      el('p', { role: 'alert' }, t('newsletter.badLink')));
    return;
  }
  const cities = await citiesBySlug(api, lang);
  const outcome = el('p', { class: 'outcome', id: 'outcome', role: 'status' });
  const form = el('form', { novalidate: true }, ...preferenceFields(cities, current),
    el('button', { type: 'submit' }, t('newsletter.save')));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    try {
      await api('/newsletter/preferences', { method: 'PUT', headers, body: readPreferences(form) });
      status(outcome, t('newsletter.saved'));
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 400) throw error;
      showErrors(form, errorFromApi(form, error));
    }
  });
  // The token goes on in the fragment of the link, so that the next page can use it too.
  fill(main, el('h1', {}, t('newsletter.preferencesTitle')),
    el('p', {}, t('newsletter.address', { email: current.email })), form, outcome,
    el('p', {}, el('a', { href: `/newsletter/unsubscribe#token=${encodeURIComponent(token)}` },
      t('newsletter.unsubscribeTitle'))));
}

async function unsubscribe(main) {
  setTitle(t('newsletter.unsubscribeTitle'));
  const token = takeFragment().get('token');
  const outcome = el('p', { id: 'outcome', tabindex: '-1' });
  const button = el('button', { type: 'button', disabled: !token }, t('newsletter.unsubscribe'));
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      await api('/newsletter/unsubscribe', { method: 'POST', headers: { 'X-Newsletter-Token': token } });
      button.hidden = true;
      status(outcome, t('newsletter.unsubscribed'));
    } catch (error) {
      button.disabled = false;
      status(outcome, error.status === 400 || error.status === 404 ? t('newsletter.badLink') : t('error.text'),
        { assertive: true });
    }
    outcome.focus();
  });
  fill(main, el('h1', {}, t('newsletter.unsubscribeTitle')),
    el('p', {}, token ? t('newsletter.unsubscribeLead') : t('newsletter.noToken')), button, outcome);
}

const PAGES = { '': subscribe, confirm, preferences, unsubscribe };

page(async (main) => {
  const name = location.pathname.split('/')[2] || '';
  await (PAGES[name] || subscribe)(main);
});
