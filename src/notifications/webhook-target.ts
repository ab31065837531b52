/**
 * Where an outgoing webhook may go. An admin types the URL, but the request leaves from inside
 * the company's network: without a guard, `http://127.0.0.1:5432`, `http://169.254.169.254/`
 * (cloud metadata) or `http://10.0.0.7/admin` would make Rapport a proxy into it (server-side
 * request forgery). Only public unicast addresses are allowed unless the setting
 * RAPPORT_WEBHOOKS_ALLOW_PRIVATE says otherwise (a receiver on the same private network).
 *
 * The address is checked twice: when the endpoint is saved (a clear 400 for the admin), and at
 * every connection, on the address actually dialled — a name that resolved to a public address
 * yesterday may resolve to 127.0.0.1 today (DNS rebinding).
 */
import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { lookup as dnsLookupAll } from 'node:dns/promises';
import ipaddr from 'ipaddr.js';

/** Why this address may not receive webhooks, or null when it may. */
export function refusedAddress(address: string): string | null {
  if (!ipaddr.isValid(address)) return `${address} is not an IP address`;
  const range = ipaddr.process(address).range();
  return range === 'unicast' ? null : `${address} is a ${range} address`;
}

export class WebhookTargetError extends Error {}

/** Checks a URL before it is saved: its host must resolve, and only to public addresses. */
export async function checkWebhookUrl(url: string, allowPrivate: boolean): Promise<void> {
  if (allowPrivate) return;
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  let addresses: LookupAddress[];
  try {
    addresses = ipaddr.isValid(host) ? [{ address: host, family: host.includes(':') ? 6 : 4 }] : await dnsLookupAll(host, { all: true });
  } catch {
    throw new WebhookTargetError(`The host ${host} could not be resolved.`);
  }
  for (const { address } of addresses) {
    const reason = refusedAddress(address);
    if (reason) throw new WebhookTargetError(`Webhooks may not go to ${host}: ${reason}. Set RAPPORT_WEBHOOKS_ALLOW_PRIVATE=true to allow receivers on private networks.`);
  }
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for node:http(s) that refuses private addresses at connect time, so the address
 * checked is the one connected to.
 */
export function guardedLookup(allowPrivate: boolean) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback) => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, '');
      const list = addresses as LookupAddress[];
      const refused = allowPrivate ? undefined : list.map((a) => refusedAddress(a.address)).find(Boolean);
      if (refused) return callback(Object.assign(new WebhookTargetError(`refused to connect: ${refused}`), { code: 'EPRIVATEADDRESS' }), '');
      if (options.all) return callback(null, list);
      callback(null, list[0]!.address, list[0]!.family);
    });
  };
}
