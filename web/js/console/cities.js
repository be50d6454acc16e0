// /console/cities.html: the network's cities, for admins: add one, edit one (names per language, country, continent,
// position, languages, website, year of joining). Editors are told plainly that the page is for administrators.
import { ApiError } from '../api.js';
import { countryName, lang, t } from '../i18n.js';
import { el, fill } from '../dom.js';
import { clearErrors, showErrors, status } from '../forms.js';
import { page, setTitle } from '../layout.js';
import { COUNTRIES } from '../countries.js';
import { adminApi, consolePage } from './session.js';
import { controlAt, languageName } from './edit-helpers.js';

const CONTINENTS = ['africa', 'asia', 'europe', 'north-america', 'south-america', 'oceania'];
const NAME_LANGUAGES = ['en', 'fr']; // always offered: the site's two complete languages
const FIELDS = ['slug', 'name', 'country', 'continent', 'coordinates', 'languages', 'website', 'joinedYear'];

/** Every city, fresh: the public list is cached for minutes, and an admin wants to see the change just made. */
async function loadCities() {
  const response = await fetch(`/api/cities?lang=${lang}`, { cache: 'no-cache' });
  if (!response.ok) throw new ApiError(response.status, await response.json().catch(() => null));
  return (await response.json()).items.sort((a, b) => a.name.localeCompare(b.name, lang));
}

function field(id, label, control, hint) {
  if (hint) control.setAttribute('aria-describedby', `${id}-hint`);
  return el('div', { class: 'field' }, el('label', { for: id }, label),
    hint ? el('p', { class: 'hint', id: `${id}-hint` }, hint) : null, control);
}

/** The words for an API 400 or 409, by the field it names. */
function explain(error) {
  const base = (error.field || '').split('.')[0];
  if (error.status === 409) return t('console-calls.city.error.taken');
  return FIELDS.includes(base) ? t(`console-calls.city.error.${base}`) : error.message || t('error.text');
}

function cityForm(city, { onSaved, onCancel }) {
  const names = { ...(city?.names || {}) };
  const tags = [...new Set([...Object.keys(names), ...NAME_LANGUAGES])];
  const countries = COUNTRIES.map((code) => [code, countryName(code)]).sort((a, b) => a[1].localeCompare(b[1], lang));
  const heading = el('h2', { id: 'city-form-title', tabindex: '-1' }, city ? t('console-calls.city.edit',
    { name: city.name }) : t('console-calls.city.add'));
  const form = el('form', { id: 'city-form-fields', novalidate: true, 'aria-labelledby': 'city-form-title' },
    city ? el('p', {}, t('console-calls.city.slugFixed', { slug: city.slug }))
      : field('city-slug', t('console-calls.city.slug'), el('input', { id: 'city-slug', name: 'slug',
        'data-paths': 'slug', autocomplete: 'off', spellcheck: 'false', maxlength: 60 }),
      t('console-calls.city.slugHint')),
    el('fieldset', {}, el('legend', {}, t('console-calls.city.names')),
      tags.map((tag, i) => field(`city-name-${tag}`, t('console-calls.city.nameIn', { language: languageName(tag) }),
        el('input', { id: `city-name-${tag}`, lang: tag, value: names[tag] || '', maxlength: 100,
          'data-paths': [`name.${tag}`, i === 0 ? 'name' : ''].join(' ').trim(),
          oninput: (event) => { names[tag] = event.target.value; } }))),
      el('div', { class: 'row' },
        field('city-name-other-tag', t('console-calls.city.otherLanguage'), el('input', { id: 'city-name-other-tag',
          autocomplete: 'off', spellcheck: 'false', maxlength: 35, class: 'short' }),
        t('console-calls.city.otherLanguageHint')),
        field('city-name-other', t('console-calls.city.otherName'),
          el('input', { id: 'city-name-other', maxlength: 100 })))),
    field('city-country', t('console-calls.city.country'), el('select', { id: 'city-country', 'data-paths': 'country' },
      el('option', { value: '' }, t('apply.chooseCountry')),
      countries.map(([code, name]) => el('option', { value: code, selected: city?.country === code }, name)))),
    field('city-continent', t('console-calls.city.continent'), el('select', { id: 'city-continent',
      'data-paths': 'continent' }, el('option', { value: '' }, t('console-calls.city.chooseContinent')),
    CONTINENTS.map((continent) => el('option', { value: continent, selected: city?.continent === continent },
      t(`console-calls.continent.${continent}`))))),
    el('div', { class: 'row' },
      field('city-lat', t('console-calls.city.lat'), el('input', { id: 'city-lat', type: 'number', step: 'any',
        min: -90, max: 90, inputmode: 'decimal', value: city?.coordinates?.lat ?? '',
        'data-paths': 'coordinates coordinates.lat' })),
      field('city-lon', t('console-calls.city.lon'), el('input', { id: 'city-lon', type: 'number', step: 'any',
        min: -180, max: 180, inputmode: 'decimal', value: city?.coordinates?.lon ?? '',
        'data-paths': 'coordinates.lon' }))),
    field('city-languages', t('console-calls.city.languages'), el('input', { id: 'city-languages', autocomplete: 'off',
      spellcheck: 'false', value: (city?.languages || []).join(', '), 'data-paths': 'languages' }),
    t('console-calls.city.languagesHint')),
    field('city-website', t('console-calls.city.website'), el('input', { id: 'city-website', type: 'url',
      inputmode: 'url', value: city?.website || '', 'data-paths': 'website' })),
    field('city-joined', t('console-calls.city.joined'), el('input', { id: 'city-joined', type: 'number', min: 2004,
      step: 1, inputmode: 'numeric', value: city?.joinedYear ?? '', 'data-paths': 'joinedYear', class: 'short' })),
    el('div', { class: 'actions' },
      el('button', { type: 'submit', id: 'save-city' }, t('console-calls.city.save')),
      el('button', { type: 'button', class: 'secondary', onclick: onCancel }, t('console-calls.cancel'))));

  const value = (id) => form.querySelector(`#${id}`).value.trim();
  const numberOrNull = (id) => (value(id) === '' ? null : Number(value(id)));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    const name = Object.fromEntries(Object.entries(names).filter(([, text]) => text && text.trim()));
    if (value('city-name-other-tag') && value('city-name-other')) {
      name[value('city-name-other-tag')] = value('city-name-other');
    }
    const body = { slug: city ? city.slug : value('city-slug'), name, country: value('city-country'),
      continent: value('city-continent'), coordinates: { lat: numberOrNull('city-lat'), lon: numberOrNull('city-lon') },
      languages: value('city-languages').split(/[\s,;]+/).filter(Boolean), website: value('city-website') || null,
      joinedYear: numberOrNull('city-joined') };
    if (body.coordinates.lat === null || body.coordinates.lon === null) {
      showErrors(form, [{ control: form.querySelector(body.coordinates.lat === null ? '#city-lat' : '#city-lon'),
        message: t('console-calls.city.error.coordinates') }]);
      return;
    }
    try {
      const saved = await adminApi(city ? `/admin/cities/${encodeURIComponent(city.slug)}` : '/admin/cities',
        { method: city ? 'PUT' : 'POST', body });
      await onSaved(saved);
    } catch (error) {
      if (!(error instanceof ApiError) || ![400, 409].includes(error.status)) throw error;
      showErrors(form, [{ control: controlAt(form, error.field) || form.querySelector('[data-paths]'),
        message: explain(error) }]);
    }
  });
  return el('section', { id: 'city-form', 'aria-labelledby': 'city-form-title' }, heading, form);
}

