// Files of an application: announced to the API, sent straight to S3 with the presigned URL it returns (XHR, for
// upload progress), then checked by the server: ready, or rejected with a reason.
import { api } from './api.js';
import { t } from './i18n.js';
import { el } from './dom.js';
import { controlId } from './questions.js';
import { status } from './forms.js';

export function size(bytes) {
  // Binary units, as the API counts its limits (20 MB is 20,971,520 bytes).
  const units = [['GB', 1024 ** 3], ['MB', 1024 ** 2], ['KB', 1024]];
  for (const [unit, factor] of units) {
    if (bytes >= factor) return `${(bytes / factor).toLocaleString(undefined, { maximumFractionDigits: 1 })} ${unit}`;
  }
  return `${bytes} B`;
}

export function put(upload, file, progress) {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open(upload.method || 'PUT', upload.uploadUrl);
    for (const [name, value] of Object.entries(upload.headers || {})) request.setRequestHeader(name, value);
    request.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable) progress.value = Math.round((event.loaded / event.total) * 100);
    });
    request.addEventListener('load', () => (request.status < 300 ? resolve() : reject(new Error(`S3 ${request.status}`))));
    request.addEventListener('error', () => reject(new Error('network')));
    request.send(file);
  });
}

export class FileQuestion {
  constructor(field, application, onChange) {
    this.field = field;
    this.application = application; // { id, headers }
    this.onChange = onChange;
    this.list = el('ul', { class: 'files', id: `${controlId(field)}-files` });
    this.announce = el('p', { class: 'upload-status', id: `${controlId(field)}-status` });
    const types = field.fileTypes.map((type) => type.split('/')[1].toUpperCase()).join(', ');
    this.input = el('input', { type: 'file', id: controlId(field), accept: field.fileTypes.join(','),
      multiple: field.maxFiles > 1, 'aria-describedby': `${controlId(field)}-limits ${controlId(field)}-status` });
    this.input.addEventListener('change', () => this.upload([...this.input.files]));
    this.block = el('div', { class: 'field file-field' },
      el('label', { for: controlId(field) }, field.label,
        field.required ? el('span', { class: 'required' }, ` (${t('apply.required')})`) : ''),
      field.help ? el('p', { class: 'hint' }, field.help) : null,
      el('p', { class: 'hint', id: `${controlId(field)}-limits` },
        t('apply.fileLimits', { types, size: size(field.maxFileBytes), count: field.maxFiles })),
      this.input, this.list, this.announce);
  }

  render(files) {
    this.files = files.filter((file) => file.fieldId === this.field.id);
    this.list.replaceChildren(...this.files.map((file) => el('li', { class: `file ${file.status}` },
      el('span', { class: 'file-name' }, file.fileName), ' ',
      el('span', { class: 'meta' }, `${size(file.size)} · ${t(`file.${file.status}`)}${file.reason ? ` (${file.reason})` : ''}`),
      ' ', el('button', { type: 'button', class: 'link', onclick: () => this.remove(file),
        'aria-label': t('file.removeNamed', { name: file.fileName }) }, t('file.remove')))));
    this.input.disabled = this.files.filter((file) => file.status !== 'rejected').length >= this.field.maxFiles;
  }

  async upload(files) {
    for (const file of files) {
      if (!this.field.fileTypes.includes(file.type)) {
        status(this.announce, t('file.wrongType', { name: file.name }), { assertive: true });
        continue;
      }
      if (file.size > this.field.maxFileBytes) {
        status(this.announce, t('file.tooLarge', { name: file.name, size: size(this.field.maxFileBytes) }),
          { assertive: true });
        continue;
      }
      const progress = el('progress', { max: 100, value: 0, 'aria-label': t('file.progress', { name: file.name }) });
      const row = el('li', { class: 'file uploading' }, el('span', { class: 'file-name' }, file.name), ' ', progress);
      this.list.append(row);
      status(this.announce, t('file.uploading', { name: file.name }));
      try {
        const upload = await api(`/applications/${this.application.id}/files`, { method: 'POST',
          headers: this.application.headers,
          body: { fieldId: this.field.id, fileName: file.name, contentType: file.type, size: file.size } });
        await put(upload, file, progress);
        status(this.announce, t('file.checking', { name: file.name }));
        const checked = await this.waitForCheck(upload.fileId);
        status(this.announce, t(`file.${checked?.status || 'pending'}Named`, { name: file.name }),
          { assertive: checked?.status === 'rejected' });
      } catch (error) {
        row.remove();
        status(this.announce, `${t('file.failed', { name: file.name })} ${error.message}`, { assertive: true });
      }
    }
    this.input.value = '';
    await this.onChange();
  }

  /** The server checks a file in a second or two: ask until it says ready or rejected. */
  async waitForCheck(fileId) {
    for (let attempt = 0; attempt < 60; attempt++) {
      const application = await api(`/applications/${this.application.id}`, { headers: this.application.headers });
      const file = application.files.find((candidate) => candidate.fileId === fileId);
      if (file && file.status !== 'pending') {
        this.render(application.files);
        return file;
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    return null;
  }

  async remove(file) {
    await api(`/applications/${this.application.id}/files/${file.fileId}`, { method: 'DELETE',
      headers: this.application.headers });
    status(this.announce, t('file.removed', { name: file.fileName }));
    await this.onChange();
    this.input.focus();
  }
}
