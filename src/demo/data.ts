/**
 * Demo customers, written as people there write them: names in their own script and order,
 * languages, time zones and the channels they use. Fictional companies; `.example` domains.
 */
export interface DemoContact {
  name: string;
  givenName: string;
  familyName: string;
  languages: string[];
  jobTitle: string;
  seniority: string;
  phone: string;
  email: string;
  preferredChannel: string;
}

export interface DemoOrganisation {
  key: string;
  name: string;
  domain: string;
  country: string;
  industry: string;
  city: string;
  address: string;
  timeZone: string;
  language: string;
  team: 'EMEA' | 'APAC' | 'Americas';
  tier: 'platinum' | 'gold' | 'silver' | 'bronze';
  coverage: '24x7' | 'business_hours' | 'extended';
  channels: string[];
  contacts: DemoContact[];
  assets: { model: string; serial: string }[];
}

const c = (name: string, givenName: string, familyName: string, languages: string[], jobTitle: string, seniority: string, phone: string, email: string, preferredChannel: string): DemoContact => ({
  name, givenName, familyName, languages, jobTitle, seniority, phone, email, preferredChannel,
});

export const demoOrganisations: DemoOrganisation[] = [
  {
    key: 'galil', name: 'Galil Medical Systems', domain: 'galil-medical.example', country: 'IL', industry: 'Medical devices', city: 'Haifa', address: 'HaAtzmaut 12',
    timeZone: 'Asia/Jerusalem', language: 'he', team: 'EMEA', tier: 'gold', coverage: 'business_hours', channels: ['whatsapp', 'email', 'phone'],
    contacts: [
      c('נועה כהן', 'נועה', 'כהן', ['he', 'en'], 'Biomedical engineering lead', 'senior', '+972521234567', 'noa@galil-medical.example', 'whatsapp'),
      c('אבי לוי', 'אבי', 'לוי', ['he'], 'Technician', 'regular', '+972541112233', 'avi@galil-medical.example', 'phone'),
    ],
    assets: [{ model: 'Lumen CT-64 scanner', serial: 'CT64-IL-0091' }, { model: 'Lumen MR-15', serial: 'MR15-IL-0032' }],
  },
  {
    key: 'kessler', name: 'Kessler Maschinenbau GmbH', domain: 'kessler-mb.example', country: 'DE', industry: 'Manufacturing', city: 'Stuttgart', address: 'Industriestraße 40',
    timeZone: 'Europe/Berlin', language: 'de', team: 'EMEA', tier: 'platinum', coverage: '24x7', channels: ['email', 'phone'],
    contacts: [
      c('Dr. Katrin Weber', 'Katrin', 'Weber', ['de', 'en'], 'Leiterin Instandhaltung', 'senior', '+4971112345678', 'k.weber@kessler-mb.example', 'email'),
      c('Jonas Fischer', 'Jonas', 'Fischer', ['de'], 'Schichtleiter', 'regular', '+4917612345678', 'j.fischer@kessler-mb.example', 'email'),
    ],
    assets: [{ model: 'Vortex 5-axis CNC V500', serial: 'V500-DE-1187' }, { model: 'Vortex laser cutter L3', serial: 'L3-DE-0455' }],
  },
  {
    key: 'tanaka', name: '田中精密株式会社 (Tanaka Seimitsu)', domain: 'tanaka-seimitsu.example', country: 'JP', industry: 'Precision parts', city: 'Osaka', address: '大阪市北区梅田 2-4-9',
    timeZone: 'Asia/Tokyo', language: 'ja', team: 'APAC', tier: 'platinum', coverage: 'extended', channels: ['email', 'phone', 'line'],
    contacts: [
      c('田中 由紀', '由紀', '田中', ['ja', 'en'], '品質保証部 部長', 'senior', '+81661234567', 'yuki.tanaka@tanaka-seimitsu.example', 'email'),
      c('佐藤 健', '健', '佐藤', ['ja'], '生産技術課 主任', 'regular', '+819012345678', 'k.sato@tanaka-seimitsu.example', 'phone'),
    ],
    assets: [{ model: 'Vortex 5-axis CNC V500', serial: 'V500-JP-0203' }, { model: 'Metrix CMM 900', serial: 'CMM9-JP-0017' }],
  },
  {
    key: 'sharma', name: 'Sharma Textiles Pvt. Ltd.', domain: 'sharma-textiles.example', country: 'IN', industry: 'Textiles', city: 'Mumbai', address: 'Lower Parel, Senapati Bapat Marg 88',
    timeZone: 'Asia/Kolkata', language: 'en', team: 'APAC', tier: 'silver', coverage: 'business_hours', channels: ['phone', 'whatsapp', 'email'],
    contacts: [
      c('Priya Sharma', 'Priya', 'Sharma', ['en', 'hi'], 'Plant Manager', 'senior', '+919812345678', 'priya@sharma-textiles.example', 'phone'),
      c('Rahul Mehta', 'Rahul', 'Mehta', ['hi', 'en'], 'Maintenance Engineer', 'regular', '+919876543210', 'rahul@sharma-textiles.example', 'whatsapp'),
    ],
    assets: [{ model: 'Weave-X loom controller', serial: 'WX-IN-5521' }],
  },
  {
    key: 'wisniewski', name: 'Wiśniewski Logistyka Sp. z o.o.', domain: 'wisniewski-log.example', country: 'PL', industry: 'Logistics', city: 'Warszawa', address: 'ul. Marszałkowska 140',
    timeZone: 'Europe/Warsaw', language: 'pl', team: 'EMEA', tier: 'gold', coverage: 'business_hours', channels: ['email', 'phone'],
    contacts: [
      c('Agnieszka Wiśniewska', 'Agnieszka', 'Wiśniewska', ['pl', 'en'], 'Kierownik działu IT', 'senior', '+48221234567', 'a.wisniewska@wisniewski-log.example', 'email'),
      c('Piotr Kowalski', 'Piotr', 'Kowalski', ['pl'], 'Specjalista ds. utrzymania ruchu', 'regular', '+48601234567', 'p.kowalski@wisniewski-log.example', 'phone'),
    ],
    assets: [{ model: 'SortPro conveyor PLC', serial: 'SP-PL-3301' }],
  },
  {
    key: 'jarvinen', name: 'Järvinen Oy', domain: 'jarvinen.example', country: 'FI', industry: 'Paper & pulp', city: 'Helsinki', address: 'Mannerheimintie 20',
    timeZone: 'Europe/Helsinki', language: 'fi', team: 'EMEA', tier: 'silver', coverage: 'business_hours', channels: ['email'],
    contacts: [
      c('Mikko Järvinen', 'Mikko', 'Järvinen', ['fi', 'en', 'sv'], 'Tuotantopäällikkö', 'senior', '+358401234567', 'mikko@jarvinen.example', 'email'),
      c('Aino Virtanen', 'Aino', 'Virtanen', ['fi', 'en'], 'Kunnossapitoinsinööri', 'regular', '+358501234567', 'aino@jarvinen.example', 'email'),
    ],
    assets: [{ model: 'Roll-IQ sensor array', serial: 'RIQ-FI-0077' }],
  },
  {
    key: 'horizonte', name: 'Construtora Horizonte Ltda.', domain: 'horizonte.example', country: 'BR', industry: 'Construction', city: 'São Paulo', address: 'Av. Paulista 1500',
    timeZone: 'America/Sao_Paulo', language: 'pt', team: 'Americas', tier: 'bronze', coverage: 'business_hours', channels: ['whatsapp', 'phone'],
    contacts: [
      c('Ana Souza', 'Ana', 'Souza', ['pt'], 'Gerente de Operações', 'senior', '+5511912345678', 'ana.souza@horizonte.example', 'whatsapp'),
      c('João Oliveira', 'João', 'Oliveira', ['pt', 'es'], 'Técnico de Manutenção', 'regular', '+5511987654321', 'joao@horizonte.example', 'phone'),
    ],
    assets: [{ model: 'TowerLift crane telemetry', serial: 'TL-BR-1204' }],
  },
  {
    key: 'brightline', name: 'Brightline Health Inc.', domain: 'brightline.example', country: 'US', industry: 'Healthcare', city: 'New York', address: '350 5th Ave',
    timeZone: 'America/New_York', language: 'en', team: 'Americas', tier: 'gold', coverage: '24x7', channels: ['email', 'webchat', 'phone'],
    contacts: [
      c('Emily Carter', 'Emily', 'Carter', ['en'], 'Director of Clinical Engineering', 'senior', '+12125550142', 'emily.carter@brightline.example', 'email'),
      c('Michael Brooks', 'Michael', 'Brooks', ['en', 'es'], 'Biomed Technician', 'regular', '+12125550178', 'm.brooks@brightline.example', 'webchat'),
    ],
    assets: [{ model: 'Lumen CT-64 scanner', serial: 'CT64-US-0412' }, { model: 'Lumen X-ray DR2', serial: 'DR2-US-0981' }],
  },
  {
    key: 'huaxin', name: '华信精密 (Huaxin Precision)', domain: 'huaxin.example', country: 'CN', industry: 'Electronics', city: '深圳', address: '南山区科技园 18号',
    timeZone: 'Asia/Shanghai', language: 'zh', team: 'APAC', tier: 'gold', coverage: 'extended', channels: ['wechat', 'phone', 'email'],
    contacts: [
      c('王伟', '伟', '王', ['zh', 'en'], '设备部经理', 'senior', '+8613812345678', 'wang.wei@huaxin.example', 'wechat'),
      c('李娜', '娜', '李', ['zh'], '工程师', 'regular', '+8613987654321', 'li.na@huaxin.example', 'phone'),
    ],
    assets: [{ model: 'PickPlace SMT-8', serial: 'SMT8-CN-2290' }],
  },
  {
    key: 'sanrafael', name: 'Hospital San Rafael', domain: 'hsanrafael.example', country: 'ES', industry: 'Healthcare', city: 'Madrid', address: 'Calle de Serrano 199',
    timeZone: 'Europe/Madrid', language: 'es', team: 'EMEA', tier: 'gold', coverage: '24x7', channels: ['phone', 'whatsapp', 'email'],
    contacts: [
      c('Lucía García', 'Lucía', 'García', ['es', 'en'], 'Jefa de Electromedicina', 'senior', '+34911234567', 'lucia.garcia@hsanrafael.example', 'phone'),
      c('Javier Martínez', 'Javier', 'Martínez', ['es'], 'Técnico', 'regular', '+34612345678', 'javier@hsanrafael.example', 'whatsapp'),
    ],
    assets: [{ model: 'Lumen MR-15', serial: 'MR15-ES-0150' }],
  },
  {
    key: 'romano', name: 'Fratelli Romano S.p.A.', domain: 'fratelliromano.example', country: 'IT', industry: 'Food processing', city: 'Milano', address: 'Via Torino 61',
    timeZone: 'Europe/Rome', language: 'it', team: 'EMEA', tier: 'silver', coverage: 'business_hours', channels: ['phone', 'whatsapp'],
    contacts: [c('Giulia Romano', 'Giulia', 'Romano', ['it', 'en'], 'Responsabile di stabilimento', 'senior', '+390212345678', 'giulia@fratelliromano.example', 'phone')],
    assets: [{ model: 'FillLine bottler B40', serial: 'B40-IT-0666' }],
  },
  {
    key: 'hanbit', name: '한빛전자 (Hanbit Electronics)', domain: 'hanbit.example', country: 'KR', industry: 'Electronics', city: '서울', address: '강남구 테헤란로 152',
    timeZone: 'Asia/Seoul', language: 'ko', team: 'APAC', tier: 'gold', coverage: 'extended', channels: ['kakaotalk', 'email', 'phone'],
    contacts: [c('김민준', '민준', '김', ['ko', 'en'], '생산관리팀 차장', 'senior', '+821012345678', 'minjun.kim@hanbit.example', 'email')],
    assets: [{ model: 'PickPlace SMT-8', serial: 'SMT8-KR-0410' }],
  },
];

