/**
 * The few words Rapport itself adds to customer-facing email (footer, chat transcript), in the
 * ticket's language. Server-side and small on purpose: the agent writes the message, we only
 * frame it. Unknown languages fall back to English.
 */

export interface OutboundStrings {
  /** Footer under every reply; {ticket} is the tag such as [#1234]. */
  footer: string;
  transcriptSubject: string;
  transcriptIntro: string;
  transcriptYou: string;
  transcriptAnswerIntro: string;
  offlineAcknowledgement: string;
}

const STRINGS: Record<string, OutboundStrings> = {
  en: {
    footer: 'Reference {ticket} — reply to this email to continue the conversation.',
    transcriptSubject: 'Your chat with us',
    transcriptIntro: 'Here is the conversation you had with us in the chat.',
    transcriptYou: 'You',
    transcriptAnswerIntro: 'You had left the chat, so here is our answer by email:',
    offlineAcknowledgement: 'Thank you for your message. We will answer by email.',
  },
  he: {
    footer: 'מספר פנייה {ticket} — אפשר להשיב למייל זה כדי להמשיך את השיחה.',
    transcriptSubject: 'השיחה שלך איתנו בצ׳אט',
    transcriptIntro: 'זו השיחה שניהלת איתנו בצ׳אט.',
    transcriptYou: 'את/ה',
    transcriptAnswerIntro: 'יצאת מהצ׳אט, ולכן התשובה שלנו נשלחת במייל:',
    offlineAcknowledgement: 'תודה על פנייתך. נשיב לך במייל.',
  },
  pl: {
    footer: 'Numer zgłoszenia {ticket} — odpowiedz na tę wiadomość, aby kontynuować rozmowę.',
    transcriptSubject: 'Twoja rozmowa na czacie',
    transcriptIntro: 'Oto przebieg Twojej rozmowy z nami na czacie.',
    transcriptYou: 'Ty',
    transcriptAnswerIntro: 'Opuścił(a) Pan/Pani czat, dlatego przesyłamy odpowiedź e-mailem:',
    offlineAcknowledgement: 'Dziękujemy za wiadomość. Odpowiemy e-mailem.',
  },
  de: {
    footer: 'Vorgang {ticket} — antworten Sie auf diese E-Mail, um das Gespräch fortzusetzen.',
    transcriptSubject: 'Ihr Chat mit uns',
    transcriptIntro: 'Hier ist der Verlauf Ihres Chats mit uns.',
    transcriptYou: 'Sie',
    transcriptAnswerIntro: 'Sie hatten den Chat verlassen, daher erhalten Sie unsere Antwort per E-Mail:',
    offlineAcknowledgement: 'Vielen Dank für Ihre Nachricht. Wir antworten per E-Mail.',
  },
  fr: {
    footer: 'Référence {ticket} — répondez à cet e-mail pour poursuivre la conversation.',
    transcriptSubject: 'Votre conversation avec nous',
    transcriptIntro: 'Voici la conversation que vous avez eue avec nous sur le chat.',
    transcriptYou: 'Vous',
    transcriptAnswerIntro: 'Vous aviez quitté le chat ; voici notre réponse par e-mail :',
    offlineAcknowledgement: 'Merci pour votre message. Nous vous répondrons par e-mail.',
  },
  es: {
    footer: 'Referencia {ticket}: responda a este correo para continuar la conversación.',
    transcriptSubject: 'Su conversación con nosotros',
    transcriptIntro: 'Esta es la conversación que mantuvo con nosotros en el chat.',
    transcriptYou: 'Usted',
    transcriptAnswerIntro: 'Usted había salido del chat; le enviamos nuestra respuesta por correo:',
    offlineAcknowledgement: 'Gracias por su mensaje. Le responderemos por correo.',
  },
  ja: {
    footer: 'お問い合わせ番号 {ticket} — このメールに返信すると会話を続けられます。',
    transcriptSubject: 'チャットの記録',
    transcriptIntro: 'チャットでのやり取りの記録をお送りします。',
    transcriptYou: 'お客様',
    transcriptAnswerIntro: 'チャットを終了されていたため、メールにて回答をお送りします。',
    offlineAcknowledgement: 'お問い合わせありがとうございます。メールにてご回答いたします。',
  },
};

/** The strings for a language tag ("pl", "pt-BR", "he-IL"); English when we have none. */
export function outboundStrings(language: string | null | undefined): OutboundStrings {
  const base = (language ?? 'en').toLowerCase().split(/[-_]/)[0];
  return STRINGS[base] ?? STRINGS.en;
}

/** Languages written right to left, so the HTML part gets dir="rtl". */
export function isRtl(language: string | null | undefined): boolean {
  const base = (language ?? '').toLowerCase().split(/[-_]/)[0];
  return ['he', 'ar', 'fa', 'ur', 'yi'].includes(base);
}
