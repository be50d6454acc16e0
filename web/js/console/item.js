// /console/item.html?kind=K (a new item) and ?kind=K&id=ID (an item): every field the admin API takes for that kind,
// created with POST /admin/{kind} and saved with PUT at the version read (If-Match; someone else's save in between is
// said plainly, never overwritten), the texts by language (translations.js), the images (images.js), publishing and
// history (publishing.js). After a creation the address becomes the item's, so that reloading opens it.
import { ApiError, api, query } from '../api.js';
import { lang, t } from '../i18n.js';
import { el, fill } from '../dom.js';
import { clearErrors, showErrors, status } from '../forms.js';
import { KINDS, page, setTitle } from '../layout.js';
import { adminApi, citiesBySlug, consolePage, session } from './session.js';
import { controlFor, itemFields } from './item-fields.js';
import { Translations } from './translations.js';
import { Images } from './images.js';
import { publishing, said } from './publishing.js';
import { titleOf } from './titles.js';

const params = new URLSearchParams(location.search);
const kind = params.get('kind');

function heading(item) {
  return item ? t('console-editor.editTitle', { title: titleOf(item) })
    : t('console-editor.newTitle', { kind: t(`kind.${kind}`) });
}

/** The published item as readers get it in a language (its sanitised bodyHtml, its image URLs), or null. */
async function publicAnswer(item, language) {
  if (item?.status !== 'published') return null;
  try {
    return await api(`/${kind}/${encodeURIComponent(item.slug)}${query({ lang: language })}`);
  } catch {
    return null;
  }
}

/** A page that cannot be an editor: the item is another city's, gone, or the reader edits nothing. */
function refusal(key, vars = {}) {
  return [el('p', { role: 'alert', class: 'note', id: 'refusal' }, t(key, vars)),
    el('p', {}, el('a', { href: `/console/${query({ kind })}` }, t('console-editor.backToList')))];
}

function stale(container) {
  const notice = el('div', { class: 'stale note', role: 'alert', tabindex: '-1', id: 'stale' },
    el('p', {}, t('console-editor.stale')),
    el('button', { type: 'button', onclick: () => location.reload() }, t('console-editor.reload')));
  container.querySelector('#stale')?.remove();
  container.prepend(notice);
  notice.focus();
}

/** The API's refusal of a save or an action, said where it belongs. */
function refused(error, form, texts, container) {
  if (error instanceof ApiError && error.status === 412) return stale(container);
  const forbidden = error instanceof ApiError && error.status === 403;
  const control = error instanceof ApiError && error.field ? controlFor(form, error.field) : null;
  texts.reveal(control);
  const message = forbidden ? t('console-editor.forbidden') : error instanceof ApiError && error.status < 500
    ? error.message : t('error.text');
  showErrors(form, [{ control, message }]);
}