/** Subjects and first messages per language: what customers there actually write about. `{name}` and `{family}` are the writer's. */
export const demoIssues: Record<string, { subject: string; body: string }[]> = {
  he: [
    { subject: 'הסורק לא עולה אחרי עדכון', body: 'שלום, מאז העדכון אתמול הסורק לא עולה ומציג שגיאה E-214. יש לנו מטופלים ממתינים. אפשר לקבל טכנאי היום?' },
    { subject: 'בקשה להצעת מחיר לחוזה שירות', body: 'היי, נשמח לקבל הצעה להרחבת חוזה השירות גם לאתר בירושלים.' },
    { subject: 'רעש חריג במערכת הקירור', body: 'שלום, יש רעש חזק ממערכת הקירור של ה-MR מהבוקר. לכבות?' },
  ],
  de: [
    { subject: 'Spindel überhitzt nach 2 Stunden Betrieb', body: 'Sehr geehrte Damen und Herren,\n\ndie Spindel der V500 überhitzt seit Montag nach etwa zwei Stunden (Alarm 4031). Wir bitten um eine Analyse und einen Termin gemäß Wartungsvertrag.\n\nMit freundlichen Grüßen\n{name}' },
    { subject: 'Rechnung 2026-0871: Position 3 unklar', body: 'Guten Tag,\n\nPosition 3 der Rechnung 2026-0871 ist im Vertrag nicht enthalten. Bitte um Klärung.\n\nMit freundlichen Grüßen' },
    { subject: 'Abnahmeprotokoll für Laserschneider fehlt', body: 'Sehr geehrte Damen und Herren,\n\nfür die Installation des L3 fehlt uns noch das unterschriebene Abnahmeprotokoll. Ohne dieses können wir die Anlage nicht freigeben.' },
  ],
  ja: [
    { subject: '測定機の校正について', body: 'いつも大変お世話になっております。\n田中精密の{family}でございます。\n\nCMM 900の校正証明書の有効期限が来月末となっております。校正作業の日程をご相談させていただけますでしょうか。\n\n何卒よろしくお願い申し上げます。' },
    { subject: '加工精度の低下について（至急）', body: 'お世話になっております。\nV500にて加工精度が±5μmから±12μmに低下しております。来週お客様の監査があるため、早急にご対応いただけますと幸いです。' },
    { subject: '保守契約更新のお見積りのお願い', body: 'お世話になっております。来期の保守契約更新につき、お見積りをお送りいただけますでしょうか。' },
  ],
  en: [
    { subject: 'Question about the new firmware release', body: 'Hi, is the new firmware release compatible with our installed units, and does installing it affect our warranty?' },
    { subject: 'Still waiting for the technician', body: 'This is the third time I am writing about this. The technician was supposed to come on Tuesday. Nobody has called back.' },
  ],
  pl: [
    { subject: 'Awaria sterownika przenośnika', body: 'Szanowni Państwo,\n\nod rana sterownik przenośnika SP-3301 zgłasza błąd komunikacji. Sortownia stoi. Prosimy o pilny kontakt.\n\nZ poważaniem\n{name}' },
    { subject: 'Prośba o raport z przeglądu', body: 'Dzień dobry,\n\nprosimy o przesłanie raportu z ostatniego przeglądu serwisowego.\n\nPozdrawiam' },
  ],
  fi: [
    { subject: 'Anturin lukemat heittelevät', body: 'Hei,\n\nRoll-IQ-anturin lukemat heittelevät linjalla 2 noin 8 %. Liitteenä loki. Pyydämme korjausehdotusta sähköpostilla.\n\nTerveisin\n{name}' },
    { subject: 'Huoltosopimuksen laajennus', body: 'Hei, haluaisimme tarjouksen huoltosopimuksen laajentamisesta Tampereen tehtaalle.' },
  ],
  pt: [
    { subject: 'Guindaste sem telemetria desde ontem', body: 'Olá! A telemetria do guindaste da obra Vila Mariana parou desde ontem à tarde. Podem ligar pra gente? Obrigada!' },
    { subject: 'Alarme de sobrecarga falso', body: 'Oi pessoal, o sistema está dando alarme de sobrecarga sem carga nenhuma. Me liga quando puder, por favor.' },
  ],
  zh: [
    { subject: '贴片机吸嘴报警', body: '您好，SMT-8贴片机从今天上午开始频繁出现吸嘴真空报警，影响生产。请尽快安排工程师。谢谢！' },
    { subject: '申请年度保养', body: '您好，请安排本季度的预防性保养，并提供保养报告模板。' },
  ],
  es: [
    { subject: 'Resonancia parada: error de helio', body: 'Hola, la resonancia MR-15 muestra un aviso de nivel de helio bajo y se ha parado. Tenemos la agenda llena. ¿Nos pueden llamar urgentemente?' },
    { subject: 'Consulta sobre la formación del personal', body: 'Buenos días, queríamos saber si la formación para los técnicos nuevos está incluida en el contrato.' },
  ],
  it: [
    { subject: 'Imbottigliatrice ferma', body: 'Buongiorno, la B40 si è fermata con errore 77 durante il turno di notte. Abbiamo un ordine grosso in uscita. Mi richiamate subito per favore?' },
  ],
  ko: [
    { subject: '장비 노즐 오류 문의', body: '안녕하십니까. 한빛전자 {name}입니다. SMT-8 장비에서 노즐 오류가 반복 발생하고 있습니다. 확인 부탁드립니다.' },
  ],
};

