/**
 * Makes an email's HTML body safe to show inside the agent's own session: DOMPurify with an
 * allow-list of formatting tags, plus the rules a mail client needs on top of it — remote
 * images held back (they are read receipts and tracking pixels), `cid:` images pointed at our
 * own attachment download, links opened in a new tab that cannot reach back into the app, and
 * inline styles kept only when they load nothing.
 */
import DOMPurify from 'dompurify';

/** An attachment of the message as far as inline images need it. */
export interface InlineAttachment {
  id: string;
  /** The MIME Content-ID without angle brackets, as the API gives it. */
  contentId: string | null;
}

export interface EmailHtmlOptions {
  attachments: readonly InlineAttachment[];
  /** The agent chose to load this message's remote images (it tells the sender it was read). */
  showRemoteImages: boolean;
}

export interface SanitisedEmail {
  html: string;
  /** Remote images that were replaced by the placeholder (0 when they are shown). */
  blockedImages: number;
  /** Attachments shown inline through `cid:`; the attachment list may leave them out. */
  inlineAttachmentIds: string[];
  /** True when nothing readable is left (e.g. the body was only a script): show the text instead. */
  empty: boolean;
}

// What mail clients render: text formatting, lists, tables, links and images. Everything that
// acts (forms, scripts, frames, media, SVG, <style> that would restyle the whole app) is left out.
const allowedTags = [
  'a', 'abbr', 'address', 'article', 'b', 'bdi', 'bdo', 'big', 'blockquote', 'br', 'caption', 'center', 'cite', 'code',
  'col', 'colgroup', 'dd', 'del', 'details', 'dfn', 'div', 'dl', 'dt', 'em', 'figcaption', 'figure', 'font', 'footer',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'i', 'img', 'ins', 'kbd', 'li', 'mark', 'ol', 'p', 'pre', 'q', 's',
  'samp', 'section', 'small', 'span', 'strike', 'strong', 'sub', 'summary', 'sup', 'table', 'tbody', 'td', 'tfoot', 'th',
  'thead', 'time', 'tr', 'tt', 'u', 'ul', 'var', 'wbr',
];

// No event handlers, ids, classes or names (they could hook into the app's own CSS and DOM).
const allowedAttributes = [
  'align', 'alt', 'bgcolor', 'border', 'cellpadding', 'cellspacing', 'cite', 'color', 'colspan', 'datetime', 'dir', 'face',
  'height', 'href', 'lang', 'reversed', 'rowspan', 'size', 'span', 'src', 'start', 'style', 'title', 'type', 'valign', 'width',
];

/** A neutral grey frame with a picture sign, standing in for an image that was not loaded. */
export const blockedImagePlaceholder =
  'data:image/svg+xml,' +
  encodeURIComponent(
    '<svg xmlns="http://www.w3.org/2000/svg" width="48" height="36" viewBox="0 0 48 36">' +
      '<rect x="0.5" y="0.5" width="47" height="35" rx="4" fill="#f1f3f5" stroke="#ced4da"/>' +
      '<path d="M14 25l7-8 5 6 3-3 5 5z" fill="#adb5bd"/><circle cx="30" cy="13" r="2.5" fill="#adb5bd"/></svg>',
  );

