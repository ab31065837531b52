import { describe, expect, it } from 'vitest';
import { checkWebhookUrl, refusedAddress } from './webhook-target.js';

describe('where outgoing webhooks may go', () => {
  it('refuses loopback, private, link-local, metadata and mapped addresses; allows public ones', () => {
    for (const address of ['127.0.0.1', '10.1.2.3', '172.16.0.1', '192.168.1.1', '169.254.169.254', '0.0.0.0', '100.64.0.1', '::1', 'fc00::1', 'fe80::1', '::ffff:127.0.0.1', '224.0.0.1']) {
      expect(refusedAddress(address), address).not.toBeNull();
    }
    for (const address of ['93.184.216.34', '8.8.8.8', '2606:4700:4700::1111']) expect(refusedAddress(address), address).toBeNull();
  });

  it('refuses a URL naming a private address or localhost, unless the setting allows it', async () => {
    await expect(checkWebhookUrl('http://127.0.0.1:5432/', false)).rejects.toThrow(/loopback/);
    await expect(checkWebhookUrl('http://[::1]/', false)).rejects.toThrow(/loopback/);
    await expect(checkWebhookUrl('http://localhost:8080/hook', false)).rejects.toThrow(/RAPPORT_WEBHOOKS_ALLOW_PRIVATE/);
    await expect(checkWebhookUrl('http://169.254.169.254/latest/meta-data', false)).rejects.toThrow(/linkLocal/);
    await expect(checkWebhookUrl('http://127.0.0.1:5432/', true)).resolves.toBeUndefined();
  });
});
