// /calls/{slug}/apply: an artist's application, from a phone, the evening before the deadline. No account: the
// application's token is the key. It is kept in this browser's localStorage (keyed by application) so that the
// code link mailed to the address opens where the application was started; the link given at creation (and the
// one mailed to an address that applied already) carries the token itself, and opens it on any device.
import { ApiError, api } from './api.js';
import { formatDateTime, lang, t } from './i18n.js';
import { el, takeFragment, fill } from './dom.js';
import { clearErrors, showErrors, status } from './forms.js';
import { page, setTitle } from './layout.js';
import { controlId, problems, questionBlock, readAnswer, updateWordCount } from './questions.js';
import { FileQuestion } from './uploads.js';
import { TeamSection } from './team.js';
import { yourData } from './your-data.js';
import { linkRequest } from './application-links.js';

const SAVE_DELAY_MS = 1200;
const tokenKey = (id) => `application-token:${id}`;
const latestKey = (slug) => `application-for:${slug}`;

/** The deadline by the server's clock: the offset between the server's time and this device's is kept. */
function deadlineClock(form) {
  const skew = Date.parse(form.serverTime) - Date.now();
  const closes = Date.parse(form.closesAt);
  const text = el('span', { id: 'countdown' });
  const line = el('p', { class: 'deadline', id: 'deadline' },
    t('apply.deadline', { date: formatDateTime(form.closesAt, form.timeZone) }), ' ', text);
  const tick = () => {
    const left = closes - (Date.now() + skew);
    if (left <= 0) {
      text.textContent = t('apply.closed');
      line.classList.add('closed');
      document.dispatchEvent(new Event('call-closed'));
      return;
    }
    const days = Math.floor(left / 86400000);
    const hours = Math.floor((left % 86400000) / 3600000);
    const minutes = Math.floor((left % 3600000) / 60000);
    text.textContent = days > 0 ? t('apply.leftDays', { days, hours })
      : t('apply.leftHours', { hours, minutes, seconds: Math.floor((left % 60000) / 1000) });
    setTimeout(tick, days > 0 ? 60000 : 1000);
  };
  tick();
  return line;
}

function startForm(slug, form, onCreated) {
  const start = el('form', { id: 'start', novalidate: true },
    el('h2', {}, t('apply.startTitle')),
    el('p', {}, t('apply.startLead')),
    el('div', { class: 'field' }, el('label', { for: 'applicant-name' }, t('apply.name')),
      el('input', { id: 'applicant-name', name: 'name', autocomplete: 'name', required: true, maxlength: 200 })),
    el('div', { class: 'field' }, el('label', { for: 'applicant-email' }, t('apply.email')),
      el('input', { id: 'applicant-email', name: 'email', type: 'email', autocomplete: 'email', required: true })),
    el('div', { class: 'trap', 'aria-hidden': 'true' }, el('label', { for: 'nickname' }, 'Nickname'),
      el('input', { id: 'nickname', name: 'nickname', tabindex: '-1', autocomplete: 'off' })),
    el('button', { type: 'submit' }, t('apply.start')));
  start.addEventListener('submit', async (event) => {
    event.preventDefault();
    const name = start.elements.name;
    const email = start.elements.email;
    const errors = [];
    if (!name.value.trim()) errors.push({ control: name, message: t('errors.name') });
    if (!email.value.trim() || !email.validity.valid) errors.push({ control: email, message: t('errors.email') });
    if (errors.length) {
      showErrors(start, errors);
      return;
    }
    try {
      const created = await api(`/calls/${slug}/applications`, { method: 'POST', body: { name: name.value.trim(),
        email: email.value.trim(), language: lang, nickname: start.elements.nickname.value || undefined } });
      localStorage.setItem(tokenKey(created.applicationId), created.token);
      localStorage.setItem(latestKey(slug), created.applicationId);
      history.replaceState(null, '', `${location.pathname}?application=${created.applicationId}`);
      await onCreated(created.applicationId, created.accessUrl);
    } catch (error) {
      if (!(error instanceof ApiError) || error.status >= 500) throw error;
      const control = error.field === 'name' ? name : error.field === 'email' ? email : null;
      showErrors(start, [{ control, message: error.message }]);
    }
  });
  return start;
}

