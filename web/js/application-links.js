// "Lost the link to your application?": an artist who started on another device, or lost the link, asks for it by
// address. The answer is the same whether or not the address applied (the API says nothing more), so the page says
// only that a link is on its way if there is one.
import { ApiError, api } from './api.js';
import { t } from './i18n.js';
import { el } from './dom.js';
import { clearErrors, showErrors, status } from './forms.js';

/** The small form under the start of an application to the call `slug`. */
export function linkRequest(slug) {
  const email = el('input', { id: 'links-email', name: 'email', type: 'email', autocomplete: 'email', required: true,
    maxlength: 254 });
  const outcome = el('p', { id: 'links-status', class: 'save-status', role: 'status' });
  const form = el('form', { id: 'links', novalidate: true },
    el('p', {}, t('apply.links.lead')),
    el('div', { class: 'field' }, el('label', { for: 'links-email' }, t('apply.email')), email),
    el('div', { class: 'trap', 'aria-hidden': 'true' }, el('label', { for: 'links-nickname' }, 'Nickname'),
      el('input', { id: 'links-nickname', name: 'nickname', tabindex: '-1', autocomplete: 'off' })),
    el('button', { type: 'submit', class: 'secondary' }, t('apply.links.send')),
    outcome);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    if (!email.value.trim() || !email.validity.valid) {
      showErrors(form, [{ control: email, message: t('errors.email') }]);
      return;
    }
    try {
      await api(`/calls/${slug}/application-links`, { method: 'POST', body: { email: email.value.trim(),
        nickname: form.elements.nickname.value || undefined } });
      status(outcome, t('apply.links.sent', { email: email.value.trim() }));
    } catch (error) {
      if (!(error instanceof ApiError) || error.status >= 500) throw error;
      showErrors(form, [{ control: error.field === 'email' ? email : null, message: error.message }]);
    }
  });
  return el('details', { class: 'links', id: 'lost-link' },
    el('summary', {}, t('apply.links.title')), form);
}
