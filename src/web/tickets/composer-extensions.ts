/**
 * Extension points of the reply/note composer on the ticket page. A capability registers an
 * extension with one line in `composerExtensions` (or a channel picker in `channelPickers`);
 * nothing in the composer itself changes.
 *
 * Hooks (`usePrefill`, `useWarnings`) run inside a component of their own per extension, so
 * they may use TanStack Query, context, anything a hook may use.
 */
import type { ComponentType, ReactNode } from 'react';
import type { Message, Ticket } from '../api/types';

export type ComposerKind = 'message' | 'note';

/** What an extension can see and do in the composer. */
export interface ComposerContext {
  ticket: Ticket;
  kind: ComposerKind;
  /** The channel the reply will go out on. */
  channel: string;
  text: string;
  /** Replaces the whole draft. */
  setText(text: string): void;
  /** Inserts at the caret (or appends when the editor is not focused). */
  insertText(text: string): void;
  setChannel(channel: string): void;
}

export interface ComposerWarning {
  id: string;
  level: 'info' | 'warning' | 'danger';
  message: ReactNode;
}

export interface ComposerExtension {
  id: string;
  /** Ascending: decides which prefill wins (the first non-empty) and the order of warnings and tools. */
  order: number;
  /** Which composer modes the extension applies to; default: replies only. */
  kinds?: readonly ComposerKind[];
  /** A starting draft for an empty composer (e.g. a greeting in the customer's formality). */
  usePrefill?: (ctx: { ticket: Ticket; kind: ComposerKind; channel: string }) => string | null | undefined;
  /** Warnings recomputed as the agent types (e.g. "informal tone for a formal culture"). */
  useWarnings?: (ctx: ComposerContext) => ComposerWarning[];
  /** Buttons or chips shown in the composer's toolbar (translate, draft in tone …). */
  toolbar?: ComponentType<ComposerContext>;
  /** Runs before sending; return false to cancel (after telling the agent why). */
  beforeSend?: (ctx: ComposerContext) => boolean | Promise<boolean>;
  /** Runs after the message was saved (e.g. to record a follow-up promise it contains). */
  afterSend?: (ctx: ComposerContext, message: Message) => void;
}

/** Filled by the web app's composition root (`app/plugins.ts`); the composer never imports a capability. */
export const composerExtensions: ComposerExtension[] = [];

/** Props of a channel picker: the current channel and a setter. */
export interface ChannelPickerProps {
  ticket: Ticket;
  kind: ComposerKind;
  value: string;
  onChange(channel: string): void;
}

export interface ChannelPicker {
  id: string;
  /** The picker with the highest order is used; without any, the composer shows the ticket's channel. */
  order: number;
  component: ComponentType<ChannelPickerProps>;
}

/** Filled by `app/plugins.ts`. */
export const channelPickers: ChannelPicker[] = [];

/** The extensions active for a composer mode, in order. */
export function extensionsFor(kind: ComposerKind): ComposerExtension[] {
  return composerExtensions.filter((e) => (e.kinds ?? ['message']).includes(kind)).sort((a, b) => a.order - b.order);
}

/** The channel picker to show, if any capability registered one. */
export function activeChannelPicker(): ChannelPicker | null {
  return [...channelPickers].sort((a, b) => b.order - a.order)[0] ?? null;
}