function receipt(application) {
  const r = application.receipt || {};
  return el('section', { id: 'receipt', 'aria-labelledby': 'receipt-title' },
    el('h2', { id: 'receipt-title', tabindex: '-1' }, t('apply.receiptTitle')),
    el('p', { class: 'receipt-number' }, t('apply.receiptNumber', { number: r.number || application.reference })),
    el('p', {}, t('apply.receiptWhen', { date: formatDateTime(r.submittedAt || application.submittedAt) })),
    el('p', {}, t(`apply.status.${application.status}`)),
    el('p', {}, t('apply.receiptEmail')));
}

class Application {
  constructor(slug, form, id, token, main) {
    Object.assign(this, { slug, form, id, main });
    this.headers = { 'X-Application-Token': token };
    this.dirty = new Set();
    this.saving = Promise.resolve();
  }

  async load() {
    this.data = await api(`/applications/${this.id}`, { headers: this.headers });
    return this.data;
  }

  draw(accessUrl, code) {
    const a = this.data;
    if (a.status !== 'draft') {
      this.main.append(receipt(a), this.yourData());
      return;
    }
    this.saveStatus = el('p', { class: 'save-status', id: 'save-status', role: 'status' });
    this.questions = el('form', { id: 'questions', novalidate: true }, el('h2', {}, t('apply.questions')));
    this.files = [];
    for (const field of this.form.fields) {
      if (field.type === 'file') {
        const question = new FileQuestion(field, this, () => this.refreshFiles());
        question.render(a.files);
        this.files.push(question);
        this.questions.append(question.block);
      } else {
        this.questions.append(questionBlock(field, a.answers[field.id]));
      }
    }
    if (this.form.maxTeamMembers > 0) {
      this.team = new TeamSection(this.form.maxTeamMembers, a.team, () => this.teamChanged());
      this.questions.append(this.team.block);
    }
    this.submitButton = el('button', { type: 'submit' }, t('apply.submit'));
    this.questions.append(this.saveStatus, el('p', { class: 'hint' }, t('apply.autosave')), this.submitButton);
    this.questions.addEventListener('input', (event) => this.changed(event));
    this.questions.addEventListener('change', (event) => this.changed(event));
    this.questions.addEventListener('submit', (event) => {
      event.preventDefault();
      this.submit();
    });
    document.addEventListener('call-closed', () => { this.submitButton.disabled = true; });
    addEventListener('pagehide', () => this.save());
    document.addEventListener('visibilitychange', () => document.visibilityState === 'hidden' && this.save());
    this.main.append(this.verification(code), accessUrl ? this.otherDevice(accessUrl) : '', this.questions,
      this.yourData());
  }

  yourData() {
    return yourData(this.data, this.headers, {
      onWithdrawn: async () => {
        await this.load();
        this.main.querySelectorAll('#receipt, #your-data').forEach((node) => node.remove());
        this.main.append(receipt(this.data), this.yourData());
        document.getElementById('receipt-title').focus();
      },
      // Saving stops while the erasure runs: a pending save would change the application and win against it.
      beforeErase: async () => {
        this.erased = true;
        clearTimeout(this.timer);
        await this.saving.catch(() => {});
      },
      onEraseFailed: () => { this.erased = false; },
      onErased: () => {
        localStorage.removeItem(tokenKey(this.id));
        if (localStorage.getItem(latestKey(this.slug)) === this.id) localStorage.removeItem(latestKey(this.slug));
        this.main.querySelectorAll('#verification, #questions, #receipt, #your-data, .note')
          .forEach((node) => node.remove());
        const done = el('p', { id: 'erased', role: 'status', tabindex: '-1' }, t('apply.data.erased'), ' ',
          el('a', { href: location.pathname }, t('apply.data.startAgain')));
        this.main.append(done);
        done.focus();
      } });
  }

