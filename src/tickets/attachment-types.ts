/**
 * What a file really is, decided from its bytes (file-type reads the magic numbers), never from
 * the name or Content-Type a sender claims: an "invoice.pdf" that is an HTML page, served back
 * as text/html from our origin, would run script in an agent's session. Uploads are held to an
 * allow-list of passive types (refused otherwise); files that arrived by email or a messaging
 * channel are kept whatever they are (a message is never lost) but served as downloads, with
 * anything active relabelled application/octet-stream. Only plain raster images are shown inline.
 */
import { fileTypeFromBuffer } from 'file-type';

/** Shown in the page (`<img>`, opened in a tab): raster images, which run nothing. */
const inlineTypes = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);

/** Types recognised from their bytes that we accept and serve as themselves. */
const sniffedTypes = new Set([
  ...inlineTypes,
  'image/heic', 'image/heif', // phone photos: downloaded, not shown
  'application/pdf', 'application/rtf', 'application/zip',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.oasis.opendocument.text', 'application/vnd.oasis.opendocument.spreadsheet', 'application/vnd.oasis.opendocument.presentation',
  'audio/mpeg', 'audio/mp4', 'audio/x-m4a', 'audio/aac', 'audio/wav', 'audio/ogg', 'audio/ogg; codecs=opus', 'audio/flac', 'audio/amr', 'audio/webm',
  'video/mp4', 'video/quicktime', 'video/webm', 'video/mpeg', 'video/3gpp', 'video/ogg', 'video/vnd.avi', 'video/matroska', 'video/x-m4v',
]);

/** Old Office files are all one container (CFB) to a sniffer, like .msi installers: trusted only with these declared types. */
const legacyOfficeTypes = new Set(['application/msword', 'application/vnd.ms-excel', 'application/vnd.ms-powerpoint', 'application/vnd.ms-outlook']);
/** Office Open XML files are zip archives; file-type names them when it finds their parts, else says zip. */
const zipOfficeTypes = new Set([...sniffedTypes].filter((t) => t.includes('openxmlformats') || t.includes('opendocument')));

/** Text formats (no magic number to sniff) we accept when the bytes are text. */
const textTypes = new Set(['text/plain', 'text/csv', 'message/rfc822']);

/** Never accepted as an upload, whatever the bytes: they run when opened. */
const blockedExtensions = new Set([
  'html', 'htm', 'xhtml', 'shtml', 'mht', 'mhtml', 'svg', 'svgz', 'xml', 'xsl', 'js', 'mjs', 'cjs', 'jse', 'vbs', 'vbe', 'wsf', 'wsh', 'hta',
  'exe', 'dll', 'com', 'scr', 'pif', 'cpl', 'msi', 'msp', 'msc', 'bat', 'cmd', 'ps1', 'psm1', 'sh', 'bash', 'command', 'app', 'dmg', 'pkg',
  'deb', 'rpm', 'apk', 'jar', 'jnlp', 'lnk', 'url', 'reg', 'iso', 'img', 'vhd', 'chm', 'swf', 'docm', 'xlsm', 'pptm', 'dotm', 'xltm',
]);
/** Declared types that are active content, refused whatever the bytes say. */
const activeTypes = /^(text\/html|application\/xhtml\+xml|image\/svg\+xml|text\/xml|application\/xml|[a-z]+\/(x-)?(java|ecma)script|application\/x-(msdownload|msi|sh|bat|executable|elf)|application\/vnd\.microsoft\.portable-executable)$/;

/** Text that a browser would take for a page or a drawing if it ever rendered it. */
const MARKUP = /^\s*<(!--|(\?xml|!doctype|html|head|body|svg|script|iframe|object|embed|meta|link|style|math|xsl)\b)/i;

const baseType = (contentType: string) => contentType.split(';')[0].trim().toLowerCase();
const extensionOf = (filename: string) => /\.([a-z0-9]{1,10})$/i.exec(filename.trim())?.[1]?.toLowerCase() ?? '';

/** Bytes that read as text: no NUL in the first 64 kB (binary files have them; UTF-8 and 8-bit text do not). */
function looksLikeText(content: Buffer): boolean {
  return !content.subarray(0, 65_536).includes(0);
}