/**
 * Issues of one organisation where its language's list would not fit its industry: an Indian
 * textile mill and a US hospital both write English, but only one of them has a CT scanner.
 */
export const demoIssuesByOrganisation: Record<string, { subject: string; body: string }[]> = {
  sharma: [
    { subject: 'Loom controller keeps rebooting', body: 'Hi team, the Weave-X controller on line 4 reboots every 20 minutes since this morning. Production is stopped. Please call me as soon as possible.' },
    { subject: 'Loom warp tension alarm on line 2', body: 'Hello, the Weave-X controller on line 2 raises a warp tension alarm every few metres although the yarn is fine. Can an engineer check the sensor calibration?' },
    { subject: 'Question about the Weave-X firmware release', body: 'Hi, is firmware 5.2 compatible with our Weave-X loom controllers, and does installing it affect our warranty?' },
    { subject: 'Still waiting for the technician', body: 'This is the third time I am writing about this. The technician was supposed to come on Tuesday for the loom controller. Nobody has called back.' },
  ],
  brightline: [
    { subject: 'CT scanner table motor error', body: 'Hello, our CT-64 shows "table motor fault" intermittently. We had to reschedule three patients today. Can someone look at it?' },
    { subject: 'X-ray DR2 detector needs recalibration', body: 'Hi, images from the DR2 in room 3 show a faint grid pattern since Monday. We think the detector needs recalibrating. When can someone come?' },
    { subject: 'Question about the new firmware release', body: 'Hi, is firmware 5.2 compatible with our DR2 units, and does installing it affect our warranty?' },
    { subject: 'Still waiting for the technician', body: 'This is the third time I am writing about this. The technician was supposed to come on Tuesday for the CT scanner. Nobody has called back.' },
  ],
};

