// What a juror reads when the API says no (403, 404): a plain sentence and a way back, not the broken-page fallback.
// Other failures are not refusals: they go on to the page's own error display.
import { ApiError } from '../api.js';
import { t } from '../i18n.js';
import { el } from '../dom.js';

/** The nodes saying why the API refused, or null when the error is not a refusal. */
export function refusal(error) {
  if (!(error instanceof ApiError) || ![403, 404].includes(error.status)) return null;
  const reason = error.status === 404 ? 'notFound' : error.code === 'recused' ? 'recused' : 'forbidden';
  return [
    el('p', { class: 'note refused', id: 'refused', role: 'alert' }, t(`console-jury.refused.${reason}`)),
    el('p', {}, el('a', { href: '/console/jury.html' }, t('console-jury.backToJuries'))),
  ];
}

/** Runs load(); a refusal becomes its nodes, anything else is thrown on. */
export async function orRefusal(load) {
  try {
    return { value: await load() };
  } catch (error) {
    const nodes = refusal(error);
    if (!nodes) throw error;
    return { refused: nodes };
  }
}
