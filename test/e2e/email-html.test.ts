import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EmailHtmlOptions, SanitisedEmail } from '../../src/web/pages/tickets/email-html.js';
import { startWebRapport, type WebRapport } from './support.js';

/**
 * HTML email bodies in the ticket timeline. The sanitiser needs a real DOM, so its cases run in
 * Chromium too: the module is bundled on the fly and called in a blank page. Then the whole
 * path: a message with a script, an event handler, a tracking pixel and an inline `cid:` image,
 * shown on the ticket page — formatted, inert, and loading nothing remote until asked.
 */
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
// A 1×1 PNG, so an inline image has something real to decode.
const pixelPng = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

describe('HTML email bodies', () => {
  let w: WebRapport;
  let sandbox: Page;
  let tracker: Server;
  let trackerUrl: string;
  const trackerHits: string[] = [];

  beforeAll(async () => {
    w = await startWebRapport();
    const bundle = await build({
      entryPoints: ['src/web/pages/tickets/email-html.ts'],
      absWorkingDir: repoRoot,
      bundle: true,
      format: 'iife',
      globalName: 'EmailHtml',
      write: false,
      logLevel: 'silent',
    });
    sandbox = await w.newPage();
    await sandbox.setContent('<!doctype html><html><body></body></html>');
    await sandbox.addScriptTag({ content: bundle.outputFiles[0]!.text });
    // A stand-in for a sender's server: any request to it means an image was loaded.
    tracker = createServer((req, res) => {
      trackerHits.push(req.url ?? '');
      res.writeHead(200, { 'content-type': 'image/png' }).end(Buffer.from(pixelPng, 'base64'));
    });
    await new Promise<void>((resolve) => tracker.listen(0, '127.0.0.1', resolve));
    trackerUrl = `http://127.0.0.1:${(tracker.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await w?.stop();
    await new Promise((resolve) => tracker?.close(resolve));
  });

  const noImages: EmailHtmlOptions = { attachments: [], showRemoteImages: false };

  async function sanitise(html: string, options: EmailHtmlOptions = noImages): Promise<SanitisedEmail> {
    return sandbox.evaluate(
      ([html, options]) =>
        (window as unknown as { EmailHtml: { sanitiseEmailHtml: (h: string, o: unknown) => SanitisedEmail } }).EmailHtml.sanitiseEmailHtml(html, options),
      [html, options] as const,
    );
  }

  describe('sanitiser (in Chromium)', () => {
    it('keeps formatting and drops scripts, event handlers and javascript: links', async () => {
      const r = await sanitise('<p><img src=x onerror=alert(1)><script>alert(2)</script><b onclick="alert(3)">bold</b> <a href="javascript:alert(4)">bad</a></p>');
      expect(r.html).toContain('<b>bold</b>');
      expect(r.html).not.toMatch(/script|onerror|onclick|alert|javascript/i);
      expect(r.empty).toBe(false);
    });

    it('removes forms, their controls, frames, embedded media, SVG and style sheets', async () => {
      const r = await sanitise(
        '<form action="https://phish.example/login"><input name="password"><button formaction="https://x.example">Log in</button><select><option>secret</option></select></form>' +
          '<iframe src="https://evil.example"></iframe><object data="x.swf"></object><embed src="y"><video src="v.mp4"></video>' +
          '<svg onload="alert(1)"><circle r="4"/></svg><style>body { display: none }</style><div>kept</div>',
      );
      expect(r.html).not.toMatch(/<(form|input|button|select|option|iframe|object|embed|video|svg|style)\b/i);
      expect(r.html).not.toContain('secret');
      expect(r.html).not.toContain('display: none');
      expect(r.html).toContain('<div>kept</div>');
      expect(r.html).toContain('Log in'); // the words of a removed button stay readable
    });

    it('holds back remote images behind a placeholder, and loads them only when asked', async () => {
      const html = `<p>Hi</p><img src="${trackerUrl}/open.gif?id=42" width="1" height="1"><img src="//cdn.example/logo.png" alt="Logo"><img src="/api/v1/auth/me">`;
      const blocked = await sanitise(html);
      expect(blocked.blockedImages).toBe(2);
      expect(blocked.html).not.toContain(trackerUrl);
      expect(blocked.html).not.toContain('cdn.example');
      expect(blocked.html.match(/data-blocked="remote"/g)).toHaveLength(2);
      expect(blocked.html).toContain('alt="Logo"');
      expect(blocked.html).not.toContain('/api/v1/auth/me'); // never a request to ourselves

      const shown = await sanitise(html, { attachments: [], showRemoteImages: true });
      expect(shown.blockedImages).toBe(0);
      expect(shown.html).toContain(`src="${trackerUrl}/open.gif?id=42"`);
      expect(shown.html).toContain('src="https://cdn.example/logo.png"');
      expect(shown.html).toContain('referrerpolicy="no-referrer"');
      expect(shown.html).not.toContain('/api/v1/auth/me');
      expect(trackerHits).toEqual([]); // sanitising itself never loads anything
    });

    it('resolves cid: images to the attachment with that Content-ID', async () => {
      const attachments = [
        { id: 'a1', contentId: 'logo@mail.example' },
        { id: 'a2', contentId: '<chart.png@mail.example>' },
        { id: 'a3', contentId: null },
      ];
      const r = await sanitise('<img src="cid:logo@mail.example"><img src="cid:chart.png%40mail.example"><img src="cid:missing@x" alt="gone">', { attachments, showRemoteImages: false });
      expect(r.html).toContain('src="/api/v1/attachments/a1"');
      expect(r.html).toContain('src="/api/v1/attachments/a2"');
      expect(r.html).toMatch(/<img alt="gone">/);
      expect(r.inlineAttachmentIds.sort()).toEqual(['a1', 'a2']);
      expect(r.blockedImages).toBe(0);
    });

    it('opens links in a new tab that cannot reach back into the app', async () => {
      const r = await sanitise('<a href="https://example.com/help" target="_self" ping="https://t.example">Help</a><a href="mailto:a@b.example">mail</a>');
      const links = await sandbox.evaluate((html) => {
        const t = document.createElement('template');
        t.innerHTML = html;
        return Array.from(t.content.querySelectorAll('a')).map((a) => ({ target: a.target, rel: a.rel, ping: a.getAttribute('ping') }));
      }, r.html);
      expect(links).toEqual([
        { target: '_blank', rel: 'noopener noreferrer', ping: null },
        { target: '_blank', rel: 'noopener noreferrer', ping: null },
      ]);
    });

    it('keeps inline styles that load nothing, however a url() is spelled', async () => {
      const r = await sanitise(
        `<p style="color: red; background-image: url(${trackerUrl}/bg.png)">a</p>` +
          `<p style="background: u\\72l(${trackerUrl}/escaped.png)">b</p>` +
          `<p style="background-image: image-set('${trackerUrl}/set.png' 1x); font-weight: bold">c</p>` +
          '<div style="position: fixed; inset: 0; color: blue">over everything</div>',
      );
      expect(r.html).toContain('<div style="inset: 0px; color: blue;">over everything</div>');
      expect(r.html).not.toContain(trackerUrl);
      expect(r.html).toContain('color: red');
      expect(r.html).toContain('font-weight: bold');
      expect(r.html).toMatch(/<p>b<\/p>/); // nothing left of that style, so no attribute at all
    });

    it('reports a body that sanitises to nothing as empty, so the plain text is shown', async () => {
      expect((await sanitise('<script>alert(1)</script><style>p{}</style>  ')).empty).toBe(true);
      expect((await sanitise('<img src="cid:x">', { attachments: [{ id: 'z', contentId: 'x' }], showRemoteImages: false })).empty).toBe(false);
    });
  });

  it('shows an HTML email formatted and inert, with images held back and a plain-text view', async () => {
    const agent = w.r.as(await w.r.login('tomasz@rapport.example'));
    const created = await agent('POST', '/api/v1/tickets', { subject: 'HTML mail check', body: 'Opening message' });
    expect(created.status).toBe(201);
    const ticketId = created.body.id as string;
    const posted = await agent('POST', `/api/v1/tickets/${ticketId}/messages`, {
      kind: 'message',
      bodyText: 'bold (plain text version)',
      bodyHtml:
        '<p><img src=x onerror=alert(1)><script>alert(2)</script><b>bold</b></p>' +
        `<p>Tracked <img src="${trackerUrl}/pixel.gif?m=1" width="1" height="1"></p>` +
        '<p>Inline <img src="cid:shot@rapport.test" alt="screenshot"></p>' +
        '<p><a href="https://example.com/kb">Knowledge base</a></p>',
      attachments: [{ filename: 'shot.png', contentType: 'image/png', contentBase64: pixelPng, contentId: 'shot@rapport.test' }],
    });
    expect(posted.status).toBe(201);
    expect(posted.body.attachments[0].contentId).toBe('shot@rapport.test');

    const page = await w.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await w.signIn(page, 'tomasz@rapport.example');
    await page.goto(`/tickets/${ticketId}`);
    const body = page.getByTestId('message-html');
    await body.waitFor();
    await expect.poll(() => body.locator('b').textContent()).toBe('bold');
    expect(await body.locator('script, [onerror]').count()).toBe(0);
    const link = body.locator('a');
    expect(await link.getAttribute('target')).toBe('_blank');
    expect(await link.getAttribute('rel')).toBe('noopener noreferrer');
    // The inline image came from our attachment download and decoded.
    const inline = body.locator('img[alt="screenshot"]');
    await expect.poll(() => inline.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1);
    expect(await inline.getAttribute('src')).toBe(`/api/v1/attachments/${posted.body.attachments[0].id}`);
    await page.getByTestId('message-images-blocked').waitFor();
    await page.screenshot({ path: '/tmp/rapport-email-html.png' });
    expect(trackerHits).toEqual([]);
    expect(requests.some((u) => u.startsWith(trackerUrl))).toBe(false);

    await page.getByTestId('message-show-images').click();
    await expect.poll(() => trackerHits.length).toBeGreaterThan(0);
    expect(trackerHits[0]).toBe('/pixel.gif?m=1');
    await page.getByTestId('message-images-blocked').waitFor({ state: 'detached' });

    await page.getByTestId('message-format-toggle').click();
    await expect.poll(() => page.getByTestId('message-text').last().textContent()).toBe('bold (plain text version)');
    expect(await page.getByTestId('message-html').count()).toBe(0);
    await page.getByTestId('message-format-toggle').click();
    await body.waitFor();
    expect(dialogs).toEqual([]);
  });
});
