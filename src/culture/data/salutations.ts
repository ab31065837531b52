/**
 * Greeting and sign-off templates in the customer's language, per register. Curated from
 * business-letter conventions (the words 様, 님, Herr/Frau, Pan/Pani are not in CLDR).
 * Placeholders: {givenName} {surname} {fullName} {title}; `{title|X}` prints the title if the
 * contact has one, else X ("Dear Dr Smith" vs "Dear Ms Smith"). Titles are per language and
 * grammatical gender because some languages inflect them (Polish vocative "Panie Doktorze").
 */
import type { Register } from '../types.js';

export type TitleKey = 'dr' | 'prof' | 'eng';
export type Gender = 'female' | 'male' | 'neutral';

export interface GreetingSet {
  female: string;
  male: string;
  neutral: string;
}

export interface LanguageSalutations {
  formal: GreetingSet;
  /** Honorific templates where the language has them; otherwise the formal set is used. */
  honorific?: GreetingSet;
  informal: string;
  /** Greeting when we know no usable name at all. */
  anonymous: string;
  /** A customary first line after the greeting, e.g. Japanese "いつもお世話になっております。". */
  opening?: Partial<Record<Register, string>>;
  signOff: Record<Register, string>;
  titles: Partial<Record<TitleKey, { female: string; male: string }>>;
}

const same = (t: string): GreetingSet => ({ female: t, male: t, neutral: t });
const both = (t: string) => ({ female: t, male: t });

