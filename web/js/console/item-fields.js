// The item's fields other than its texts and images: its city, address (slug) and tags, and what its kind adds (an
// event's times and place, a call's window and contact, a project's year, cities, artists and links). Each control
// carries data-field, the API's name for it, so that a 400 naming a field finds its control (controlFor).
import { lang, t } from '../i18n.js';
import { el } from '../dom.js';
import { OWN_ZONE, fromWallTime, timeZones, toWallTime } from './times.js';

const TAG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** The control a field path names (`venue.name`, `images[0].alt.fr`), else the first under its closest parent. */
export function controlFor(form, field) {
  const controls = [...form.querySelectorAll('[data-field]')];
  for (let path = field || ''; path; path = path.replace(/(\.[^.[\]]*|\[\d+\])$/, '')) {
    const found = controls.find((node) => node.dataset.field === path)
      || controls.find((node) => node.dataset.field.startsWith(`${path}.`) || node.dataset.field.startsWith(`${path}[`));
    if (found) return found;
    if (!/[.[]/.test(path)) break;
  }
  return null;
}

function field(id, label, control, hint) {
  if (hint) control.setAttribute('aria-describedby', `${id}-hint`);
  return el('div', { class: 'field' }, el('label', { for: id }, label),
    hint ? el('p', { class: 'hint', id: `${id}-hint` }, hint) : null, control);
}

function input(name, value, attributes = {}) {
  const id = `f-${name.replace(/[.[\]]+/g, '-').replace(/-$/, '')}`;
  const node = el('input', { id, name: id, 'data-field': name, ...attributes });
  node.value = value ?? '';
  return node;
}

function zoneSelect(value) {
  return el('select', { id: 'f-timeZone', name: 'timeZone', 'data-field': 'timeZone' },
    timeZones(value).map((zone) => el('option', { value: zone, selected: zone === value }, zone.replace(/_/g, ' '))));
}

/** Rows of people or links, added and removed in place: [{name, url}] or [{url, title}]. */
function rows(name, entries, parts) {
  const list = el('ol', { class: 'rows' });
  const add = (entry = {}) => {
    const index = list.children.length;
    const controls = parts.map(([part, type]) => {
      const control = input(`${name}[${index}].${part}`, entry[part], { type });
      return field(control.id, t(`console-editor.${name}.${part}`, { number: index + 1 }), control);
    });
    const row = el('li', {}, controls, el('button', { type: 'button', class: 'link', onclick: () => {
      row.remove();
      list.dispatchEvent(new Event('input', { bubbles: true }));
    } }, t(`console-editor.${name}.remove`, { number: index + 1 })));
    list.append(row);
    return row;
  };
  entries.forEach((entry) => add(entry));
  const node = el('fieldset', {}, el('legend', {}, t(`console-editor.${name}`)), list,
    el('button', { type: 'button', class: 'secondary', id: `${name}-add`,
      onclick: () => add().querySelector('input').focus() },
      t(`console-editor.${name}.add`)));
  const read = () => [...list.children].map((row) => Object.fromEntries(parts.map(([part], i) =>
    [part, row.querySelectorAll('input')[i].value.trim() || undefined]))).filter((entry) => Object.values(entry).some(Boolean));
  return { node, read };
}

/** The common fields: city (an admin chooses, an editor's is theirs), slug, tags. */
function common(item, session, cities) {
  const sorted = [...cities.values()].sort((a, b) => a.name.localeCompare(b.name, lang));
  const city = session.isAdmin
    ? field('f-city', t('console-editor.city'), el('select', { id: 'f-city', name: 'city', 'data-field': 'city' },
      el('option', { value: '' }, t('item.network')), sorted.map((c) => el('option', { value: c.slug,
        selected: item ? c.slug === item.city : false }, c.name))))
    : el('p', {}, t('console-editor.cityOf', { city: cities.get(session.city)?.name || session.city }));
  const slug = input('slug', item?.slug, { pattern: '[a-z0-9]+(-[a-z0-9]+)*', maxlength: 80, autocomplete: 'off',
    spellcheck: 'false' });
  const tags = input('tags', (item?.tags || []).join(', '), { autocomplete: 'off', spellcheck: 'false' });
  return {
    nodes: [city, field('f-slug', t('console-editor.slug'), slug, t(item ? 'console-editor.slugHintEdit'
      : 'console-editor.slugHint')), field('f-tags', t('console-editor.tags'), tags, t('console-editor.tagsHint'))],
    read: (form, body, errors) => {
      if (session.isAdmin) body.city = form.elements.city.value || null;
      if (slug.value.trim()) body.slug = slug.value.trim();
      body.tags = tags.value.split(',').map((tag) => tag.trim()).filter(Boolean);
      body.tags.filter((tag) => !TAG.test(tag)).forEach((tag) =>
        errors.push({ control: tags, message: t('console-editor.badTag', { tag }) }));
    },
  };
}

function times(item, names, required) {
  const zone = zoneSelect(item?.timeZone || OWN_ZONE);
  const controls = names.map((name) => input(name, toWallTime(item?.[name], item?.timeZone || OWN_ZONE),
    { type: 'datetime-local' }));
  return {
    nodes: [field('f-timeZone', t('console-editor.timeZone'), zone, t('console-editor.timeZoneHint')),
      ...controls.map((control, i) => field(control.id, t(`console-editor.${names[i]}`), control))],
    read: (body, errors) => {
      body.timeZone = zone.value;
      controls.forEach((control, i) => {
        if (control.value) body[names[i]] = fromWallTime(control.value, zone.value);
        else if (required) errors.push({ control, message: t(`console-editor.needed.${names[i]}`) });
      });
    },
  };
}

function eventFields(item) {
  const when = times(item, ['startsAt', 'endsAt'], true);
  const mode = el('select', { id: 'f-attendanceMode', name: 'attendanceMode', 'data-field': 'attendanceMode' },
    ['offline', 'online', 'mixed'].map((m) => el('option', { value: m, selected: m === item?.attendanceMode },
      t(`event.mode.${m}`))));
  const venue = input('venue.name', item?.venue?.name, { maxlength: 200 });
  const address = el('textarea', { id: 'f-venue-address', name: 'venue-address', rows: 2, 'data-field': 'venue.address' });
  address.value = item?.venue?.address || '';
  const online = input('onlineUrl', item?.onlineUrl, { type: 'url' });
  return {
    nodes: [...when.nodes, field('f-attendanceMode', t('event.mode'), mode),
      field('f-venue-name', t('console-editor.venueName'), venue),
      field('f-venue-address', t('console-editor.venueAddress'), address),
      field('f-onlineUrl', t('console-editor.onlineUrl'), online, t('console-editor.urlHint'))],
    read: (form, body, errors) => {
      when.read(body, errors);
      body.attendanceMode = mode.value;
      body.venue = venue.value.trim() || address.value.trim()
        ? { name: venue.value.trim(), address: address.value.trim() || undefined } : null;
      body.onlineUrl = online.value.trim() || null;
      if (mode.value !== 'online' && !venue.value.trim()) {
        errors.push({ control: venue, message: t('console-editor.needed.venue') });
      }
      if (mode.value !== 'offline' && !online.value.trim()) {
        errors.push({ control: online, message: t('console-editor.needed.onlineUrl') });
      }
    },
  };
}

function callFields(item) {
  const when = times(item, ['opensAt', 'closesAt'], true);
  const email = input('contact.email', item?.contact?.email, { type: 'email', autocomplete: 'off' });
  const url = input('contact.url', item?.contact?.url, { type: 'url' });
  return {
    nodes: [...when.nodes, field('f-contact-email', t('console-editor.contactEmail'), email),
      field('f-contact-url', t('console-editor.contactUrl'), url, t('console-editor.urlHint'))],
    read: (form, body, errors) => {
      when.read(body, errors);
      body.contact = email.value.trim() || url.value.trim()
        ? { email: email.value.trim() || null, url: url.value.trim() || null } : null;
    },
  };
}

function projectFields(item, cities) {
  const year = input('year', item?.year, { type: 'number', min: 1990, max: 2100, inputmode: 'numeric' });
  const edition = input('edition', item?.edition, { maxlength: 100 });
  const chosen = new Set(item?.participatingCities || []);
  const boxes = [...cities.values()].sort((a, b) => a.name.localeCompare(b.name, lang)).map((city, i) =>
    el('div', { class: 'choice' }, el('input', { type: 'checkbox', id: `f-pc-${city.slug}`, value: city.slug,
      name: 'participatingCities', checked: chosen.has(city.slug),
      'data-field': i === 0 ? 'participatingCities' : undefined }),
    el('label', { for: `f-pc-${city.slug}` }, city.name)));
  const artists = rows('artists', item?.artists || [], [['name', 'text'], ['url', 'url']]);
  const links = rows('links', item?.links || [], [['url', 'url'], ['title', 'text']]);
  return {
    nodes: [field('f-year', t('console-editor.year'), year), field('f-edition', t('console-editor.edition'), edition),
      el('fieldset', {}, el('legend', {}, t('console-editor.participatingCities')),
        el('div', { class: 'choices city-choices' }, boxes)), artists.node, links.node],
    read: (form, body) => {
      body.year = year.value ? Number(year.value) : null;
      body.edition = edition.value.trim() || null;
      body.participatingCities = boxes.map((box) => box.querySelector('input')).filter((box) => box.checked)
        .map((box) => box.value);
      body.artists = artists.read();
      body.links = links.read();
    },
  };
}

/** The fields of an item of that kind: nodes to show, and read(form, body, errors) filling the API's body. */
export function itemFields(kind, item, session, cities) {
  const general = common(item, session, cities);
  const details = { events: eventFields, calls: callFields, projects: projectFields, 'city-to-city': projectFields }[kind];
  const own = details ? details(item, cities) : null;
  const section = (id, title, nodes) => el('section', { 'aria-labelledby': id }, el('h2', { id }, title), nodes);
  const node = el('div', {}, section('general-title', t('console-editor.general'), general.nodes),
    own ? section('details-title', t(`console-editor.details.${kind}`), own.nodes) : null);
  return {
    node,
    read: (form, body, errors) => {
      general.read(form, body, errors);
      own?.read(form, body, errors);
    },
  };
}
