// Form plumbing shared by the newsletter and the application: errors said next to their field, listed in a
// summary that is announced, and focus moved to the first of them (WCAG 3.3.1, 3.3.3).
import { t } from './i18n.js';
import { el } from './dom.js';

export function clearErrors(form) {
  form.querySelectorAll('.error-text').forEach((node) => node.remove());
  form.querySelectorAll('[aria-invalid]').forEach((node) => node.removeAttribute('aria-invalid'));
  form.querySelectorAll('[data-error-for]').forEach((node) => {
    node.setAttribute('aria-describedby', node.dataset.describedby || '');
    if (!node.dataset.describedby) node.removeAttribute('aria-describedby');
  });
  const summary = form.querySelector('.error-summary');
  if (summary) summary.replaceChildren();
}

/**
 * Shows errors: [{control, message}] where control is the element to focus (an input, or the first of a group).
 * The summary is a live region placed at the form's top; the first faulty control gets the focus.
 */
export function showErrors(form, errors) {
  clearErrors(form);
  let summary = form.querySelector('.error-summary');
  if (!summary) {
    summary = el('div', { class: 'error-summary', role: 'alert', tabindex: '-1' });
    form.prepend(summary);
  }
  if (!errors.length) return;
  summary.append(el('h2', {}, t('errors.title', { count: errors.length })),
    el('ul', {}, errors.map(({ control, message }) => el('li', {},
      control?.id ? el('a', { href: `#${control.id}` }, message) : message))));
  for (const { control, message } of errors) {
    if (!control) continue;
    const id = `${control.id || control.name}-error`;
    const text = el('p', { class: 'error-text', id }, message);
    const container = control.closest('.field, fieldset') || control.parentElement;
    container.append(text);
    control.setAttribute('aria-invalid', 'true');
    if (control.dataset.describedby === undefined) {
      control.dataset.describedby = control.getAttribute('aria-describedby') || '';
    }
    control.dataset.errorFor = 'true';
    control.setAttribute('aria-describedby', `${control.dataset.describedby} ${id}`.trim());
  }
  const first = errors.find((error) => error.control)?.control;
  (first || summary).focus();
}

/** A live region for progress and outcomes ("Saved", "Sent"), polite unless told otherwise. */
export function status(node, message, { assertive = false } = {}) {
  node.setAttribute('aria-live', assertive ? 'assertive' : 'polite');
  node.textContent = message;
}