// CSS values that fetch something: url(), image-set() and friends, old IE expression().
const loadingCss = /url\s*\(|image-set|image\s*\(|cross-fade|element\s*\(|expression|src\s*\(/i;

const purify = DOMPurify();

// The hooks need the options of the call in progress; sanitize() is synchronous, so a variable
// set around it is enough, and one configured instance serves every message.
let current: { options: EmailHtmlOptions; blocked: number; inline: Set<string> } | null = null;

function attachmentFor(reference: string, attachments: readonly InlineAttachment[]): InlineAttachment | undefined {
  let cid = reference.slice(4).trim();
  try {
    cid = decodeURIComponent(cid); // RFC 2392: a cid: URL is URL-encoded
  } catch {
    // keep the raw text of a malformed escape
  }
  cid = cid.replace(/^<|>$/g, '');
  return (
    attachments.find((a) => a.contentId?.replace(/^<|>$/g, '') === cid) ??
    attachments.find((a) => a.contentId?.replace(/^<|>$/g, '').toLowerCase() === cid.toLowerCase())
  );
}

function rewriteImage(img: Element): void {
  if (!current) return;
  const src = img.getAttribute('src')?.trim() ?? '';
  if (/^cid:/i.test(src)) {
    const attachment = attachmentFor(src, current.options.attachments);
    if (attachment) {
      img.setAttribute('src', `/api/v1/attachments/${attachment.id}`);
      current.inline.add(attachment.id);
    } else img.removeAttribute('src');
    return;
  }
  if (/^data:image\//i.test(src) || src === '') return;
  const remote = /^https?:\/\//i.test(src) ? src : src.startsWith('//') ? `https:${src}` : null;
  if (!remote) {
    // A relative address would be a request to Rapport itself, with the agent's cookie.
    img.removeAttribute('src');
    return;
  }
  if (current.options.showRemoteImages) {
    img.setAttribute('src', remote);
    img.setAttribute('referrerpolicy', 'no-referrer');
    return;
  }
  // An image from elsewhere tells the sender the mail was opened (and by whom, from where).
  img.setAttribute('src', blockedImagePlaceholder);
  img.setAttribute('data-blocked', 'remote');
  current.blocked += 1;
}

function cleanStyle(element: HTMLElement): void {
  const style = element.style;
  // The browser's CSS parser has already resolved escapes (u\72l( is url( here), so checking
  // each parsed value is not fooled by the spelling tricks a text filter would miss.
  // Positioning is how a message would lay fake content over its own text; mail clients drop it too.
  style.removeProperty('position');
  for (const property of Array.from(style)) {
    if (!loadingCss.test(style.getPropertyValue(property))) continue;
    // Drop the whole declaration it came from: `background: url(…)` would otherwise leave its
    // other longhands behind as a row of `initial`s.
    const parts = property.split('-');
    for (let n = parts.length; n > 0; n--) style.removeProperty(parts.slice(0, n).join('-'));
  }
  if (style.length === 0) element.removeAttribute('style');
  else element.setAttribute('style', style.cssText);
}

purify.addHook('afterSanitizeAttributes', (node) => {
  if (!(node instanceof Element)) return;
  if (node.tagName === 'IMG') rewriteImage(node);
  if (node.tagName === 'A' && node.hasAttribute('href')) {
    node.setAttribute('target', '_blank');
    node.setAttribute('rel', 'noopener noreferrer');
  }
  if (node.hasAttribute('style') && 'style' in node) cleanStyle(node as HTMLElement);
});

function isEmpty(clean: string): boolean {
  // A <template> parses without loading images or running anything.
  const template = document.createElement('template');
  template.innerHTML = clean;
  return !template.content.querySelector('img') && (template.content.textContent ?? '').trim() === '';
}

/**
 * Sanitises one email body for display. Runs in the browser (DOMPurify needs a DOM); the result
 * is meant for `dangerouslySetInnerHTML` and contains nothing that runs or loads unasked.
 */
export function sanitiseEmailHtml(html: string, options: EmailHtmlOptions): SanitisedEmail {
  current = { options, blocked: 0, inline: new Set() };
  try {
    const clean = purify.sanitize(html, {
      ALLOWED_TAGS: allowedTags,
      ALLOWED_ATTR: allowedAttributes,
      ALLOW_DATA_ATTR: false,
      ALLOW_ARIA_ATTR: false,
      ADD_FORBID_CONTENTS: ['select', 'textarea'],
    });
    return { html: clean, blockedImages: current.blocked, inlineAttachmentIds: [...current.inline], empty: isEmpty(clean) };
  } finally {
    current = null;
  }
}
