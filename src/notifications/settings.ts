/** RAPPORT_WEBHOOKS_ALLOW_PRIVATE: whether outgoing webhooks may reach loopback and private networks (off by default). */
export const webhooksMayGoPrivate = (env: Record<string, string | undefined>) =>
  env.RAPPORT_WEBHOOKS_ALLOW_PRIVATE === 'true' || env.RAPPORT_WEBHOOKS_ALLOW_PRIVATE === '1';
