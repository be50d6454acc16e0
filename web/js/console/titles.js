// How the console names an item: one rule for every console page, with no side effect on import.
import { lang } from '../i18n.js';

export const STATUSES = ['draft', 'scheduled', 'published', 'unpublished'];

/** An item's title in the reader's language, else English, else its original language, else any, else its slug. */
export function titleOf(item) {
  const texts = item.translations || {};
  return texts[lang]?.title || texts.en?.title || texts[item.originalLanguage]?.title
    || Object.values(texts).find((text) => text?.title)?.title || item.slug || item.id;
}
