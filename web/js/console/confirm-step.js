// A confirmation step before what cannot be undone (sending decisions, recusing oneself): a modal <dialog>, which
// keeps the focus inside it, closes with Escape (a "no") and gives the focus back to the button that opened it.
import { t } from '../i18n.js';
import { el } from '../dom.js';

let count = 0;

/** Resolves to true when the person confirms, false when they cancel or press Escape. */
export function confirmStep({ title, text, confirm, cancel = t('console-jury.cancel') }) {
  const id = `confirm-${++count}`;
  const opener = document.activeElement;
  const dialog = el('dialog', { class: 'confirm-step', 'aria-labelledby': `${id}-title`,
    'aria-describedby': `${id}-text` },
  el('form', { method: 'dialog' },
    el('h2', { id: `${id}-title` }, title),
    el('p', { id: `${id}-text` }, text),
    el('div', { class: 'actions' },
      el('button', { type: 'submit', value: 'yes', class: 'confirm' }, confirm),
      el('button', { type: 'submit', value: 'no', class: 'secondary', autofocus: true }, cancel))));
  document.body.append(dialog);
  return new Promise((resolve) => {
    dialog.addEventListener('close', () => {
      dialog.remove();
      opener?.focus?.();
      resolve(dialog.returnValue === 'yes');
    });
    dialog.showModal();
  });
}
