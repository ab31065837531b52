/**
 * The WhatsApp Cloud API (Meta Graph) calls Rapport makes: send a text, send an approved
 * template, download a customer's media. The base URL is a setting, so tests (and a proxy) can
 * stand in for graph.facebook.com; errors are classified into "retry later" and "never", by
 * Meta's documented error codes.
 */
import { PermanentSendError } from '../conversation/drivers.js';

export interface WhatsappConfig {
  apiUrl: string;
  token: string;
  phoneNumberId: string;
}

export interface TemplateMessage {
  name: string;
  language: string;
  /** Body parameters {{1}}, {{2}} … in order. */
  parameters?: string[];
}

/** Error codes after which retrying is pointless (window closed, bad number, bad token …). */
const PERMANENT_CODES = new Set([100, 190, 131008, 131009, 131021, 131026, 131030, 131031, 131047, 131051, 132000, 132001, 132005, 132007, 132012, 133010]);

export class WhatsappApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: number | null,
  ) {
    super(message);
    this.name = 'WhatsappApiError';
  }
}

async function call(config: WhatsappConfig, path: string, body: unknown): Promise<unknown> {
  let res: Response;
  try {
    res = await fetch(`${config.apiUrl}/${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${config.token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(20_000),
    });
  } catch (err) {
    throw new Error(`WhatsApp API unreachable: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
  }
  const json = (await res.json().catch(() => ({}))) as { error?: { message?: string; code?: number; error_user_msg?: string } };
  if (res.ok) return json;
  const code = json.error?.code ?? null;
  const text = `WhatsApp API ${res.status}${code ? ` (code ${code})` : ''}: ${json.error?.error_user_msg ?? json.error?.message ?? res.statusText}`;
  if ((code !== null && PERMANENT_CODES.has(code)) || (res.status >= 400 && res.status < 500 && res.status !== 429 && code !== 4 && code !== 80007 && code !== 130429)) {
    throw new PermanentSendError(text);
  }
  throw new WhatsappApiError(text, res.status, code);
}

function wamidOf(json: unknown): string {
  const id = (json as { messages?: { id?: string }[] }).messages?.[0]?.id;
  if (!id) throw new Error('WhatsApp API answered without a message id');
  return id;
}

/** WhatsApp wants the number in international digits without the plus. */
export const waNumber = (e164: string) => e164.replace(/^\+/, '');

/** Sends a free-form text (only inside the 24-hour window). Returns the wamid. */
export async function sendWhatsappText(config: WhatsappConfig, toE164: string, text: string): Promise<string> {
  return wamidOf(
    await call(config, `${config.phoneNumberId}/messages`, {
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: waNumber(toE164),
      type: 'text',
      text: { preview_url: false, body: text.slice(0, 4096) },
    }),
  );
}

/** Sends an approved template (allowed at any time). Returns the wamid. */
export async function sendWhatsappTemplate(config: WhatsappConfig, toE164: string, template: TemplateMessage): Promise<string> {
  const components = template.parameters?.length
    ? [{ type: 'body', parameters: template.parameters.map((text) => ({ type: 'text', text })) }]
    : undefined;
  return wamidOf(
    await call(config, `${config.phoneNumberId}/messages`, {
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: waNumber(toE164),
      type: 'template',
      template: { name: template.name, language: { code: template.language }, ...(components ? { components } : {}) },
    }),
  );
}

/**
 * Downloads a customer's media: Graph returns a short-lived URL for the media id, fetched with
 * the same token. Returns null when it cannot be had (the message is kept either way).
 */
export async function downloadWhatsappMedia(config: WhatsappConfig, mediaId: string): Promise<{ content: Buffer; contentType: string } | null> {
  try {
    const meta = await fetch(`${config.apiUrl}/${encodeURIComponent(mediaId)}`, {
      headers: { authorization: `Bearer ${config.token}` },
      signal: AbortSignal.timeout(20_000),
    });
    if (!meta.ok) return null;
    const info = (await meta.json()) as { url?: string; mime_type?: string };
    if (!info.url) return null;
    const bin = await fetch(info.url, { headers: { authorization: `Bearer ${config.token}` }, signal: AbortSignal.timeout(60_000) });
    if (!bin.ok) return null;
    return { content: Buffer.from(await bin.arrayBuffer()), contentType: info.mime_type ?? bin.headers.get('content-type') ?? 'application/octet-stream' };
  } catch {
    return null;
  }
}
