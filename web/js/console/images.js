// The item's images: each file asked for (POST /admin/media), sent straight to S3 with its progress (uploads.js),
// followed until the media function says ready (with its renditions) or rejected (with its reason); then its alt
// text, required in every language the item has, its place in the order, its removal.
import { ApiError } from '../api.js';
import { t } from '../i18n.js';
import { el, fill } from '../dom.js';
import { status } from '../forms.js';
import { put, size } from '../uploads.js';
import { adminApi } from './session.js';
import { languageName } from './translations.js';

const TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif'];
const MAX_BYTES = 10 * 1024 * 1024; // the stack's MaxImageBytes by default; the API says so if it is less
// What this tab uploaded, as data: URLs: drafts' renditions are private until published, so the page shows the file.
const previews = new Map();

function readAsDataUrl(file) {
  return new Promise((resolve) => {
    const reader = new FileReader();
    reader.addEventListener('load', () => resolve(reader.result));
    reader.addEventListener('error', () => resolve(null));
    reader.readAsDataURL(file);
  });
}

export class Images {
  /** publicImages: the published item's images by key (their CDN renditions), for thumbnails. */
  constructor({ item, publicImages = new Map() }) {
    this.entries = (item?.images || []).map((image) => ({ mediaId: image.mediaId, key: image.key,
      alt: { ...image.alt }, renditions: image.renditions || [] }));
    this.publicImages = publicImages;
    this.languages = ['en'];
    this.list = el('ol', { class: 'image-list' });
    this.announce = el('p', { class: 'upload-status', id: 'images-status', role: 'status' });
    this.uploads = el('ul', { class: 'files' });
    this.input = el('input', { type: 'file', id: 'image-file', accept: TYPES.join(','), multiple: true,
      'aria-describedby': 'image-file-hint images-status' });
    this.input.addEventListener('change', () => this.upload([...this.input.files]));
    this.node = el('section', { class: 'images', 'aria-labelledby': 'images-title' },
      el('h2', { id: 'images-title' }, t('console-editor.images')),
      this.list,
      el('div', { class: 'field' }, el('label', { for: 'image-file' }, t('console-editor.addImages')),
        el('p', { class: 'hint', id: 'image-file-hint' }, t('console-editor.imagesHint', { size: size(MAX_BYTES) })),
        this.input),
      this.uploads, this.announce);
    this.render();
  }

  /** The languages whose alt text is asked for: the item's (those with a title), else English. */
  sync(languages) {
    const wanted = languages.length ? languages : ['en'];
    if (wanted.join() === this.languages.join()) return;
    this.languages = wanted;
    this.render();
  }

  render(focus) {
    fill(this.list, this.entries.map((entry, index) => this.row(entry, index)));
    if (!this.entries.length) this.list.append(el('li', { class: 'hint' }, t('console-editor.noImages')));
    if (focus) this.list.querySelector(focus)?.focus();
  }

  row(entry, index) {
    const number = index + 1;
    const shown = this.publicImages.get(entry.key);
    const source = previews.get(entry.mediaId) || shown?.url;
    const smallest = [...(shown?.renditions || [])].sort((a, b) => a.width - b.width)[0];
    // Decorative here: the alt text is right beside it, in the fields.
    const thumbnail = source ? el('img', { src: smallest?.url || source, alt: '',
      class: 'thumbnail' }) : el('p', { class: 'thumbnail placeholder' }, t('console-editor.thumbnailLater'));
    const sizes = entry.renditions.map((r) => `${r.width} × ${r.height}`).join(', ');
    const alts = [...new Set([...this.languages, ...Object.keys(entry.alt).filter((code) => entry.alt[code])])]
      .map((code) => {
        const id = `img-${index}-alt-${code}`;
        const input = el('input', { id, lang: code, dir: 'auto', maxlength: 300, 'data-field': `images[${index}].alt.${code}`,
          oninput: (event) => { entry.alt[code] = event.target.value; } });
        input.value = entry.alt[code] || '';
        return el('div', { class: 'field' }, el('label', { for: id }, t('console-editor.alt',
          { language: languageName(code) })), input);
      });
    const button = (key, action, disabled, cls) => el('button', { type: 'button', class: `secondary ${cls}`,
      disabled, 'data-field': cls === 'remove' ? `images[${index}].mediaId` : undefined,
      id: `img-${index}-${cls}`, onclick: action }, t(key, { number }));
    return el('li', { class: 'image' }, el('fieldset', {},
      el('legend', {}, t('console-editor.imageNumber', { number })),
      el('div', { class: 'image-row' }, thumbnail, el('div', {},
        sizes ? el('p', { class: 'hint' }, t('console-editor.renditions', { sizes })) : null,
        alts,
        el('div', { class: 'row' },
          button('console-editor.moveUp', () => this.move(index, -1), index === 0, 'up'),
          button('console-editor.moveDown', () => this.move(index, 1), index === this.entries.length - 1, 'down'),
          button('console-editor.removeImage', () => this.remove(index), false, 'remove'))))));
  }

