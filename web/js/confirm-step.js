// The one confirmation step, before what cannot be undone (in the console: deleting an item, removing a question,
// recusing oneself, sending decisions; on an application: withdrawing or deleting it): a modal <dialog>, which keeps
// the focus inside it, closes with Escape (a "no"), starts on the safe answer and gives the focus back to the button
// that opened it. The cancel label is the console's unless a page gives its own.
import { t } from './i18n.js';
import { el } from './dom.js';

let count = 0;

/** Resolves to true when the person confirms, false when they cancel or press Escape. */
export function confirmStep({ title, text, confirm, cancel = t('console.cancel'), danger = false }) {
  const id = `confirm-${++count}`;
  const opener = document.activeElement;
  const dialog = el('dialog', { class: 'confirm-step', 'aria-labelledby': `${id}-title`,
    'aria-describedby': text ? `${id}-text` : undefined },
  el('form', { method: 'dialog' },
    el('h2', { id: `${id}-title` }, title),
    text ? el('p', { id: `${id}-text` }, text) : null,
    el('div', { class: 'actions' },
      el('button', { type: 'submit', value: 'yes', class: danger ? 'confirm danger' : 'confirm' }, confirm),
      el('button', { type: 'submit', value: 'no', class: 'secondary', autofocus: true }, cancel))));
  document.body.append(dialog);
  return new Promise((resolve) => {
    dialog.addEventListener('close', () => {
      dialog.remove();
      if (dialog.returnValue !== 'yes' && opener?.isConnected) opener.focus();
      resolve(dialog.returnValue === 'yes');
    });
    dialog.showModal();
  });
}
