/**
 * WhatsApp's customer-service window: a business may send free-form messages only within 24
 * hours of the customer's last message; outside it, only an approved message template. Checking
 * it before sending lets the agent know at once (and pick a template or another channel) instead
 * of learning later that the message was refused.
 */

export const WINDOW_HOURS = 24;

export interface WindowState {
  open: boolean;
  /** When the window closes (or closed); null when the customer never wrote on WhatsApp. */
  closesAt: Date | null;
  /** Whole minutes left while open; 0 when closed. */
  minutesLeft: number;
}

/** The window given when the customer last wrote on WhatsApp. */
export function whatsappWindow(lastInboundAt: Date | null, now: Date = new Date()): WindowState {
  if (!lastInboundAt) return { open: false, closesAt: null, minutesLeft: 0 };
  const closesAt = new Date(lastInboundAt.getTime() + WINDOW_HOURS * 3_600_000);
  const left = closesAt.getTime() - now.getTime();
  return { open: left > 0, closesAt, minutesLeft: left > 0 ? Math.floor(left / 60_000) : 0 };
}