async function citiesScreen() {
  const outcome = el('p', { id: 'cities-status', class: 'save-status', role: 'status' });
  const editor = el('div', { id: 'city-editor' });
  const list = el('div', { id: 'city-list' });
  const addButton = el('button', { type: 'button', id: 'add-city', onclick: () => open(null) },
    t('console-calls.city.add'));

  function open(city) {
    status(outcome, '');
    fill(editor, cityForm(city, {
      onSaved: async (saved) => {
        fill(editor);
        await drawList();
        status(outcome, t(city ? 'console-calls.city.saved' : 'console-calls.city.added', {
          name: saved.name[lang] || saved.name.en || Object.values(saved.name)[0] }));
        (document.getElementById(`edit-${saved.slug}`) || addButton).focus();
      },
      onCancel: () => {
        fill(editor);
        (city ? document.getElementById(`edit-${city.slug}`) : addButton)?.focus();
      },
    }));
    editor.querySelector('h2').focus();
  }

  async function drawList() {
    const cities = await loadCities();
    fill(list, el('table', { class: 'items cities-table' },
      el('caption', {}, t('console-calls.city.count', { count: cities.length })),
      el('thead', {}, el('tr', {}, ['name', 'country', 'continent', 'joined', 'actions'].map((key) =>
        el('th', { scope: 'col' }, t(`console-calls.city.col.${key}`))))),
      el('tbody', {}, cities.map((city) => el('tr', {},
        el('th', { scope: 'row' }, city.name),
        el('td', {}, countryName(city.country)),
        el('td', {}, t(`console-calls.continent.${city.continent}`)),
        el('td', {}, city.joinedYear ?? '–'),
        el('td', {}, el('button', { type: 'button', class: 'small secondary', id: `edit-${city.slug}`,
          'aria-label': t('console-calls.city.editNamed', { name: city.name }), onclick: () => open(city) },
        t('console-calls.city.editButton'))))))));
  }

  await drawList();
  return [el('p', {}, addButton), outcome, editor, list];
}

page(async (main) => {
  setTitle(t('console-calls.cities'));
  await consolePage(main, t('console-calls.cities'), async (_, current) => (current.isAdmin ? citiesScreen()
    : [el('p', { role: 'alert', id: 'admins-only' }, t('console-calls.city.adminsOnly'))]));
}, { bundles: ['console', 'console-calls'] });
