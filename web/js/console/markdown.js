// A preview of a Markdown body that the API has not rendered yet (a draft, or text not saved): the common CommonMark
// constructs (headings, paragraphs, lists, quotes, code, emphasis, links), built as DOM nodes, never as HTML text, so
// nothing typed can become markup. Readers get the API's own rendering (commonmark-java, raw HTML escaped, unsafe
// links dropped); once an item is published the editor shows that one instead (translations.js).
import { el } from '../dom.js';

const SAFE_LINK = /^(https?:|mailto:|\/|#|\.{0,2}\/|[^:]*$)/i;
const INLINE = /(`+)([\s\S]*?[^`])\1(?!`)|\*\*([\s\S]+?)\*\*|__([\s\S]+?)__|\*([^*\s][\s\S]*?)\*|_([^_\s][\s\S]*?)_|\[([^\]]+)\]\(([^)\s]+)\)/;

/** Inline Markdown as nodes: code spans, strong, emphasis, links (http(s), mailto and relative ones only). */
function inline(text) {
  const nodes = [];
  let rest = text;
  while (rest) {
    const match = INLINE.exec(rest);
    if (!match) {
      nodes.push(rest);
      break;
    }
    if (match.index) nodes.push(rest.slice(0, match.index));
    const [whole, , code, strong, strong2, em, em2, label, href] = match;
    if (code !== undefined) nodes.push(el('code', {}, code.trim()));
    else if (strong !== undefined || strong2 !== undefined) nodes.push(el('strong', {}, inline(strong ?? strong2)));
    else if (em !== undefined || em2 !== undefined) nodes.push(el('em', {}, inline(em ?? em2)));
    else nodes.push(SAFE_LINK.test(href) ? el('a', { href, rel: 'noopener' }, inline(label)) : label);
    rest = rest.slice(match.index + whole.length);
  }
  return nodes;
}

function paragraphText(lines) {
  return inline(lines.map((line) => line.trim()).join(' '));
}

/** The blocks of a Markdown text, as a list of nodes. */
export function renderMarkdown(source) {
  const lines = (source || '').replace(/\r\n?/g, '\n').split('\n');
  const blocks = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (!line.trim()) {
      i++;
    } else if (/^\s*(```|~~~)/.test(line)) {
      const fence = line.trim().slice(0, 3);
      const code = [];
      for (i++; i < lines.length && !lines[i].trim().startsWith(fence); i++) code.push(lines[i]);
      i++;
      blocks.push(el('pre', {}, el('code', {}, code.join('\n'))));
    } else if (/^\s{0,3}#{1,6}\s/.test(line)) {
      const [, hashes, text] = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
      blocks.push(el(`h${hashes.length}`, {}, inline(text)));
      i++;
    } else if (/^\s{0,3}([-*_])(\s*\1){2,}\s*$/.test(line)) {
      blocks.push(el('hr'));
      i++;
    } else if (/^\s{0,3}>/.test(line)) {
      const quoted = [];
      for (; i < lines.length && /^\s{0,3}>/.test(lines[i]); i++) quoted.push(lines[i].replace(/^\s{0,3}>\s?/, ''));
      blocks.push(el('blockquote', {}, renderMarkdown(quoted.join('\n'))));
    } else if (/^\s{0,3}([-*+]|\d{1,9}[.)])\s/.test(line)) {
      const ordered = /^\s{0,3}\d/.test(line);
      const items = [];
      for (; i < lines.length && lines[i].trim(); i++) {
        const start = /^\s{0,3}(?:[-*+]|\d{1,9}[.)])\s+(.*)$/.exec(lines[i]);
        if (start) items.push([start[1]]);
        else items[items.length - 1].push(lines[i]);
      }
      blocks.push(el(ordered ? 'ol' : 'ul', {}, items.map((item) => el('li', {}, paragraphText(item)))));
    } else {
      const paragraph = [];
      for (; i < lines.length && lines[i].trim() && !/^\s{0,3}(#{1,6}\s|>|```|~~~|[-*+]\s|\d{1,9}[.)]\s)/.test(lines[i]);
        i++) paragraph.push(lines[i]);
      if (!paragraph.length) paragraph.push(lines[i++]);
      blocks.push(el('p', {}, paragraphText(paragraph)));
    }
  }
  return blocks;
}