/** Agents' replies per language, and what customers say next. Placeholders: {name}, {given}, {family}, {salutation}. */
export const demoReplies: Record<string, { agent: string[]; customer: string[] }> = {
  he: { agent: ['היי {given}, קיבלנו. טכנאי יתקשר אלייך תוך שעה.', 'עדכון: החלק בדרך, נגיע מחר בבוקר.'], customer: ['תודה, מחכה.', 'עדיין לא התקשרו אליי...'] },
  de: { agent: ['{salutation}\n\nvielen Dank für Ihre Meldung. Wir haben die Log-Dateien angefordert und melden uns bis morgen 12:00 Uhr mit einer Analyse.\n\nMit freundlichen Grüßen'], customer: ['Die Log-Dateien finden Sie im Anhang.', 'Gibt es schon einen Termin?'] },
  ja: { agent: ['{family}様\n\nいつも大変お世話になっております。\nご連絡いただき誠にありがとうございます。担当エンジニアより本日中にご連絡申し上げます。\n\n何卒よろしくお願い申し上げます。'], customer: ['ご対応ありがとうございます。', '進捗はいかがでしょうか。'] },
  en: { agent: ['Hi, thanks for letting us know. An engineer will call you within the hour.', 'Update: the replacement part ships today; we will confirm the visit time by 5 pm.'], customer: ['Thanks. Please keep me posted.', 'Any update? It is still down.'] },
  pl: { agent: ['{salutation}\n\ndziękujemy za zgłoszenie. Technik skontaktuje się z Panią w ciągu godziny.\n\nZ poważaniem'], customer: ['Dziękuję, czekam na kontakt.', 'Czy jest już termin wizyty?'] },
  fi: { agent: ['Hei {given},\n\nkiitos lokista. Analysoimme sen ja lähetämme korjausohjeen huomenna.\n\nTerveisin'], customer: ['Kiitos.'] },
  pt: { agent: ['Olá {given}! Já estamos verificando, te ligo em 30 minutos.', '{given}, o técnico chega amanhã às 9h.'], customer: ['Obrigada!!', 'Alguma novidade?'] },
  zh: { agent: ['{family}经理您好，我们已收到，工程师将于今天下午联系您。'], customer: ['好的，谢谢。', '请问工程师什么时候到？'] },
  es: { agent: ['Hola {given}, ya lo estamos revisando. Te llamamos en 20 minutos.'], customer: ['Gracias.', '¿Hay novedades?'] },
  it: { agent: ['Buongiorno {given}, la chiamo tra dieci minuti.'], customer: ['Grazie mille!'] },
  ko: { agent: ['{name}님, 안녕하십니까. 담당 엔지니어가 오늘 중으로 연락드리겠습니다.'], customer: ['감사합니다.'] },
};

