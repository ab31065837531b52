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
  /** The email that proves a chat visitor owns the address they typed; {link}, {minutes}. */
  proofSubject: string;
  proofBody: string;
  /** The page the proof link opens. */
  proofConfirmed: string;
  proofExpired: string;
}

const STRINGS: Record<string, OutboundStrings> = {
  en: {
    footer: 'Reference {ticket} — reply to this email to continue the conversation.',
    transcriptSubject: 'Your chat with us',
    transcriptIntro: 'Here is the conversation you had with us in the chat.',
    transcriptYou: 'You',
    transcriptAnswerIntro: 'You had left the chat, so here is our answer by email:',
    offlineAcknowledgement: 'Thank you for your message. We will answer by email.',
    proofSubject: 'Confirm your email address for our chat',
    proofBody: 'You asked us, in our chat, to join the conversation to this email address. Open this link to confirm it is yours:\n\n{link}\n\nThe link works for {minutes} minutes. If it was not you, ignore this email: nothing changes.',
    proofConfirmed: 'Thank you: your email address is confirmed. You can go back to the chat.',
    proofExpired: 'This link has expired or was already used. Ask for a new one in the chat.',
  },
  he: {
    footer: 'מספר פנייה {ticket} — אפשר להשיב למייל זה כדי להמשיך את השיחה.',
    transcriptSubject: 'השיחה שלך איתנו בצ׳אט',
    transcriptIntro: 'זו השיחה שניהלת איתנו בצ׳אט.',
    transcriptYou: 'את/ה',
    transcriptAnswerIntro: 'יצאת מהצ׳אט, ולכן התשובה שלנו נשלחת במייל:',
    offlineAcknowledgement: 'תודה על פנייתך. נשיב לך במייל.',
    proofSubject: 'אישור כתובת המייל שלך לצ׳אט',
    proofBody: 'ביקשת בצ׳אט שלנו לקשר את השיחה לכתובת המייל הזו. יש לפתוח את הקישור כדי לאשר שהכתובת שלך:\n\n{link}\n\nהקישור תקף ל-{minutes} דקות. אם לא ביקשת זאת, אפשר להתעלם מהמייל: דבר לא ישתנה.',
    proofConfirmed: 'תודה: כתובת המייל שלך אושרה. אפשר לחזור לצ׳אט.',
    proofExpired: 'תוקף הקישור פג או שכבר נעשה בו שימוש. אפשר לבקש קישור חדש בצ׳אט.',
  },
  pl: {
    footer: 'Numer zgłoszenia {ticket} — odpowiedz na tę wiadomość, aby kontynuować rozmowę.',
    transcriptSubject: 'Twoja rozmowa na czacie',
    transcriptIntro: 'Oto przebieg Twojej rozmowy z nami na czacie.',
    transcriptYou: 'Ty',
    transcriptAnswerIntro: 'Opuścił(a) Pan/Pani czat, dlatego przesyłamy odpowiedź e-mailem:',
    offlineAcknowledgement: 'Dziękujemy za wiadomość. Odpowiemy e-mailem.',
    proofSubject: 'Potwierdź swój adres e-mail w czacie',
    proofBody: 'W naszym czacie poproszono o połączenie rozmowy z tym adresem e-mail. Otwórz ten link, aby potwierdzić, że adres należy do Ciebie:\n\n{link}\n\nLink działa przez {minutes} minut. Jeśli to nie Ty, zignoruj tę wiadomość: nic się nie zmieni.',
    proofConfirmed: 'Dziękujemy: adres e-mail został potwierdzony. Możesz wrócić do czatu.',
    proofExpired: 'Ten link wygasł lub został już użyty. Poproś o nowy w czacie.',
  },
  de: {
    footer: 'Vorgang {ticket} — antworten Sie auf diese E-Mail, um das Gespräch fortzusetzen.',
    transcriptSubject: 'Ihr Chat mit uns',
    transcriptIntro: 'Hier ist der Verlauf Ihres Chats mit uns.',
    transcriptYou: 'Sie',
    transcriptAnswerIntro: 'Sie hatten den Chat verlassen, daher erhalten Sie unsere Antwort per E-Mail:',
    offlineAcknowledgement: 'Vielen Dank für Ihre Nachricht. Wir antworten per E-Mail.',
    proofSubject: 'Bestätigen Sie Ihre E-Mail-Adresse für unseren Chat',
    proofBody: 'Sie haben uns im Chat gebeten, das Gespräch mit dieser E-Mail-Adresse zu verbinden. Öffnen Sie diesen Link, um zu bestätigen, dass es Ihre Adresse ist:\n\n{link}\n\nDer Link gilt {minutes} Minuten. Waren Sie es nicht, ignorieren Sie diese E-Mail: Es ändert sich nichts.',
    proofConfirmed: 'Vielen Dank: Ihre E-Mail-Adresse ist bestätigt. Sie können zum Chat zurückkehren.',
    proofExpired: 'Dieser Link ist abgelaufen oder wurde schon benutzt. Fordern Sie im Chat einen neuen an.',
  },
  fr: {
    footer: 'Référence {ticket} — répondez à cet e-mail pour poursuivre la conversation.',
    transcriptSubject: 'Votre conversation avec nous',
    transcriptIntro: 'Voici la conversation que vous avez eue avec nous sur le chat.',
    transcriptYou: 'Vous',
    transcriptAnswerIntro: 'Vous aviez quitté le chat ; voici notre réponse par e-mail :',
    offlineAcknowledgement: 'Merci pour votre message. Nous vous répondrons par e-mail.',
    proofSubject: 'Confirmez votre adresse e-mail pour notre chat',
    proofBody: "Vous nous avez demandé, sur notre chat, de rattacher la conversation à cette adresse e-mail. Ouvrez ce lien pour confirmer qu'elle est la vôtre :\n\n{link}\n\nLe lien est valable {minutes} minutes. Si ce n'était pas vous, ignorez cet e-mail : rien ne change.",
    proofConfirmed: 'Merci : votre adresse e-mail est confirmée. Vous pouvez revenir au chat.',
    proofExpired: 'Ce lien a expiré ou a déjà servi. Demandez-en un nouveau sur le chat.',
  },
  es: {
    footer: 'Referencia {ticket}: responda a este correo para continuar la conversación.',
    transcriptSubject: 'Su conversación con nosotros',
    transcriptIntro: 'Esta es la conversación que mantuvo con nosotros en el chat.',
    transcriptYou: 'Usted',
    transcriptAnswerIntro: 'Usted había salido del chat; le enviamos nuestra respuesta por correo:',
    offlineAcknowledgement: 'Gracias por su mensaje. Le responderemos por correo.',
    proofSubject: 'Confirme su dirección de correo para nuestro chat',
    proofBody: 'Nos pidió en el chat unir la conversación a esta dirección de correo. Abra este enlace para confirmar que es suya:\n\n{link}\n\nEl enlace funciona durante {minutes} minutos. Si no fue usted, ignore este correo: no cambia nada.',
    proofConfirmed: 'Gracias: su dirección de correo está confirmada. Puede volver al chat.',
    proofExpired: 'Este enlace ha caducado o ya se usó. Pida uno nuevo en el chat.',
  },
  ja: {
    footer: 'お問い合わせ番号 {ticket} — このメールに返信すると会話を続けられます。',
    transcriptSubject: 'チャットの記録',
    transcriptIntro: 'チャットでのやり取りの記録をお送りします。',
    transcriptYou: 'お客様',
    transcriptAnswerIntro: 'チャットを終了されていたため、メールにて回答をお送りします。',
    offlineAcknowledgement: 'お問い合わせありがとうございます。メールにてご回答いたします。',
    proofSubject: 'チャット用メールアドレスのご確認',
    proofBody: 'チャットで、この会話をこのメールアドレスに結び付けるご依頼がありました。ご本人のアドレスであることを確認するには、次のリンクを開いてください。\n\n{link}\n\nリンクの有効期間は{minutes}分です。お心当たりがない場合は、このメールを無視してください。何も変更されません。',
    proofConfirmed: 'ありがとうございます。メールアドレスが確認されました。チャットにお戻りください。',
    proofExpired: 'このリンクは期限切れか、すでに使用されています。チャットで新しいリンクをご依頼ください。',
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
