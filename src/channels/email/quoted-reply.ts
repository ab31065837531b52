/**
 * Separates what the customer just wrote from the quoted history their mail program appended.
 * The timeline shows the new part (the old part is already on the ticket, as earlier messages);
 * the quoted part is kept alongside so nothing is lost and an agent can still expand it.
 *
 * Recognised: `>` quoting (top- and bottom-posted), attribution lines in several languages
 * ("On … wrote:", "Am … schrieb …:", "W dniu … pisze:", "Le … a écrit :", "בתאריך … כתב:",
 * "2026年1月3日 … :"), "Original Message" separators and Outlook's From:/Sent: header blocks in
 * several languages. Inline answers between quoted lines are kept whole: cutting them would
 * lose the customer's words.
 */

export interface SplitReply {
  /** The newly written part. Never empty when the input had text: falls back to the whole. */
  visible: string;
  /** The quoted history, or '' when none was found. */
  quoted: string;
}

const BIDI = /[\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

const ATTRIBUTION: RegExp[] = [
  /^on\s.{0,300}\swrote\s*:$/i, // en
  /^am\s.{0,300}\sschrieb\s.{0,200}:$/i, // de ("Am 3.1.2026 um 10:00 schrieb Jan <j@x>:")
  /^am\s.{0,300}\sschrieb\s*:$/i,
  /^w dniu\s.{0,300}\s(pisze|napisał\(a\)|napisał|napisała)\s*:$/i, // pl
  /^le\s.{0,300}\sa écrit\s*:$/i, // fr
  /^el\s.{0,300}\sescribió\s*:$/i, // es
  /^em\s.{0,300}\sescreveu\s*:$/i, // pt
  /^il\s.{0,300}\sha scritto\s*:$/i, // it
  /^op\s.{0,300}\s(schreef|geschreven)\s.{0,200}:$/i, // nl
  /^op\s.{0,300}\s(schreef|geschreven)\s*:$/i,
  /^den\s.{0,300}\sskrev\s.{0,200}:$/i, // sv, da, no
  /^.{0,300}\skirjoitti\s*:$/i, // fi
  /^בתאריך\s.{0,300}[:：]$/u, // he: "בתאריך … כתב/ה:" and Gmail's "בתאריך … מאת …:"
  /^.{0,300}\s(כתב|כתבה|כתב\/ה)\s*:$/u,
  /^\d{4}年\d{1,2}月\d{1,2}日.{0,300}[:：]$/u, // ja, zh: Gmail's "2026年1月3日(土) 10:00 Name <a@b>:"
  /^.{0,300}書きました[:：]$/u,
  /^在.{0,300}写道[:：]$/u, // zh-Hans
  /^.{0,300}寫道[:：]$/u, // zh-Hant
];

const SEPARATOR =
  /^-{2,}\s*(original message|ursprüngliche nachricht|originalnachricht|wiadomość oryginalna|oryginalna wiadomość|message d'origine|mensaje original|mensagem original|messaggio originale|oorspronkelijk bericht|originalmeddelande|opprinnelig melding|alkuperäinen viesti|הודעה מקורית|元のメッセージ|原始邮件|原始郵件)\s*-{2,}$/i;

const HEADER_FROM = /^\*?(from|von|od|de|da|van|från|fra|lähettäjä|מאת|差出人|发件人|寄件者)\*?\s*[:：]\s*\S/iu;
const HEADER_OTHER =
  /^\*?(sent|date|gesendet|datum|wysłano|data|envoyé|enviado|enviada|inviato|verzonden|skickat|sendt|lähetetty|נשלח|תאריך|送信日時|日付|发送时间|發送時間|to|an|do|à|para|a|aan|till|til|vastaanottaja|אל|宛先|收件人|subject|betreff|temat|objet|asunto|assunto|oggetto|onderwerp|ämne|emne|aihe|נושא|件名|主题|主旨|cc|dw|kopie)\*?\s*[:：]/iu;

const FORWARD_MARKER = /^-{2,}\s*(forwarded message|weitergeleitete nachricht|wiadomość przekazana|message transféré|mensaje reenviado|הודעה שהועברה|転送されたメッセージ|转发的邮件)/i;

function clean(line: string): string {
  return line.replace(BIDI, '').trim();
}

function isQuoted(line: string): boolean {
  return /^\s*>/.test(line);
}

function isBlank(line: string): boolean {
  return clean(line) === '';
}

function isAttribution(line: string): boolean {
  const l = clean(line);
  return l.length > 0 && ATTRIBUTION.some((re) => re.test(l));
}

/** Attribution lines wrap at ~78 columns: test a line alone and joined with the next one. */
function attributionSpan(lines: string[], i: number): number {
  if (isAttribution(lines[i])) return 1;
  if (i + 1 < lines.length && !isBlank(lines[i + 1]) && isAttribution(`${clean(lines[i])} ${clean(lines[i + 1])}`)) return 2;
  return 0;
}

function isHeaderBlock(lines: string[], i: number): boolean {
  if (!HEADER_FROM.test(clean(lines[i]))) return false;
  let others = 0;
  for (let j = i + 1; j < Math.min(lines.length, i + 7); j++) {
    if (HEADER_OTHER.test(clean(lines[j]))) others++;
  }
  return others >= 2;
}

/** Index of the first line where quoted history starts, or -1. */
function findMarker(lines: string[]): number {
  for (let i = 0; i < lines.length; i++) {
    const l = clean(lines[i]);
    if (FORWARD_MARKER.test(l)) return -1; // what follows is forwarded content, not history
    if (SEPARATOR.test(l)) return i;
    if (attributionSpan(lines, i) > 0) return i;
    if (isHeaderBlock(lines, i)) {
      // Outlook draws a rule of underscores above the block; it belongs to the quote.
      let start = i;
      while (start > 0 && (isBlank(lines[start - 1]) || /^[_\-=]{5,}$/.test(clean(lines[start - 1])))) start--;
      return start;
    }
  }
  return -1;
}

function trimLines(lines: string[]): string {
  let a = 0;
  let b = lines.length;
  while (a < b && isBlank(lines[a])) a++;
  while (b > a && isBlank(lines[b - 1])) b--;
  return lines
    .slice(a, b)
    .map((l) => l.replace(/\s+$/, ''))
    .join('\n');
}

/**
 * Splits a plain-text body into the new part and the quoted history. When in doubt it keeps
 * text visible: hiding a customer's words is worse than showing an old quote twice.
 */
export function splitQuotedReply(text: string): SplitReply {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  let visible = lines;
  let quoted: string[] = [];

  const marker = findMarker(lines);
  if (marker >= 0) {
    visible = lines.slice(0, marker);
    quoted = lines.slice(marker);
  }

  // Trailing `>` block (top-posting without an attribution line we know).
  let end = visible.length;
  while (end > 0 && (isQuoted(visible[end - 1]) || isBlank(visible[end - 1]))) end--;
  if (visible.slice(end).some(isQuoted)) {
    // The attribution line just above the block, in a language we do not know, ends with ':'.
    if (end > 0 && /[:：]$/.test(clean(visible[end - 1])) && clean(visible[end - 1]).length < 300) {
      const above = end - 1;
      if (above === 0 || isBlank(visible[above - 1])) end = above;
    }
    quoted = [...visible.slice(end), ...quoted];
    visible = visible.slice(0, end);
  }

  // Bottom-posting: attribution and quote first, the answer below, no quote after the answer.
  if (trimLines(visible) === '' && quoted.length > 0) {
    let i = 0;
    while (i < quoted.length && isBlank(quoted[i])) i++;
    i += Math.max(attributionSpan(quoted, i), 0);
    const quoteStart = i;
    while (i < quoted.length && (isQuoted(quoted[i]) || isBlank(quoted[i]))) i++;
    const rest = quoted.slice(i);
    if (i > quoteStart && rest.length > 0 && !rest.some(isQuoted) && trimLines(rest) !== '') {
      return { visible: trimLines(rest), quoted: trimLines(quoted.slice(0, i)) };
    }
  }

  if (trimLines(visible) === '') return { visible: trimLines(lines), quoted: '' };
  return { visible: trimLines(visible), quoted: trimLines(quoted) };
}

/** Where the mail programs we know start the quoted part of an HTML body. */
const HTML_MARKERS: RegExp[] = [
  /<div[^>]*\bclass\s*=\s*["']?[^"'>]*\bgmail_quote\b/i,
  /<blockquote[^>]*\bclass\s*=\s*["']?[^"'>]*\bgmail_quote\b/i,
  /<div[^>]*\bclass\s*=\s*["']?[^"'>]*\bmoz-cite-prefix\b/i,
  /<blockquote[^>]*\btype\s*=\s*["']?cite\b/i,
  /<div[^>]*\bid\s*=\s*["']?(appendonsend|divRplyFwdMsg|mail-editor-reference-message-container)\b/i,
  /<hr[^>]*\bid\s*=\s*["']?stopSpelling\b/i,
  /<div[^>]*\bclass\s*=\s*["']?[^"'>]*\byahoo_quoted\b/i,
  /<div[^>]*\bstyle\s*=\s*["'][^"']*border-top:\s*solid\s+#(E1E1E1|B5C4DF)/i,
];

function htmlHasText(html: string): boolean {
  const text = html
    .replace(/<(style|script|head)[\s\S]*?<\/\1>/gi, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;|&#160;/gi, ' ');
  return text.trim().length > 0;
}

/**
 * Cuts an HTML body where the first known quote container begins. The cut leaves unclosed
 * tags, which every HTML renderer (and the sanitiser in front of it) closes.
 */
export function splitQuotedHtml(html: string): SplitReply {
  let cut = -1;
  for (const re of HTML_MARKERS) {
    const m = re.exec(html);
    if (m && (cut < 0 || m.index < cut)) cut = m.index;
  }
  if (cut < 0) return { visible: html, quoted: '' };
  const visible = html.slice(0, cut);
  if (!htmlHasText(visible)) return { visible: html, quoted: '' };
  return { visible, quoted: html.slice(cut) };
}
