/**
 * Word lists the reply checker uses to recognise greetings, pronouns of familiarity, sign-offs,
 * recaps, escalation over the contact's head and blunt phrasing, per language. Patterns are
 * lower-case; matching uses Unicode letter boundaries so Cyrillic, Hebrew and CJK work.
 */

/** Greetings that are casual in business writing. Matched at the start of the first line. */
export const INFORMAL_GREETINGS: Readonly<Record<string, readonly string[]>> = {
  en: ['hi', 'hey', 'hiya', 'yo', 'howdy', 'hello there', 'heya'],
  de: ['hallo', 'hi', 'hey', 'servus', 'moin'],
  pl: ['cześć', 'hej', 'siema', 'witam', 'elo', 'hejka'],
  fr: ['salut', 'coucou', 'hello'],
  es: ['qué tal', 'que tal', 'buenas', 'hey'],
  it: ['ciao', 'ehi', 'hey'],
  pt: ['oi', 'e aí', 'fala', 'hey'],
  nl: ['hoi', 'hey', 'hallo', 'hi'],
  sv: ['tjena', 'tja', 'hejsan', 'hallå'],
  fi: ['moi', 'moikka', 'terve', 'hei'],
  ru: ['привет', 'здорово', 'хай'],
  tr: ['selam', 'naber', 'hey'],
  he: ['היי', 'הי', 'אהלן', 'יו', 'מה נשמע', 'מה קורה'],
  ar: ['هلا', 'أهلين', 'هاي', 'مرحبا'],
  ja: ['やあ', 'こんにちは', 'どうも', 'おはよう', 'ハロー', 'hi', 'hey'],
  ko: ['안녕!', '안녕,', '안녕 ', '야 '],
  zh: ['嗨', '哈喽', '你好', 'hi', 'hey'],
  hi: ['हाय', 'हेलो', 'hi', 'hey'],
  el: ['γεια σου', 'γεια', 'τι λέει'],
};

/** First-line fragments that show a formal greeting (used to spot an overly formal one, too). */
export const FORMAL_GREETINGS: readonly string[] = [
  'dear mr', 'dear ms', 'dear mrs', 'dear dr', 'dear prof', 'dear sir', 'dear madam', 'respected',
  'sehr geehrte', 'szanown', 'שלום רב', 'לכבוד', '様', '님, 안녕하십니까', '尊敬的', '您好',
  'estimad', 'prezad', 'gentile', 'egregi', 'madame', 'monsieur', 'hyvä', 'bästa', 'geachte',
  'sayın', 'уважаем', 'السيد', 'السيدة', 'المحترم', 'आदरणीय', 'αξιότιμ',
];

/** Any greeting at all: formal, informal or neutral (so a reply with none can be flagged). */
export const NEUTRAL_GREETINGS: readonly string[] = [
  'dear', 'hello', 'good morning', 'good afternoon', 'guten tag', 'guten morgen', 'dzień dobry',
  'שלום', 'お世話になっております', 'ご担当', '안녕하세요', '안녕하십니까', '您好', 'buenos días',
  'buenas tardes', 'hola', 'bom dia', 'boa tarde', 'olá', 'buongiorno', 'salve', 'bonjour',
  'hyvää päivää', 'hej', 'goedendag', 'goedemiddag', 'beste', 'merhaba', 'iyi günler',
  'здравствуйте', 'добрый день', 'مرحبًا', 'تحية', 'السلام عليكم', 'नमस्ते', 'καλημέρα', 'αγαπητ',
  'さん', 'さま',
];

/** Pronouns and verb forms of familiarity (T-forms) per language. Whole-word matches. */
export const INFORMAL_PRONOUNS: Readonly<Record<string, readonly string[]>> = {
  de: ['du', 'dich', 'dir', 'dein', 'deine', 'deinen', 'deinem', 'deiner', 'euch', 'euer'],
  fr: ['tu', 'toi', 'ton', 'ta', 'tes', "t'as"],
  es: ['tú', 'tienes', 'puedes', 'quieres', 'vosotros'],
  it: ['tu', 'ti', 'tuo', 'tua', 'tuoi', 'hai', 'puoi'],
  nl: ['jij', 'jou', 'jouw', 'jullie'],
  pl: ['ty', 'ciebie', 'cię', 'tobie', 'twój', 'twoja', 'twoje', 'masz', 'możesz', 'jesteś', 'chcesz'],
  ru: ['ты', 'тебя', 'тебе', 'твой', 'твоя', 'твоё', 'твои'],
  tr: ['sen', 'seni', 'sana', 'senin'],
  el: ['εσύ', 'σου'],
  ja: ['だよ', 'だね', 'じゃん', 'してね', 'ありがとね', 'よろしくね'],
};

