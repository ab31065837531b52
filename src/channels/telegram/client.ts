/**
 * The Telegram Bot API calls Rapport makes: sendMessage, and getFile + download for a
 * customer's photos and documents. The base URL is a setting (tests run a local stand-in).
 */
import { PermanentSendError } from '../conversation/drivers.js';

export interface TelegramConfig {
  apiUrl: string;
  botToken: string;
}

interface ApiReply<T> {
  ok: boolean;
  result?: T;
  error_code?: number;
  description?: string;
  parameters?: { retry_after?: number };
}

async function call<T>(config: TelegramConfig, method: string, body: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(`${config.apiUrl}/bot${config.botToken}/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(20_000),
    });
  } catch (err) {
    throw new Error(`Telegram API unreachable: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
  }
  const json = (await res.json().catch(() => ({ ok: false, description: res.statusText }))) as ApiReply<T>;
  if (json.ok && json.result !== undefined) return json.result;
  const code = json.error_code ?? res.status;
  const text = `Telegram ${method} ${code}: ${json.description ?? 'failed'}`;
  // 400 (bad chat id, empty text), 401 (bad token), 403 (blocked by the user): retrying will not help.
  if (code === 400 || code === 401 || code === 403 || code === 404) throw new PermanentSendError(text);
  throw new Error(text);
}

/** Sends a text to a private chat; returns Telegram's message id. */
export async function sendTelegramText(config: TelegramConfig, chatId: string, text: string): Promise<number> {
  const result = await call<{ message_id: number }>(config, 'sendMessage', { chat_id: chatId, text: text.slice(0, 4096) });
  return result.message_id;
}

/** Downloads a file the customer sent; null when it cannot be had (the message is kept either way). */
export async function downloadTelegramFile(config: TelegramConfig, fileId: string): Promise<Buffer | null> {
  try {
    const f = await call<{ file_path?: string }>(config, 'getFile', { file_id: fileId });
    if (!f.file_path) return null;
    const res = await fetch(`${config.apiUrl}/file/bot${config.botToken}/${f.file_path}`, { signal: AbortSignal.timeout(60_000) });
    return res.ok ? Buffer.from(await res.arrayBuffer()) : null;
  } catch {
    return null;
  }
}
