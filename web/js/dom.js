// Building the page: text always goes in as text. The one way HTML from the API goes in is setSanitizedHtml,
// for the fields the API sanitises itself (bodyHtml).
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'class') node.className = value;
    else if (name === 'text') node.textContent = value;
    else if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** bodyHtml from the API: Markdown the API rendered and sanitised (docs/API.md); nothing else comes here. */
export function setSanitizedHtml(node, bodyHtml) {
  node.innerHTML = bodyHtml;
}

export function clear(node) {
  node.replaceChildren();
  return node;
}

/** A responsive image from the API's image object: renditions as a srcset, alt text as given. */
export function picture(image, { sizes = '100vw', eager = false } = {}) {
  const renditions = [...(image.renditions || [])].sort((a, b) => a.width - b.width);
  const largest = renditions[renditions.length - 1];
  return el('img', {
    src: image.url || largest?.url,
    srcset: renditions.length ? renditions.map((r) => `${r.url} ${r.width}w`).join(', ') : undefined,
    sizes: renditions.length ? sizes : undefined,
    width: largest?.width,
    height: largest?.height,
    alt: image.alt || '',
    loading: eager ? 'eager' : 'lazy',
    fetchpriority: eager ? 'high' : undefined,
    decoding: 'async',
  });
}

/** Secrets in links travel in the fragment (#token=...): read them, then take them out of the address bar. */
export function takeFragment() {
  const values = new URLSearchParams(location.hash.slice(1));
  if (location.hash) history.replaceState(null, '', location.pathname + location.search);
  return values;
}

/** Replaces a node's children, leaving out the absent ones (null, undefined, false) that conditions produce. */
export function fill(node, ...children) {
  node.replaceChildren(...children.flat().filter((child) => child !== null && child !== undefined && child !== false));
}
