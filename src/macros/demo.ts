/** Demo macros: shared canned replies with variants that show the culture at work. */
import type { AppContext } from '../http/index.js';
import { findUserByEmail } from '../users/index.js';
import { createMacro, type MacroInput } from './commands.js';

const DEMO: MacroInput[] = [
  {
    title: 'Ask for serial number',
    scope: 'shared',
    variants: [
      { language: 'en', register: 'informal', body: 'Hi {{contact.name}},\n\nThanks for getting in touch about {{ticket.number}}. Could you send me the serial number from the plate on the side of the machine? Then I can check your exact build.\n\nCheers,\n{{agent.name}}' },
      { language: 'en', register: 'formal', body: 'Dear {{contact.name}},\n\nThank you for your message regarding case {{ticket.number}}. Could you please send us the serial number shown on the type plate of the machine, so that we can identify its exact configuration?\n\nKind regards,\n{{agent.name}}' },
      { language: 'pl', register: 'formal', body: 'Szanowna Pani / Szanowny Panie,\n\ndziękujemy za wiadomość w sprawie zgłoszenia {{ticket.number}}. Uprzejmie prosimy o podanie numeru seryjnego z tabliczki znamionowej urządzenia, abyśmy mogli ustalić jego dokładną konfigurację.\n\nZ wyrazami szacunku\n{{agent.name}}' },
      { language: 'ja', register: 'honorific', body: '{{contact.name}}\n\nいつもお世話になっております。\nお問い合わせ（{{ticket.number}}）の件、誠にありがとうございます。恐れ入りますが、装置側面の銘板に記載されている製造番号をお知らせいただけますでしょうか。\n\n何卒よろしくお願い申し上げます。\n{{agent.name}}' },
      { language: 'he', register: 'formal', body: 'שלום רב {{contact.name}},\n\nתודה על פנייתך בנושא {{ticket.number}}. נודה לך אם תשלח/י לנו את המספר הסידורי המופיע על לוחית הזיהוי של המכשיר, כדי שנוכל לזהות את התצורה המדויקת.\n\nבכבוד רב,\n{{agent.name}}' },
    ],
  },
  {
    title: 'Waiting for the part (pending, update in 8 business hours)',
    scope: 'shared',
    actions: { status: 'pending', addTags: ['waiting-for-part'], promiseInBusinessHours: 8 },
    variants: [
      { language: 'en', register: 'formal', body: 'Dear {{contact.name}},\n\nThe replacement part for {{ticket.number}} is on its way to us. I will update you by {{promise.due}} at the latest.\n\nKind regards,\n{{agent.name}}' },
      { language: 'de', register: 'formal', body: 'Guten Tag {{contact.name}},\n\ndas Ersatzteil für {{ticket.number}} ist unterwegs. Ich melde mich spätestens {{promise.due}} bei Ihnen.\n\nMit freundlichen Grüßen\n{{agent.name}}' },
      { language: 'pl', register: 'formal', body: 'Szanowna Pani / Szanowny Panie,\n\nczęść zamienna do zgłoszenia {{ticket.number}} jest w drodze. Najpóźniej {{promise.due}} przekażemy informację o postępach.\n\nZ wyrazami szacunku\n{{agent.name}}' },
      { language: 'ja', register: 'honorific', body: '{{contact.name}}\n\nいつもお世話になっております。\n{{ticket.number}}の交換部品は現在手配中でございます。遅くとも{{promise.due}}までに改めてご連絡申し上げます。\n\n何卒よろしくお願い申し上げます。\n{{agent.name}}' },
    ],
  },
  {
    title: 'Thanks — closing the case',
    scope: 'shared',
    actions: { status: 'solved' },
    variants: [
      { language: 'en', register: 'informal', body: 'Hi {{contact.name}},\n\nGlad that sorted it! I\'ll close {{ticket.number}} now — just reply if anything comes back.\n\n{{agent.name}}' },
      { language: 'he', register: 'informal', body: 'היי {{contact.name}},\n\nשמחים שזה נפתר! אני סוגר/ת את {{ticket.number}} — אפשר פשוט להשיב אם משהו חוזר.\n\n{{agent.name}}' },
    ],
  },
];

/** Seeds the shared demo macros, owned by the demo manager. */
export async function seedMacrosDemo(ctx: AppContext): Promise<void> {
  const owner = (await findUserByEmail(ctx.db, 'maya@rapport.example')) ?? (await findUserByEmail(ctx.db, 'ada@rapport.example'));
  if (!owner) return;
  for (const input of DEMO) await createMacro({ db: ctx.db, registry: ctx.registry, actorUserId: null, actorLabel: 'demo' }, owner.id, input);
}