  move(index, by) {
    const [entry] = this.entries.splice(index, 1);
    this.entries.splice(index + by, 0, entry);
    const at = index + by;
    this.render(`#img-${at}-${by < 0 && at > 0 ? 'up' : by > 0 && at < this.entries.length - 1 ? 'down' : 'remove'}`);
    status(this.announce, t('console-editor.moved', { number: at + 1 }));
    this.changed();
  }

  remove(index) {
    this.entries.splice(index, 1);
    this.render();
    this.input.focus();
    status(this.announce, t('console-editor.removed', { number: index + 1 }));
    this.changed();
  }

  changed() {
    this.node.dispatchEvent(new Event('input', { bubbles: true }));
  }

  /** The images as the API takes them. */
  read() {
    return this.entries.map((entry) => ({ mediaId: entry.mediaId, alt: Object.fromEntries(
      Object.entries(entry.alt).map(([code, text]) => [code, text.trim()]).filter(([, text]) => text)) }));
  }

  /** How many images lack alt text in that language. */
  missingAlt(code) {
    return this.entries.filter((entry) => !entry.alt[code]?.trim()).length;
  }

  /** [{control, message}] for every alt text the item's languages still need. */
  altErrors(languages) {
    const errors = [];
    this.entries.forEach((entry, index) => languages.forEach((code) => {
      if (!entry.alt[code]?.trim()) {
        errors.push({ control: this.list.querySelector(`#img-${index}-alt-${code}`),
          message: t('console-editor.altNeeded', { number: index + 1, language: languageName(code) }) });
      }
    }));
    return errors;
  }

  async upload(files) {
    for (const file of files) {
      if (!TYPES.includes(file.type)) {
        status(this.announce, t('console-editor.wrongType', { name: file.name }), { assertive: true });
        continue;
      }
      if (file.size > MAX_BYTES) {
        status(this.announce, t('console-editor.tooLarge', { name: file.name, size: size(MAX_BYTES) }),
          { assertive: true });
        continue;
      }
      const progress = el('progress', { max: 100, value: 0, 'aria-label': t('console-editor.progress',
        { name: file.name }) });
      const row = el('li', { class: 'file uploading' }, el('span', { class: 'file-name' }, file.name), ' ', progress);
      this.uploads.append(row);
      status(this.announce, t('console-editor.uploading', { name: file.name }));
      try {
        const ticket = await adminApi('/admin/media', { method: 'POST',
          body: { contentType: file.type, size: file.size, fileName: file.name } });
        await put(ticket, file, progress);
        status(this.announce, t('console-editor.checking', { name: file.name }));
        const media = await this.waitForCheck(ticket.mediaId);
        if (media?.status === 'ready') {
          previews.set(media.mediaId, await readAsDataUrl(file));
          this.entries.push({ mediaId: media.mediaId, alt: {}, renditions: media.renditions || [] });
          this.render(`#img-${this.entries.length - 1}-alt-${this.languages[0]}`);
          status(this.announce, t('console-editor.ready', { name: file.name }));
          this.changed();
        } else {
          status(this.announce, t('console-editor.rejected', { name: file.name,
            reason: media?.reason || t('console-editor.tooSlow') }), { assertive: true });
        }
      } catch (error) {
        status(this.announce, t('console-editor.uploadFailed', { name: file.name,
          reason: error instanceof ApiError ? error.message : t('console-editor.network') }), { assertive: true });
      }
      row.remove();
    }
    this.input.value = '';
  }

  /** The media function checks an upload in a second or two: ask until it says ready or rejected. */
  async waitForCheck(mediaId) {
    for (let attempt = 0; attempt < 60; attempt++) {
      const media = await adminApi(`/admin/media/${encodeURIComponent(mediaId)}`);
      if (media.status !== 'pending') return media;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    return null;
  }
}