export const demoAgents = [
  { email: 'ada@rapport.example', name: 'Ada Lindqvist', role: 'admin' as const, team: 'EMEA', languages: ['en', 'sv', 'fi'], timeZone: 'Europe/Stockholm', seniority: 'principal' as const, skills: ['admin'] },
  { email: 'maya@rapport.example', name: 'Maya Ben-David', role: 'manager' as const, team: 'EMEA', languages: ['he', 'en'], timeZone: 'Asia/Jerusalem', seniority: 'senior' as const, skills: ['imaging'] },
  { email: 'tomasz@rapport.example', name: 'Tomasz Nowak', role: 'agent' as const, team: 'EMEA', languages: ['pl', 'de', 'en'], timeZone: 'Europe/Warsaw', seniority: 'senior' as const, skills: ['cnc', 'plc'] },
  { email: 'lea@rapport.example', name: 'Lea Hoffmann', role: 'agent' as const, team: 'EMEA', languages: ['de', 'en', 'es', 'it'], timeZone: 'Europe/Berlin', seniority: 'regular' as const, skills: ['imaging'] },
  { email: 'aiko@rapport.example', name: 'Aiko Yamamoto', role: 'agent' as const, team: 'APAC', languages: ['ja', 'en', 'ko'], timeZone: 'Asia/Tokyo', seniority: 'senior' as const, skills: ['cnc', 'metrology'] },
  { email: 'arjun@rapport.example', name: 'Arjun Iyer', role: 'agent' as const, team: 'APAC', languages: ['en', 'hi', 'zh'], timeZone: 'Asia/Kolkata', seniority: 'regular' as const, skills: ['textiles', 'smt'] },
  { email: 'carlos@rapport.example', name: 'Carlos Mendes', role: 'agent' as const, team: 'Americas', languages: ['pt', 'es', 'en'], timeZone: 'America/Sao_Paulo', seniority: 'regular' as const, skills: ['telemetry', 'imaging'] },
  { email: 'lars@rapport.example', name: 'Lars Eriksen', role: 'field_engineer' as const, team: 'EMEA', languages: ['en', 'de'], timeZone: 'Europe/Berlin', seniority: 'senior' as const, skills: ['cnc', 'imaging'] },
  { email: 'sam@rapport.example', name: 'Sam Okafor', role: 'sales' as const, team: 'Americas', languages: ['en'], timeZone: 'America/New_York', seniority: 'regular' as const, skills: [] },
];

export const demoTeams = [
  { name: 'EMEA', email: 'support@example.com', timeZone: 'Europe/Berlin' },
  { name: 'APAC', email: 'apac@example.com', timeZone: 'Asia/Singapore' },
  { name: 'Americas', email: 'americas@example.com', timeZone: 'America/New_York' },
];
