/**
 * A minimal SMTP client for tests and the benchmark: it speaks the protocol line by line, so a
 * test can see every reply code (250 vs 451 vs 550) and send what real mail programs send,
 * including the null sender `<>` that bounces use.
 */
import { connect, type Socket } from 'node:net';

export interface SmtpReply {
  code: number;
  text: string;
}

export class SmtpTestClient {
  private buffer = '';
  private waiters: { resolve: (reply: SmtpReply) => void; reject: (err: Error) => void }[] = [];
  private replies: SmtpReply[] = [];
  private lines: string[] = [];
  /** Set once the connection is gone: every pending and later read fails with it (a killed server never answers). */
  private closed: Error | null = null;

  private constructor(private readonly socket: Socket) {
    socket.setEncoding('utf8');
    const close = (err?: Error) => {
      this.closed ??= new Error(`connection closed${err ? `: ${err.message}` : ''}`);
      for (const w of this.waiters.splice(0)) w.reject(this.closed);
    };
    socket.on('error', close);
    socket.on('close', () => close());
    socket.on('data', (data: string) => {
      this.buffer += data;
      let nl: number;
      while ((nl = this.buffer.indexOf('\r\n')) >= 0) {
        const line = this.buffer.slice(0, nl);
        this.buffer = this.buffer.slice(nl + 2);
        this.lines.push(line.slice(4));
        // "250-…" continues a multi-line reply; "250 …" ends it.
        if (/^\d{3} /.test(line) || /^\d{3}$/.test(line)) {
          const reply = { code: Number(line.slice(0, 3)), text: this.lines.join('\n') };
          this.lines = [];
          const w = this.waiters.shift();
          if (w) w.resolve(reply);
          else this.replies.push(reply);
        }
      }
    });
  }

  /** Connects and reads the greeting. */
  static async connect(port: number, host = '127.0.0.1'): Promise<{ client: SmtpTestClient; greeting: SmtpReply }> {
    const socket = await new Promise<Socket>((resolve, reject) => {
      const s = connect(port, host, () => resolve(s));
      s.once('error', reject);
    });
    const client = new SmtpTestClient(socket);
    return { client, greeting: await client.read() };
  }

  read(): Promise<SmtpReply> {
    const ready = this.replies.shift();
    if (ready) return Promise.resolve(ready);
    if (this.closed) return Promise.reject(this.closed);
    return new Promise((resolve, reject) => this.waiters.push({ resolve, reject }));
  }

  /** Sends one command line and returns the server's reply. */
  async command(line: string): Promise<SmtpReply> {
    this.socket.write(`${line}\r\n`);
    return this.read();
  }

  /** Sends DATA, the dot-stuffed message and the terminating dot; returns the final reply. */
  async data(raw: string | Buffer): Promise<SmtpReply> {
    const go = await this.command('DATA');
    if (go.code !== 354) return go;
    // Work on the bytes (as latin1 code units) so UTF-8 and 8-bit charsets go through untouched.
    const text = (typeof raw === 'string' ? Buffer.from(raw, 'utf8') : raw).toString('latin1').replace(/\r?\n/g, '\r\n');
    const stuffed = text.replace(/^\./gm, '..');
    this.socket.write(Buffer.from(stuffed.endsWith('\r\n') ? stuffed : `${stuffed}\r\n`, 'latin1'));
    this.socket.write('.\r\n');
    return this.read();
  }

  /** One complete transaction: EHLO (once), MAIL FROM, RCPT TO…, DATA. Returns the DATA reply or the first refusal. */
  async send(from: string, to: string[], raw: string | Buffer): Promise<SmtpReply> {
    const mail = await this.command(`MAIL FROM:<${from}>`);
    if (mail.code !== 250) return mail;
    let accepted = 0;
    let refusal: SmtpReply | null = null;
    for (const rcpt of to) {
      const r = await this.command(`RCPT TO:<${rcpt}>`);
      if (r.code === 250) accepted++;
      else refusal ??= r;
    }
    if (accepted === 0) {
      await this.command('RSET');
      return refusal ?? { code: 554, text: 'no recipients' };
    }
    return this.data(raw);
  }

  async quit(): Promise<void> {
    await this.command('QUIT').catch(() => undefined);
    this.socket.destroy();
  }
}

/** Sends one message in its own session (EHLO … QUIT) and returns the final reply. */
export async function smtpSend(port: number, from: string, to: string[], raw: string | Buffer): Promise<SmtpReply> {
  const { client } = await SmtpTestClient.connect(port);
  try {
    await client.command('EHLO test.example');
    return await client.send(from, to, raw);
  } finally {
    await client.quit();
  }
}