/** Closing phrases (sign-offs and thanks) in the languages we serve. Matched in the last lines. */
export const SIGN_OFFS: readonly string[] = [
  'regards', 'sincerely', 'best', 'cheers', 'thanks', 'thank you', 'yours',
  'grüße', 'grüßen', 'gruß', 'danke', 'pozdrawiam', 'szacunku', 'pozdrowienia', 'dziękuję',
  'בברכה', 'בכבוד', 'תודה', 'よろしく', 'ありがとう', '申し上げます', '감사합니다', '고맙습니다',
  '此致', '商祺', '祝好', '谢谢', '謝謝', 'atentamente', 'saludos', 'saludo', 'gracias', 'atenciosamente',
  'abraços', 'obrigad', 'cordiali', 'saluti', 'grazie', 'cordialement', 'merci', 'salutations',
  'bonne journée', 'terveisin', 'kiitos', 'hälsningar', 'tack', 'groet', 'groeten', 'bedankt',
  'hoogachtend', 'saygılarımla', 'teşekkür', 'iyi çalışmalar', 'уважением', 'спасибо', 'всего доброго',
  'تحية', 'تحياتي', 'شكرا', 'الاحترام', 'सादर', 'धन्यवाद', 'εκτίμηση', 'φιλικά', 'ευχαριστώ',
];

/** Words that mark a written recap of a call. */
export const RECAP_MARKERS: readonly string[] = [
  'summary', 'recap', 'next steps', 'agreed', 'to summarise', 'to summarize', 'action items',
  'zusammenfassung', 'nächste schritte', 'vereinbart', 'podsumowanie', 'kolejne kroki', 'ustaliliśmy',
  'סיכום', 'צעדים הבאים', 'סיכמנו', 'まとめ', '次のステップ', '合意', '요약', '다음 단계', '总结', '下一步',
  '總結', 'resumen', 'próximos pasos', 'acordamos', 'resumo', 'próximos passos', 'riepilogo',
  'prossimi passi', 'récapitulatif', 'prochaines étapes', 'yhteenveto', 'seuraavat vaiheet',
  'sammanfattning', 'nästa steg', 'samenvatting', 'volgende stappen', 'özet', 'sonraki adımlar',
  'итоги', 'резюме', 'следующие шаги', 'ملخص', 'الخطوات التالية', 'सारांश', 'περίληψη',
];

/** Phrases that refer back to a call ("as discussed"), implying a recap is due. */
export const CALL_REFERENCES: readonly string[] = [
  'as discussed', 'as we discussed', 'our call', 'our conversation', 'on the phone', 'wie besprochen',
  'unser telefonat', 'unserem telefonat', 'zgodnie z rozmową', 'jak ustaliliśmy', 'naszej rozmowy',
  'כפי שסיכמנו', 'כפי שדיברנו', 'בשיחתנו', 'お電話', 'お打ち合わせ', '통화', '电话', '電話',
  'como hablamos', 'conversación telefónica', 'como conversamos', 'come concordato', 'telefonata',
  'comme convenu', 'notre appel', 'puhelussa', 'samtal', 'zoals besproken', 'görüştüğümüz gibi',
  'как договорились', 'по телефону', 'كما اتفقنا', 'जैसा कि चर्चा',
];

/** Mentions of going to the contact's superiors. */
export const OVER_THE_HEAD: readonly string[] = [
  'your manager', 'your boss', 'your supervisor', 'your superior', 'your director', 'escalate to your',
  'ihr vorgesetzter', 'ihre vorgesetzte', 'ihren vorgesetzten', 'ihrem vorgesetzten', 'ihren chef', 'ihrer chefin',
  'przełożon', 'pana szef', 'pani szef', 'המנהל שלך', 'המנהלת שלך', 'לממונה', 'ご上司', '上司', '上長',
  '상사', '您的上级', '你的上级', '您的领导', '您的經理', 'su jefe', 'su superior', 'seu chefe', 'seu gerente',
  'il suo responsabile', 'votre supérieur', 'votre responsable', 'esimiehesi', 'din chef', 'uw leidinggevende',
  'amiriniz', 'вашему руководителю', 'ваш начальник', 'مديرك', 'आपके प्रबंधक',
];

/** Blunt phrases that cause loss of face in indirect cultures. */
export const BLUNT_PHRASES: readonly string[] = [
  'you are wrong', "you're wrong", 'your fault', "that's wrong", 'that is wrong', 'impossible',
  'you must', 'you failed', "you didn't read", 'as i already said', 'as i said before', 'obviously',
  'sie haben sich geirrt', 'ihr fehler', 'unmöglich', 'wie bereits gesagt', 'pana wina', 'pani wina',
  'to niemożliwe', 'jak już mówiłem', 'あなたの間違い', '無理です', '不可能', '你错了', '您错了',
  '틀렸습니다', '불가능', 'su culpa', 'imposible', 'sua culpa', 'impossível', 'colpa sua', 'impossibile',
  'votre faute', 'vous avez tort', 'hatanız', 'imkansız', 'ваша вина', 'невозможно', 'خطؤك', 'مستحيل',
];