async function editor(container, session, cities, item) {
  const id = item?.id;
  const city = cities.get(item ? item.city : session.city);
  const firstAnswer = await publicAnswer(item, lang);
  const publicImages = new Map((firstAnswer?.images || []).map((image) => [image.key, image]));
  const fields = itemFields(kind, item, session, cities);
  const texts = new Translations({ kind, item, cityLanguages: city?.languages || [],
    networkLanguages: [...cities.values()].flatMap((c) => c.languages || []),
    renderedBody: async (language) => {
      const answer = await publicAnswer(item, language);
      return answer?.lang === language ? answer.bodyHtml : null;
    } });
  const images = new Images({ item, publicImages });
  const saveStatus = el('p', { id: 'save-status', class: 'save-status', role: 'status', tabindex: '-1' });
  const form = el('form', { id: 'item-form', novalidate: true }, fields.node, texts.node, images.node,
    el('div', { class: 'row save-row' }, el('button', { type: 'submit', id: 'save' },
      t(item ? 'console-editor.save' : 'console-editor.create')), saveStatus));
  let dirty = false;
  const update = () => {
    images.sync(texts.titled());
    texts.refresh((code) => images.missingAlt(code));
  };
  form.addEventListener('input', () => {
    dirty = true;
    update();
  });
  update();

  const redraw = async (stored, message, where = 'save') => {
    history.replaceState(null, '', `/console/item.html${query({ kind, id: stored.id })}`);
    document.querySelector('main h1').textContent = heading(stored);
    setTitle(heading(stored));
    fill(container, await editor(container, session, cities, stored));
    if (where === 'save') {
      status(container.querySelector('#save-status'), message);
      container.querySelector('#save-status').focus();
    } else said(message);
  };

  const save = async () => {
    const body = {};
    const errors = [];
    fields.read(form, body, errors);
    Object.assign(body, texts.read());
    body.images = images.read();
    if (!texts.titled().length) {
      errors.unshift({ control: form.querySelector('#t-en-title'), message: t('console-editor.needed.title') });
    }
    errors.push(...images.altErrors(texts.titled()));
    if (errors.length) {
      texts.reveal(errors[0].control);
      showErrors(form, errors);
      return null;
    }
    clearErrors(form);
    try {
      return id ? await adminApi(`/admin/${kind}/${encodeURIComponent(id)}`, { method: 'PUT', body,
        headers: { 'If-Match': `"${item.version}"` } }) : await adminApi(`/admin/${kind}`, { method: 'POST', body });
    } catch (error) {
      refused(error, form, texts, container);
      return null;
    }
  };

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const button = form.querySelector('#save');
    button.disabled = true;
    status(saveStatus, t('console-editor.saving'));
    const stored = await save();
    button.disabled = false;
    status(saveStatus, '');
    if (stored) {
      await redraw(stored, t('console-editor.savedAt', { time: new Intl.DateTimeFormat(lang, { timeStyle: 'short' })
        .format(new Date()) }));
    }
  });

  // Publishing acts on the stored version: unsaved edits are saved first, so that what appears is what is shown.
  const act = async (action, body, message) => {
    let current = item;
    if (dirty) {
      current = await save();
      if (!current) return;
    }
    const path = `/admin/${kind}/${encodeURIComponent(id)}${action === 'delete' ? '' : `/${action}`}`;
    try {
      const answer = await adminApi(path, { method: action === 'delete' ? 'DELETE' : 'POST', body,
        headers: { 'If-Match': `"${current.version}"` } });
      if (action === 'delete') location.assign(`/console/${query({ kind })}`);
      else await redraw(answer, message, 'publish');
    } catch (error) {
      refused(error, form, texts, container);
    }
  };

  return [form, ...(item ? await publishing({ kind, item, title: titleOf(item), session, act }) : [
    el('p', { class: 'hint', id: 'publish-later' }, t(kind === 'calls' ? 'console-editor.saveFirstCall'
      : 'console-editor.saveFirst'))])];
}

/** The item of the address, read before the frame is drawn so that its heading names it; or why there is none. */
async function load(current, cities) {
  const id = params.get('id');
  if (!current) return {};
  if (!KINDS.includes(kind)) return { refusal: refusal('console-editor.noKind') };
  if (!current.isEditor) return { refusal: refusal('console-editor.editorsOnly') };
  if (!id) return { item: null };
  try {
    return { item: await adminApi(`/admin/${kind}/${encodeURIComponent(id)}`) };
  } catch (error) {
    if (error instanceof ApiError && error.status === 403) {
      return { refusal: refusal('console-editor.notYours', { city: cities.get(current.city)?.name || current.city }) };
    }
    if (error instanceof ApiError && error.status === 404) return { refusal: refusal('console-editor.gone') };
    throw error;
  }
}

page(async (main) => {
  const cities = await citiesBySlug();
  const { item, refusal: denied } = await load(session(), cities);
  const title = denied ? t('console-editor.title') : heading(item);
  setTitle(title);
  await consolePage(main, title, async (_, current) => {
    if (denied) return denied;
    const container = el('div', { class: 'editor' });
    fill(container, await editor(container, current, cities, item));
    return container;
  });
}, { bundles: ['console', 'console-editor'] });