export const SALUTATIONS: Readonly<Record<string, LanguageSalutations>> = {
  en: {
    formal: { female: 'Dear {title|Ms} {surname},', male: 'Dear {title|Mr} {surname},', neutral: 'Dear {givenName} {surname},' },
    informal: 'Hi {givenName},',
    anonymous: 'Hello,',
    signOff: { formal: 'Kind regards,', honorific: 'Yours sincerely,', informal: 'Best wishes,' },
    titles: { dr: both('Dr'), prof: both('Professor') },
  },
  'en-US': {
    formal: { female: 'Dear {title|Ms.} {surname},', male: 'Dear {title|Mr.} {surname},', neutral: 'Dear {givenName} {surname},' },
    informal: 'Hi {givenName},',
    anonymous: 'Hello,',
    signOff: { formal: 'Best regards,', honorific: 'Sincerely,', informal: 'Thanks,' },
    titles: { dr: both('Dr.'), prof: both('Professor') },
  },
  'en-IN': {
    formal: { female: 'Dear {title|Ms.} {surname},', male: 'Dear {title|Mr.} {surname},', neutral: 'Dear {givenName} {surname},' },
    informal: 'Hi {givenName},',
    anonymous: 'Dear Sir/Madam,',
    signOff: { formal: 'Warm regards,', honorific: 'With warm regards,', informal: 'Regards,' },
    titles: { dr: both('Dr.'), prof: both('Prof.'), eng: both('Er.') },
  },
  de: {
    formal: { female: 'Sehr geehrte Frau {title} {surname},', male: 'Sehr geehrter Herr {title} {surname},', neutral: 'Guten Tag {title} {givenName} {surname},' },
    informal: 'Hallo {givenName},',
    anonymous: 'Sehr geehrte Damen und Herren,',
    signOff: { formal: 'Mit freundlichen Grüßen', honorific: 'Mit freundlichen Grüßen', informal: 'Viele Grüße' },
    titles: { dr: both('Dr.'), prof: both('Prof.'), eng: both('Ing.') },
  },
  pl: {
    formal: { female: 'Szanowna Pani {title},', male: 'Szanowny Panie {title},', neutral: 'Szanowni Państwo,' },
    informal: 'Cześć {givenName},',
    anonymous: 'Dzień dobry,',
    signOff: { formal: 'Z wyrazami szacunku', honorific: 'Z wyrazami szacunku', informal: 'Pozdrawiam' },
    titles: {
      dr: { female: 'Doktor', male: 'Doktorze' },
      prof: { female: 'Profesor', male: 'Profesorze' },
      eng: { female: 'Inżynier', male: 'Inżynierze' },
    },
  },
  he: {
    formal: { female: 'שלום רב {title|גב׳} {surname},', male: 'שלום רב {title|מר} {surname},', neutral: 'שלום רב {givenName} {surname},' },
    informal: 'שלום {givenName},',
    anonymous: 'שלום רב,',
    signOff: { formal: 'בכבוד רב,', honorific: 'בכבוד רב,', informal: 'בברכה,' },
    titles: { dr: both('ד"ר'), prof: both('פרופ׳') },
  },
  ja: {
    formal: same('{surname}{title|様}'),
    honorific: same('{surname}{title|様}'),
    informal: '{surname}さん',
    anonymous: 'ご担当者様',
    opening: { honorific: 'いつもお世話になっております。', formal: 'いつもお世話になっております。' },
    signOff: { formal: 'よろしくお願いいたします。', honorific: '何卒よろしくお願い申し上げます。', informal: 'よろしくお願いします。' },
    titles: { dr: both('先生'), prof: both('先生') },
  },
  ko: {
    formal: same('{fullName}{title}님, 안녕하세요.'),
    honorific: same('{fullName}{title}님, 안녕하십니까.'),
    informal: '{givenName}님, 안녕하세요.',
    anonymous: '고객님, 안녕하십니까.',
    signOff: { formal: '감사합니다.', honorific: '감사합니다.', informal: '고맙습니다.' },
    titles: { dr: both(' 박사'), prof: both(' 교수') },
  },
  zh: {
    formal: { female: '尊敬的{surname}{title|女士}：', male: '尊敬的{surname}{title|先生}：', neutral: '尊敬的{fullName}，您好：' },
    informal: '{givenName}，你好！',
    anonymous: '尊敬的客户，您好：',
    signOff: { formal: '顺祝商祺！', honorific: '此致\n敬礼！', informal: '祝好！' },
    titles: { dr: both('博士'), prof: both('教授') },
  },
  'zh-Hant': {
    formal: { female: '{surname}{title|小姐}您好：', male: '{surname}{title|先生}您好：', neutral: '{fullName}您好：' },
    informal: '{givenName}你好：',
    anonymous: '親愛的客戶您好：',
    signOff: { formal: '敬祝 商祺', honorific: '敬祝 商祺', informal: '祝好' },
    titles: { dr: both('博士'), prof: both('教授') },
  },
  es: {
    formal: { female: 'Estimada {title|Sra.} {surname}:', male: 'Estimado {title|Sr.} {surname}:', neutral: 'Estimado/a {givenName} {surname}:' },
    informal: 'Hola, {givenName}:',
    anonymous: 'Estimado/a cliente:',
    signOff: { formal: 'Atentamente,', honorific: 'Atentamente,', informal: 'Un saludo,' },
    titles: { dr: { female: 'Dra.', male: 'Dr.' }, eng: both('Ing.') },
  },
  pt: {
    formal: { female: 'Prezada {title|Sra.} {surname},', male: 'Prezado {title|Sr.} {surname},', neutral: 'Prezado(a) {givenName} {surname},' },
    informal: 'Olá, {givenName},',
    anonymous: 'Prezado(a) cliente,',
    signOff: { formal: 'Atenciosamente,', honorific: 'Atenciosamente,', informal: 'Abraços,' },
    titles: { dr: { female: 'Dra.', male: 'Dr.' }, eng: both('Eng.') },
  },
  it: {
    formal: { female: 'Gentile {title|Sig.ra} {surname},', male: 'Gentile {title|Sig.} {surname},', neutral: 'Gentile {givenName} {surname},' },
    informal: 'Ciao {givenName},',
    anonymous: 'Gentile cliente,',
    signOff: { formal: 'Cordiali saluti,', honorific: 'Distinti saluti,', informal: 'Un saluto,' },
    titles: { dr: { female: 'Dott.ssa', male: 'Dott.' }, prof: { female: 'Prof.ssa', male: 'Prof.' }, eng: both('Ing.') },
  },
  fr: {
    formal: { female: 'Bonjour {title|Madame} {surname},', male: 'Bonjour {title|Monsieur} {surname},', neutral: 'Bonjour {givenName} {surname},' },
    informal: 'Bonjour {givenName},',
    anonymous: 'Madame, Monsieur,',
    signOff: { formal: 'Bien cordialement,', honorific: 'Veuillez agréer nos salutations distinguées.', informal: 'Bonne journée,' },
    titles: { dr: { female: 'Docteure', male: 'Docteur' } },
  },
  el: {
    formal: { female: 'Αξιότιμη κυρία {title} {surname},', male: 'Αξιότιμε κύριε {title} {surname},', neutral: 'Αγαπητέ/ή {givenName} {surname},' },
    informal: 'Γεια σας {givenName},',
    anonymous: 'Αξιότιμε κύριε/Αξιότιμη κυρία,',
    signOff: { formal: 'Με εκτίμηση,', honorific: 'Με εκτίμηση,', informal: 'Φιλικά,' },
    titles: { dr: both('Δρ.') },
  },
  fi: {
    formal: same('Hyvä {givenName} {surname},'),
    informal: 'Hei {givenName},',
    anonymous: 'Hyvä asiakas,',
    signOff: { formal: 'Ystävällisin terveisin', honorific: 'Ystävällisin terveisin', informal: 'Terveisin' },
    titles: {},
  },
  sv: {
    formal: same('Bästa {givenName} {surname},'),
    informal: 'Hej {givenName}!',
    anonymous: 'Hej!',
    signOff: { formal: 'Med vänliga hälsningar', honorific: 'Med vänliga hälsningar', informal: 'Hälsningar' },
    titles: {},
  },
  nl: {
    formal: { female: 'Geachte mevrouw {title} {surname},', male: 'Geachte heer {title} {surname},', neutral: 'Geachte {givenName} {surname},' },
    informal: 'Beste {givenName},',
    anonymous: 'Geachte heer/mevrouw,',
    signOff: { formal: 'Met vriendelijke groet,', honorific: 'Hoogachtend,', informal: 'Groeten,' },
    titles: { dr: both('dr.'), prof: both('prof.'), eng: both('ir.') },
  },
  tr: {
    formal: { female: 'Sayın {title} {givenName} Hanım,', male: 'Sayın {title} {givenName} Bey,', neutral: 'Sayın {givenName} {surname},' },
    informal: 'Merhaba {givenName},',
    anonymous: 'Sayın yetkili,',
    signOff: { formal: 'Saygılarımla,', honorific: 'Saygılarımla,', informal: 'İyi çalışmalar,' },
    titles: { dr: both('Dr.'), prof: both('Prof. Dr.') },
  },
  ru: {
    formal: { female: 'Уважаемая {title|госпожа} {surname}!', male: 'Уважаемый {title|господин} {surname}!', neutral: 'Здравствуйте, {givenName} {surname}!' },
    informal: 'Добрый день, {givenName}!',
    anonymous: 'Здравствуйте!',
    signOff: { formal: 'С уважением,', honorific: 'С глубоким уважением,', informal: 'Всего доброго,' },
    titles: { dr: both('доктор'), prof: both('профессор') },
  },
  ar: {
    formal: { female: '{title|السيدة} {surname} المحترمة،', male: '{title|السيد} {surname} المحترم،', neutral: 'تحية طيبة {givenName} {surname}،' },
    informal: 'مرحبًا {givenName}،',
    anonymous: 'تحية طيبة وبعد،',
    signOff: { formal: 'مع خالص التحية،', honorific: 'وتفضلوا بقبول فائق الاحترام،', informal: 'تحياتي،' },
    titles: { dr: { female: 'الدكتورة', male: 'الدكتور' }, eng: { female: 'المهندسة', male: 'المهندس' } },
  },
  hi: {
    formal: { female: 'आदरणीय {title|श्रीमती} {surname} जी,', male: 'आदरणीय {title|श्री} {surname} जी,', neutral: 'आदरणीय {givenName} जी,' },
    informal: 'नमस्ते {givenName} जी,',
    anonymous: 'आदरणीय महोदय/महोदया,',
    signOff: { formal: 'सादर,', honorific: 'सादर,', informal: 'धन्यवाद,' },
    titles: { dr: both('डॉ.') },
  },
};
