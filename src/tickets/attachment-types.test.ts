import { describe, expect, it } from 'vitest';
import { files } from '../../test/support/files.js';
import { checkUpload, contentDisposition, servingOf } from './attachment-types.js';

const upload = (filename: string, contentType: string, content: Buffer) => checkUpload({ filename, contentType, content });

describe('checkUpload', () => {
  it.each([
    ['photo.png', 'image/png', files.png, 'image/png'],
    ['photo.jpg', 'image/jpeg', files.jpeg, 'image/jpeg'],
    ['anim.gif', 'image/gif', files.gif, 'image/gif'],
    ['manual.pdf', 'application/pdf', files.pdf, 'application/pdf'],
    ['report.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', files.docx, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['logs.zip', 'application/zip', files.zip, 'application/zip'],
    ['old.doc', 'application/msword', files.cfb, 'application/msword'],
    ['voicemail.mp3', 'audio/mpeg', files.mp3, 'audio/mpeg'],
    ['noise.wav', 'audio/wav', files.wav, 'audio/wav'],
    ['clip.mp4', 'video/mp4', files.mp4, 'video/mp4'],
    ['notes.txt', 'text/plain', files.text, 'text/plain'],
    ['readings.csv', 'text/csv', files.csv, 'text/csv'],
    ['readings.csv', 'application/octet-stream', files.csv, 'text/csv'],
    ['earlier.eml', 'message/rfc822', files.eml, 'message/rfc822'],
    // The bytes decide, not the claim: a PNG sent as text/html is stored as the image it is.
    ['photo.png', 'text/plain', files.png, 'image/png'],
    ['screenshot', 'text/html', files.png, 'image/png'],
  ])('accepts %s (%s) as %s', async (name, declared, content, stored) => {
    expect(await upload(name, declared, content)).toEqual({ ok: true, contentType: stored });
  });

  it.each([
    ['page.html', 'text/html', files.html],
    ['page.txt', 'text/plain', files.html], // HTML disguised as text
    ['invoice.pdf', 'application/pdf', files.html], // HTML disguised as a PDF
    ['drawing.svg', 'image/svg+xml', files.svg],
    ['drawing.png', 'image/png', files.svg],
    ['data.xml', 'application/xml', files.xml],
    ['setup.exe', 'application/x-msdownload', files.exe],
    ['setup.pdf', 'application/pdf', files.exe], // an executable named as a document
    ['tool', 'application/octet-stream', files.elf],
    ['installer.msi', 'application/x-msi', files.cfb],
    ['installer.doc', 'application/octet-stream', files.cfb], // a CFB container not declared as Office
    ['script.js', 'text/plain', files.text],
    ['blob.bin', 'application/octet-stream', files.binary],
    ['photo.png', 'image/png', files.text], // says image, is not
    ['empty.txt', 'text/plain', Buffer.alloc(0)],
  ])('refuses %s (%s)', async (name, declared, content) => {
    const verdict = await upload(name, declared, content);
    expect(verdict.ok).toBe(false);
  });
});

describe('servingOf', () => {
  it('serves raster images inline as what they are', async () => {
    expect(await servingOf({ contentType: 'image/png', content: files.png })).toEqual({ contentType: 'image/png', inline: true });
    // A PNG that came labelled text/html is still just a PNG.
    expect(await servingOf({ contentType: 'text/html', content: files.png })).toEqual({ contentType: 'image/png', inline: true });
  });

  it('serves active content that came by email as a download of bytes', async () => {
    for (const [type, content] of [['text/html', files.html], ['image/svg+xml', files.svg], ['application/xml', files.xml], ['application/x-msdownload', files.exe], ['text/plain', files.binary], ['application/pdf', files.html]] as const) {
      expect(await servingOf({ contentType: type, content }), type).toEqual({ contentType: 'application/octet-stream', inline: false });
    }
  });

  it('serves documents and text as themselves, as downloads', async () => {
    expect(await servingOf({ contentType: 'application/pdf', content: files.pdf })).toEqual({ contentType: 'application/pdf', inline: false });
    expect(await servingOf({ contentType: 'text/plain', content: files.text })).toEqual({ contentType: 'text/plain', inline: false });
    expect(await servingOf({ contentType: 'application/msword', content: files.cfb })).toEqual({ contentType: 'application/msword', inline: false });
    expect(await servingOf({ contentType: 'application/x-msi', content: files.cfb })).toEqual({ contentType: 'application/octet-stream', inline: false });
  });
});

describe('contentDisposition', () => {
  it('keeps the exact name in filename* and a header-safe ASCII fallback', () => {
    expect(contentDisposition(false, 'faktura żółta.pdf')).toBe(`attachment; filename="faktura ___ta.pdf"; filename*=UTF-8''faktura%20%C5%BC%C3%B3%C5%82ta.pdf`);
    expect(contentDisposition(true, 'a"b\r\nc;d\'.png')).toBe(`inline; filename="a_b__c_d'.png"; filename*=UTF-8''a%22b%0D%0Ac%3Bd%27.png`);
  });
});