  otherDevice(accessUrl) {
    return el('section', { class: 'note', 'aria-labelledby': 'other-device' },
      el('h2', { id: 'other-device' }, t('apply.otherDeviceTitle')),
      el('p', {}, t('apply.otherDevice')),
      el('p', {}, el('a', { href: accessUrl, id: 'access-link' }, t('apply.accessLink'))));
  }

  verification(code) {
    const box = el('section', { id: 'verification', 'aria-labelledby': 'verification-title' });
    if (this.data.emailVerified) {
      box.append(el('p', { class: 'verified', id: 'verification-title' }, t('apply.verified', { email: this.data.email })));
      return box;
    }
    const input = el('input', { id: 'code', name: 'code', autocomplete: 'one-time-code', value: code || '',
      'aria-describedby': 'code-hint', autocapitalize: 'characters', spellcheck: 'false' });
    const outcome = el('p', { id: 'code-status' });
    const verifyForm = el('form', { novalidate: true },
      el('div', { class: 'field' }, el('label', { for: 'code' }, t('apply.code')),
        el('p', { class: 'hint', id: 'code-hint' }, t('apply.codeHint', { email: this.data.email })), input),
      el('button', { type: 'submit' }, t('apply.verify')), ' ',
      el('button', { type: 'button', class: 'secondary', onclick: async () => {
        await api(`/applications/${this.id}/verification`, { method: 'POST', headers: this.headers });
        status(outcome, t('apply.codeSent'));
      } }, t('apply.newCode')), outcome);
    const verify = async () => {
      try {
        this.data = await api(`/applications/${this.id}/verify`, { method: 'POST', headers: this.headers,
          body: { code: input.value.trim() } });
        box.replaceChildren(el('p', { class: 'verified', id: 'verification-title', tabindex: '-1' },
          t('apply.verified', { email: this.data.email })));
        box.firstChild.focus();
      } catch (error) {
        if (!(error instanceof ApiError) || error.status !== 400) throw error;
        showErrors(verifyForm, [{ control: input, message: error.message }]);
      }
    };
    verifyForm.addEventListener('submit', (event) => {
      event.preventDefault();
      verify();
    });
    box.append(el('h2', { id: 'verification-title', tabindex: '-1' }, t('apply.verifyTitle')), verifyForm);
    if (code) queueMicrotask(verify);
    return box;
  }