function looksLikeMarkup(content: Buffer): boolean {
  return MARKUP.test(content.subarray(0, 1024).toString('latin1').replace(/^\uFEFF|^\xEF\xBB\xBF/, ''));
}

function textTypeFor(declared: string, extension: string): string {
  if (textTypes.has(declared)) return declared;
  if (extension === 'csv') return 'text/csv';
  if (extension === 'eml') return 'message/rfc822';
  return 'text/plain';
}

export type UploadVerdict = { ok: true; contentType: string } | { ok: false; reason: string };

/**
 * Whether a file someone uploads through the API may be stored, and as what type: the type its
 * bytes show (the declared one only refines a container: .doc vs .msi, .docx vs .zip). Refuses
 * executables, HTML, SVG, XML and scripts — from customers and staff alike: no help-desk task
 * needs them served from our origin, and a zip carries them when someone must send one.
 */
export async function checkUpload(file: { filename: string; contentType: string; content: Buffer }): Promise<UploadVerdict> {
  const declared = baseType(file.contentType);
  const extension = extensionOf(file.filename);
  if (file.content.length === 0) return { ok: false, reason: 'The file is empty.' };
  if (blockedExtensions.has(extension)) return { ok: false, reason: `.${extension} files are not accepted (they can run code when opened); send them in a zip archive if you must.` };

  const sniffed = await fileTypeFromBuffer(file.content);
  if (sniffed) {
    if (sniffed.mime === 'application/x-cfb' && legacyOfficeTypes.has(declared)) return { ok: true, contentType: declared };
    if (sniffed.mime === 'application/zip' && zipOfficeTypes.has(declared)) return { ok: true, contentType: declared };
    if (sniffedTypes.has(sniffed.mime)) return { ok: true, contentType: sniffed.mime };
    return { ok: false, reason: `Files of type ${sniffed.mime} (.${sniffed.ext}) are not accepted.` };
  }
  // Past here the bytes are not a known binary format: the claim of active content is believed.
  if (activeTypes.test(declared)) return { ok: false, reason: `${declared} files are not accepted (active content).` };
  if (!looksLikeText(file.content)) return { ok: false, reason: 'The file type could not be recognised, so it is not accepted.' };
  if (looksLikeMarkup(file.content)) return { ok: false, reason: 'The file contains HTML, SVG or XML markup, which is not accepted.' };
  if (declared && sniffedTypes.has(declared)) return { ok: false, reason: `The file's content is not ${declared}.` };
  return { ok: true, contentType: textTypeFor(declared, extension) };
}

export interface Serving {
  contentType: string;
  /** Shown in the page rather than downloaded. */
  inline: boolean;
}

/**
 * How a stored file is served: the type its bytes show when that is on the allow-list, a kept
 * text type for text, and application/octet-stream for everything else (an HTML page or an
 * executable that came by email is downloaded, never rendered). Only raster images are inline.
 */
export async function servingOf(file: { contentType: string; content: Buffer }): Promise<Serving> {
  const stored = baseType(file.contentType);
  const sniffed = await fileTypeFromBuffer(file.content);
  if (sniffed) {
    if (sniffed.mime === 'application/x-cfb' && legacyOfficeTypes.has(stored)) return { contentType: stored, inline: false };
    if (sniffed.mime === 'application/zip' && zipOfficeTypes.has(stored)) return { contentType: stored, inline: false };
    if (sniffedTypes.has(sniffed.mime)) return { contentType: sniffed.mime, inline: inlineTypes.has(sniffed.mime) };
    return { contentType: 'application/octet-stream', inline: false };
  }
  if (textTypes.has(stored) && looksLikeText(file.content)) return { contentType: stored, inline: false };
  return { contentType: 'application/octet-stream', inline: false };
}

/**
 * A Content-Disposition header for a stored name: an ASCII fallback plus the exact UTF-8 name
 * (RFC 6266/5987), neither able to break out of the header (quotes, CR/LF, `;` are encoded).
 */
export function contentDisposition(inline: boolean, filename: string): string {
  const fallback = filename.replace(/[^\x20-\x7e]|["\\%;]/g, '_').trim() || 'attachment';
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${inline ? 'inline' : 'attachment'}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