  teamChanged() {
    this.teamDirty = true;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.save(), SAVE_DELAY_MS);
  }

  changed(event) {
    if (this.team?.changed(event)) return;
    const id = event.target.dataset?.question;
    if (!id) return;
    const field = this.form.fields.find((candidate) => candidate.id === id);
    if (field.type === 'long-text') updateWordCount(field, event.target);
    this.dirty.add(id);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.save(), SAVE_DELAY_MS);
  }

  /** Saves what changed since the last save; an answer the browser already knows is malformed waits. */
  save() {
    clearTimeout(this.timer);
    if (this.erased) return this.saving;
    this.saving = this.saving.then(async () => {
      const answers = {};
      for (const id of this.dirty) {
        const field = this.form.fields.find((candidate) => candidate.id === id);
        const control = document.getElementById(controlId(field));
        if (control && control.validity && !control.validity.valid && control.value) continue;
        answers[id] = readAnswer(this.questions, field);
      }
      const team = this.teamDirty && !this.team.problems().length ? this.team.read() : undefined;
      if (!Object.keys(answers).length && !team) return;
      Object.keys(answers).forEach((id) => this.dirty.delete(id));
      if (team) this.teamDirty = false;
      try {
        status(this.saveStatus, t('apply.saving'));
        this.data = await api(`/applications/${this.id}`, { method: 'PUT', headers: this.headers,
          body: { answers, team } });
        status(this.saveStatus, t('apply.saved', { time: new Intl.DateTimeFormat(lang, { timeStyle: 'short' })
          .format(new Date()) }));
      } catch (error) {
        Object.keys(answers).forEach((id) => this.dirty.add(id));
        if (team) this.teamDirty = true;
        status(this.saveStatus, t('apply.notSaved', { reason: error.message }), { assertive: true });
      }
    });
    return this.saving;
  }

  async refreshFiles() {
    await this.load();
    this.files.forEach((question) => question.render(this.data.files));
  }

  fileProblems() {
    const found = [];
    for (const question of this.files) {
      const files = question.files || [];
      if (files.some((file) => file.status === 'pending')) {
        found.push({ control: question.input, message: t('errors.filePending', { label: question.field.label }) });
      } else if (files.some((file) => file.status === 'rejected')) {
        found.push({ control: question.input, message: t('errors.fileRejected', { label: question.field.label }) });
      } else if (question.field.required && !files.some((file) => file.status === 'ready')) {
        found.push({ control: question.input, message: t('errors.required', { label: question.field.label }) });
      }
    }
    return found;
  }

  async submit() {
    await this.save();
    const errors = [...problems(this.questions, this.form.fields), ...(this.team?.problems() || []),
      ...this.fileProblems()];
    if (!this.data.emailVerified) {
      errors.unshift({ control: document.getElementById('code'), message: t('errors.notVerified') });
    }
    if (errors.length) {
      showErrors(this.questions, errors);
      return;
    }
    clearErrors(this.questions);
    this.submitButton.disabled = true;
    try {
      await api(`/applications/${this.id}/submit`, { method: 'POST', headers: this.headers });
      await this.load();
      this.main.querySelectorAll('#verification, #questions, #your-data, .note').forEach((node) => node.remove());
      this.main.append(receipt(this.data), this.yourData());
      document.getElementById('receipt-title').focus();
    } catch (error) {
      this.submitButton.disabled = false;
      if (!(error instanceof ApiError) || error.status >= 500) throw error;
      const id = (error.field || '').replace(/^answers\./, '');
      const field = this.form.fields.find((candidate) => candidate.id === id);
      const control = field ? document.getElementById(controlId(field)) : error.code === 'email_not_verified'
        ? document.getElementById('code') : this.team?.controlFor(error.field) || null;
      showErrors(this.questions, [{ control, message: error.message }]);
    }
  }
}

page(async (main) => {
  const slug = location.pathname.split('/')[2];
  const fragment = takeFragment();
  const form = await api(`/calls/${encodeURIComponent(slug)}/form?lang=${lang}`);
  setTitle(t('apply.title', { title: form.call.title }));
  fill(main, 
    el('p', { class: 'kind' }, el('a', { href: `/calls/${slug}` }, form.call.title)),
    el('h1', {}, t('apply.heading')),
    form.eligibility ? el('p', { class: 'lead' }, form.eligibility) : null,
    deadlineClock(form));
  const params = new URLSearchParams(location.search);
  let id = params.get('application');
  if (id && fragment.get('token')) localStorage.setItem(tokenKey(id), fragment.get('token'));
  if (!id && localStorage.getItem(latestKey(slug))) id = localStorage.getItem(latestKey(slug));
  const token = id && localStorage.getItem(tokenKey(id));

  const open = async (applicationId, accessUrl, code) => {
    main.querySelectorAll('#start, #lost-link').forEach((node) => node.remove());
    const application = new Application(slug, form, applicationId, localStorage.getItem(tokenKey(applicationId)), main);
    await application.load();
    application.draw(accessUrl, code);
    main.querySelector('#verification h2, #verification p, #receipt-title')?.focus?.();
  };

  if (id && token) {
    try {
      await open(id, null, fragment.get('code'));
      return;
    } catch (error) {
      if (error.status !== 404) throw error;
      localStorage.removeItem(tokenKey(id));
      main.append(el('p', { role: 'alert' }, t('apply.linkExpired')));
    }
  } else if (id) {
    main.append(el('p', { role: 'alert', class: 'note' }, t('apply.otherDeviceCode')));
  }
  if (form.status !== 'open') {
    main.append(el('p', { role: 'status' }, t(`apply.callIs.${form.status}`)));
    // After the deadline an artist may still want their receipt, and later the decision.
    if (form.status === 'closed') main.append(linkRequest(slug));
    return;
  }
  main.append(startForm(slug, form, (applicationId, accessUrl) => open(applicationId, accessUrl)), linkRequest(slug));
});
