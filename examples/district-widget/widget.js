// Integrationsgraph district widget: a district's integration contacts (phone, e-mail, office
// hours) and its offers. No framework, no build step; data is inserted as text, never as HTML.
// Reads are GETs, so browsers send no preflight and caches can keep the answers; a reader's
// "Fehler melden" (report an error) is the one POST.
//
// The widget speaks German, English, Arabic (right to left) and Ukrainian (`data-lang`, and a
// switch). It asks the API for the same language; texts the district has not translated come
// in German, and every text is marked with its language (`lang`) for screen readers.

const QUERY = `query DistrictWidget($ags: String!, $asOf: Date, $lang: String) {
  district(ags: $ags) {
    name
    kind
    contacts(asOf: $asOf) {
      edges { node {
        id
        vcardUrl
        person { displayName }
        position { title(lang: $lang) localized(lang: $lang) { field language } }
        channels { kind value printed href }
        addresses { kind printed coordinates { mapUrl } accessibility { stepFreeEntrance lift accessibleToilet hearingLoop note } }
        officeHours { printed(lang: $lang) localized(lang: $lang) { field language } byAppointment appointmentRequired isOpen nextChange { at opens } icalUrl location { printed } intervals { weekday opens closes } }
      } }
    }
    offers(first: 50) {
      totalCount
      edges { node { id title(lang: $lang) nominativeTitle localized(lang: $lang) { field language } description(lang: $lang) providerName nominativeProviderName website online places { municipality { name } coordinates { mapUrl } accessibility { stepFreeEntrance lift accessibleToilet hearingLoop note } } category targetGroups languages } }
    }
  }
}`;

// The same query is a trusted document of the API (schema/operations/DistrictWidget.graphql):
// sent by this hash, the request is short and the same for every reader, so that a cache
// between browser and API can keep it. A server that does not know the hash gets the text.
const QUERY_HASH = 'sha256:3eab7c5c1145b4f77a06018783736a57b9d260047d476d4b77987e18b673b01b';

const LANGUAGES = { de: 'Deutsch', en: 'English', ar: 'العربية', uk: 'Українська' };
const RIGHT_TO_LEFT = new Set(['ar', 'fa']);

const LABELS = {
  de: {
    heading: (district) => `Integration ${germanPlace(district)}`,
    contacts: 'Ansprechpersonen',
    offers: 'Angebote',
    noContacts: 'Keine Ansprechpersonen erfasst.',
    noOffers: 'Für diesen Landkreis sind keine Angebote erfasst.',
    officeHours: 'Sprechzeiten',
    byAppointment: 'und nach Vereinbarung',
    openNow: (next) => `Jetzt geöffnet${next ? ` – schließt ${next} Uhr` : ''}`,
    closed: (next) => `Geschlossen${next ? ` – öffnet ${next} Uhr` : ''}`,
    saveContact: 'Kontakt speichern (vCard)',
    addToCalendar: 'In den Kalender übernehmen',
    places: 'Orte',
    online: 'auch online',
    addresses: { VISITOR: 'Besucheranschrift', POSTAL: 'Postanschrift' },
    onMap: 'Auf der Karte',
    access: {
      label: 'Barrierefreiheit',
      stepFreeEntrance: ['stufenloser Zugang', 'kein stufenloser Zugang'],
      lift: ['Aufzug', 'kein Aufzug'],
      accessibleToilet: ['barrierefreies WC', 'kein barrierefreies WC'],
      hearingLoop: ['induktive Höranlage', 'keine induktive Höranlage'],
    },
    channels: { PHONE: 'Telefon', MOBILE: 'Mobil', FAX: 'Fax', EMAIL: 'E-Mail', WEB_FORM: 'Kontaktformular' },
    report: 'Fehler melden',
    topic: 'Betrifft',
    topics: {
      GENERAL: 'Allgemein',
      NAME_OR_TITLE: 'Name oder Bezeichnung',
      PHONE_OR_EMAIL: 'Telefon oder E-Mail',
      ADDRESS: 'Adresse',
      OFFICE_HOURS: 'Sprechzeiten',
    },
    whatIsWrong: 'Was ist falsch?',
    yourEmail: 'Ihre E-Mail für Rückfragen (freiwillig, wird nicht veröffentlicht)',
    send: 'Meldung senden',
    sending: 'Wird gesendet …',
    thanks: (reference) => `Danke! Ihre Meldung ist eingegangen (Nr. ${reference}).`,
    notSent: (reason) => `Die Meldung konnte nicht gesendet werden: ${reason}`,
    refusals: {
      message: 'Bitte beschreiben Sie in Worten, was falsch ist: 10 bis 2.000 Zeichen, höchstens 2 Links.',
      contactEmail: 'Bitte geben Sie eine gültige E-Mail-Adresse an oder lassen Sie das Feld leer.',
      other: 'Bitte versuchen Sie es später noch einmal.',
    },
    failed: 'Die Ansprechpersonen und Angebote können gerade nicht angezeigt werden. Bitte versuchen Sie es später noch einmal.',
    districtPage: 'Zur Website des Landkreises',
    loading: 'Lade Ansprechpersonen und Angebote …',
    unreachable: (host) => `Die Daten konnten nicht geladen werden: ${host} ist nicht erreichbar oder lässt diese Website nicht zu.`,
    language: 'Sprache',
    contentInGerman: null,
    categories: {
      ADULT_EDUCATION: 'Erwachsenenbildung',
      CHILDCARE: 'Kinderbetreuung',
      COUNSELLING: 'Beratung',
      HEALTH: 'Gesundheit',
      INFORMATION: 'Information',
      LANGUAGE_COURSE: 'Sprachkurs',
      RETURN_COUNSELLING: 'Rückkehrberatung',
      SCHOOL_SOCIAL_WORK: 'Schulsozialarbeit',
      SOCIAL_SERVICES: 'Soziale Dienste',
    },
    targetGroups: {
      ALL_RESIDENTS: 'Alle Einwohner',
      CHILDREN: 'Kinder',
      MUNICIPALITIES: 'Gemeinden',
      NEWCOMERS: 'Neuzugewanderte',
      PARENTS: 'Eltern',
      PUPILS: 'Schülerinnen und Schüler',
      REFUGEES: 'Geflüchtete',
    },
    filters: {
      category: 'Art',
      targetGroup: 'Für',
      language: 'Sprache des Angebots',
      all: 'alle',
      none: 'Keine Angebote passen zu dieser Auswahl.',
    },
  },
  en: {
    heading: (district) => `Integration in ${district.name}`,
    contacts: 'Contacts',
    offers: 'Offers',
    noContacts: 'No contacts recorded.',
    noOffers: 'No offers are recorded for this district.',
    officeHours: 'Office hours',
    byAppointment: 'and by appointment',
    openNow: (next) => `Open now${next ? ` – closes ${next}` : ''}`,
    closed: (next) => `Closed${next ? ` – opens ${next}` : ''}`,
    saveContact: 'Save contact (vCard)',
    addToCalendar: 'Add to calendar',
    places: 'Places',
    online: 'also online',
    addresses: { VISITOR: 'Visitor address', POSTAL: 'Postal address' },
    onMap: 'On the map',
    access: {
      label: 'Access',
      stepFreeEntrance: ['step-free entrance', 'no step-free entrance'],
      lift: ['lift', 'no lift'],
      accessibleToilet: ['accessible toilet', 'no accessible toilet'],
      hearingLoop: ['hearing loop', 'no hearing loop'],
    },
    channels: { PHONE: 'Phone', MOBILE: 'Mobile', FAX: 'Fax', EMAIL: 'E-mail', WEB_FORM: 'Contact form' },
    report: 'Report an error',
    topic: 'About',
    topics: {
      GENERAL: 'General',
      NAME_OR_TITLE: 'Name or title',
      PHONE_OR_EMAIL: 'Phone or e-mail',
      ADDRESS: 'Address',
      OFFICE_HOURS: 'Office hours',
    },
    whatIsWrong: 'What is wrong?',
    yourEmail: 'Your e-mail for questions (optional, never published)',
    send: 'Send report',
    sending: 'Sending …',
    thanks: (reference) => `Thank you! Your report has arrived (no. ${reference}).`,
    notSent: (reason) => `The report could not be sent: ${reason}`,
    refusals: {
      message: 'Please say in words what is wrong: 10 to 2,000 characters, at most 2 links.',
      contactEmail: 'Please give a valid e-mail address or leave the field empty.',
      other: 'Please try again later.',
    },
    failed: 'The contacts and offers cannot be shown right now. Please try again later.',
    districtPage: 'To the district’s website',
    loading: 'Loading contacts and offers …',
    unreachable: (host) => `The data could not be loaded: ${host} cannot be reached or does not allow this website.`,
    language: 'Language',
    contentInGerman: 'Where the district has no translation, its details are in German.',
    categories: {
      ADULT_EDUCATION: 'Adult education',
      CHILDCARE: 'Childcare',
      COUNSELLING: 'Counselling',
      HEALTH: 'Health',
      INFORMATION: 'Information',
      LANGUAGE_COURSE: 'Language course',
      RETURN_COUNSELLING: 'Return counselling',
      SCHOOL_SOCIAL_WORK: 'School social work',
      SOCIAL_SERVICES: 'Social services',
    },
    targetGroups: {
      ALL_RESIDENTS: 'All residents',
      CHILDREN: 'Children',
      MUNICIPALITIES: 'Municipalities',
      NEWCOMERS: 'Newcomers',
      PARENTS: 'Parents',
      PUPILS: 'Pupils',
      REFUGEES: 'Refugees',
    },
    filters: { category: 'Kind', targetGroup: 'For', language: 'Language of the offer', all: 'all', none: 'No offers match this choice.' },
  },
  ar: {
    heading: (district) => `الاندماج في ${district.name}`,
    contacts: 'جهات الاتصال',
    offers: 'العروض',
    noContacts: 'لا توجد جهات اتصال مسجلة.',
    noOffers: 'لا توجد عروض مسجلة لهذه المقاطعة.',
    officeHours: 'ساعات الاستقبال',
    byAppointment: 'وبموعد مسبق',
    openNow: (next) => `مفتوح الآن${next ? ` – يغلق ${next}` : ''}`,
    closed: (next) => `مغلق${next ? ` – يفتح ${next}` : ''}`,
    saveContact: 'حفظ جهة الاتصال (vCard)',
    addToCalendar: 'إضافة إلى التقويم',
    places: 'الأماكن',
    online: 'متاح عبر الإنترنت أيضًا',
    addresses: { VISITOR: 'عنوان الزوار', POSTAL: 'العنوان البريدي' },
    onMap: 'على الخريطة',
    access: {
      label: 'إمكانية الوصول',
      stepFreeEntrance: ['مدخل بدون درج', 'لا يوجد مدخل بدون درج'],
      lift: ['مصعد', 'لا يوجد مصعد'],
      accessibleToilet: ['مرحاض مهيأ لذوي الإعاقة', 'لا يوجد مرحاض مهيأ لذوي الإعاقة'],
      hearingLoop: ['حلقة سمعية', 'لا توجد حلقة سمعية'],
    },
    channels: { PHONE: 'هاتف', MOBILE: 'جوال', FAX: 'فاكس', EMAIL: 'بريد إلكتروني', WEB_FORM: 'نموذج الاتصال' },
    report: 'الإبلاغ عن خطأ',
    topic: 'الموضوع',
    topics: {
      GENERAL: 'عام',
      NAME_OR_TITLE: 'الاسم أو المسمى',
      PHONE_OR_EMAIL: 'الهاتف أو البريد الإلكتروني',
      ADDRESS: 'العنوان',
      OFFICE_HOURS: 'ساعات الاستقبال',
    },
    whatIsWrong: 'ما الخطأ؟',
    yourEmail: 'بريدك الإلكتروني للاستفسار (اختياري، لا يُنشر)',
    send: 'إرسال البلاغ',
    sending: 'جارٍ الإرسال …',
    thanks: (reference) => `شكراً! وصل بلاغك (رقم ${reference}).`,
    notSent: (reason) => `تعذّر إرسال البلاغ: ${reason}`,
    refusals: {
      message: 'يرجى وصف الخطأ بالكلمات: من 10 إلى 2000 حرف، ورابطان على الأكثر.',
      contactEmail: 'يرجى إدخال عنوان بريد إلكتروني صالح أو ترك الحقل فارغًا.',
      other: 'يرجى المحاولة مرة أخرى لاحقًا.',
    },
    failed: 'لا يمكن عرض جهات الاتصال والعروض حاليًا. يرجى المحاولة لاحقًا.',
    districtPage: 'إلى موقع المقاطعة',
    loading: 'جارٍ تحميل جهات الاتصال والعروض …',
    unreachable: (host) => `تعذّر تحميل البيانات: لا يمكن الوصول إلى ${host} أو أنه لا يسمح لهذا الموقع.`,
    language: 'اللغة',
    contentInGerman: 'حيث لا توجد ترجمة من المقاطعة، تظهر المعلومات باللغة الألمانية.',
    categories: {
      ADULT_EDUCATION: 'تعليم الكبار',
      CHILDCARE: 'رعاية الأطفال',
      COUNSELLING: 'استشارة',
      HEALTH: 'الصحة',
      INFORMATION: 'معلومات',
      LANGUAGE_COURSE: 'دورة لغة',
      RETURN_COUNSELLING: 'استشارة العودة',
      SCHOOL_SOCIAL_WORK: 'العمل الاجتماعي المدرسي',
      SOCIAL_SERVICES: 'الخدمات الاجتماعية',
    },
    targetGroups: {
      ALL_RESIDENTS: 'جميع السكان',
      CHILDREN: 'الأطفال',
      MUNICIPALITIES: 'البلديات',
      NEWCOMERS: 'القادمون الجدد',
      PARENTS: 'الآباء والأمهات',
      PUPILS: 'التلاميذ',
      REFUGEES: 'اللاجئون',
    },
    filters: { category: 'النوع', targetGroup: 'لمن', language: 'لغة العرض', all: 'الكل', none: 'لا توجد عروض تطابق هذا الاختيار.' },
  },
  uk: {
    heading: (district) => `Інтеграція: ${district.name}`,
    contacts: 'Контактні особи',
    offers: 'Пропозиції',
    noContacts: 'Контактних осіб не внесено.',
    noOffers: 'Для цього району пропозицій не внесено.',
    officeHours: 'Години прийому',
    byAppointment: 'і за домовленістю',
    openNow: (next) => `Зараз відчинено${next ? ` – зачиняється ${next}` : ''}`,
    closed: (next) => `Зачинено${next ? ` – відчиняється ${next}` : ''}`,
    saveContact: 'Зберегти контакт (vCard)',
    addToCalendar: 'Додати до календаря',
    places: 'Місця',
    online: 'також онлайн',
    addresses: { VISITOR: 'Адреса для відвідувачів', POSTAL: 'Поштова адреса' },
    onMap: 'На карті',
    access: {
      label: 'Доступність',
      stepFreeEntrance: ['вхід без сходинок', 'немає входу без сходинок'],
      lift: ['ліфт', 'немає ліфта'],
      accessibleToilet: ['доступний туалет', 'немає доступного туалету'],
      hearingLoop: ['індукційна петля', 'немає індукційної петлі'],
    },
    channels: { PHONE: 'Телефон', MOBILE: 'Мобільний', FAX: 'Факс', EMAIL: 'Ел. пошта', WEB_FORM: 'Контактна форма' },
    report: 'Повідомити про помилку',
    topic: 'Стосується',
    topics: {
      GENERAL: 'Загальне',
      NAME_OR_TITLE: "Ім'я або назва",
      PHONE_OR_EMAIL: 'Телефон або ел. пошта',
      ADDRESS: 'Адреса',
      OFFICE_HOURS: 'Години прийому',
    },
    whatIsWrong: 'Що неправильно?',
    yourEmail: 'Ваша ел. пошта для запитань (за бажанням, не публікується)',
    send: 'Надіслати',
    sending: 'Надсилання …',
    thanks: (reference) => `Дякуємо! Ваше повідомлення отримано (№ ${reference}).`,
    notSent: (reason) => `Не вдалося надіслати повідомлення: ${reason}`,
    refusals: {
      message: 'Будь ласка, опишіть словами, що неправильно: від 10 до 2000 символів, не більше 2 посилань.',
      contactEmail: 'Будь ласка, вкажіть дійсну адресу електронної пошти або залиште поле порожнім.',
      other: 'Будь ласка, спробуйте пізніше.',
    },
    failed: 'Контакти та пропозиції зараз неможливо показати. Будь ласка, спробуйте пізніше.',
    districtPage: 'На вебсайт району',
    loading: 'Завантаження контактів і пропозицій …',
    unreachable: (host) => `Не вдалося завантажити дані: ${host} недоступний або не дозволяє цей сайт.`,
    language: 'Мова',
    contentInGerman: 'Де район не має перекладу, дані подано німецькою мовою.',
    categories: {
      ADULT_EDUCATION: 'Освіта дорослих',
      CHILDCARE: 'Догляд за дітьми',
      COUNSELLING: 'Консультації',
      HEALTH: "Здоров'я",
      INFORMATION: 'Інформація',
      LANGUAGE_COURSE: 'Мовний курс',
      RETURN_COUNSELLING: 'Консультації щодо повернення',
      SCHOOL_SOCIAL_WORK: 'Шкільна соціальна робота',
      SOCIAL_SERVICES: 'Соціальні служби',
    },
    targetGroups: {
      ALL_RESIDENTS: 'Усі мешканці',
      CHILDREN: 'Діти',
      MUNICIPALITIES: 'Громади',
      NEWCOMERS: 'Новоприбулі',
      PARENTS: 'Батьки',
      PUPILS: 'Учні',
      REFUGEES: 'Біженці',
    },
    filters: {
      category: 'Вид',
      targetGroup: 'Для кого',
      language: 'Мова пропозиції',
      all: 'усі',
      none: 'Немає пропозицій за цим вибором.',
    },
  },
};

/** "im Kyffhäuserkreis", "im Landkreis Mittelsachsen", "in Erfurt": German needs the kind. */
function germanPlace({ name, kind }) {
  if (kind === 'DISTRICT_FREE_CITY') return `in ${name}`;
  return /kreis$/i.test(name) ? `im ${name}` : `im Landkreis ${name}`;
}

function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  for (const child of children) node.append(child);
  return node;
}

/** Text as the API gives it, in its language (German unless translated), isolated from the page's direction. */
const content = (text, language = 'de') => element('bdi', { lang: language }, text);

/** The language the API answered a record's text in (its `localized` list). */
const languageOf = (record, field) => record.localized?.find((text) => text.field === field)?.language ?? 'de';

const REPORT = `mutation CreateProblemReport($input: CreateProblemReportInput!) {
  createProblemReport(input: $input) {
    __typename
    ... on MutationError { message }
    ... on ValidationError { issues { path message } }
    ... on MutationCreateProblemReportSuccess { data { reference } }
  }
}`;

/** A report the API did not take: the fields it refused (`fields.message` …), none for a limit or the network. */
class ReportRefused extends Error {
  constructor(fields, reason) {
    super(reason);
    this.fields = fields;
  }
}

/** The report's reference; a ReportRefused saying why where it was not received. */
async function sendReport(api, subject, fields) {
  const response = await fetch(api, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify({ query: REPORT, variables: { input: { subject, fields } } }),
  }).catch((error) => {
    throw new ReportRefused([], error.message);
  });
  const body = await response.json().catch(() => ({ errors: [{ message: `HTTP ${response.status}` }] }));
  if (body.errors?.length) throw new ReportRefused([], body.errors.map((error) => error.message).join('; '));
  const answer = body.data.createProblemReport;
  if (answer.issues)
    throw new ReportRefused(
      answer.issues.map((issue) => issue.path.replace(/^fields\./, '')),
      answer.issues.map((issue) => issue.message).join('; '),
    );
  if (answer.message) throw new ReportRefused([], answer.message);
  return answer.data.reference;
}

/** Why a report was not taken, in the reader's language: what to change in the form, or to try later. */
function refusalText(error, t) {
  const said = [...new Set(error.fields ?? [])].map((field) => t.refusals[field]).filter(Boolean);
  return t.notSent(said.length ? said.join(' ') : t.refusals.other);
}

let formCount = 0;

/** A labelled form field as KERN UX draws it (a select in KERN's wrapper, which draws its arrow). */
function field(label, control) {
  const input = control.tagName === 'SELECT' ? element('div', { class: 'kern-form-input__select-wrapper' }, control) : control;
  return element('div', { class: 'kern-form-input' }, element('label', { class: 'kern-label', for: control.id }, label), input);
}

/** "Fehler melden": a small form under a record; the report goes to the district's editors. */
function reportForm(api, subject, t) {
  const id = `ig-report-${++formCount}`;
  const topic = element('select', { name: 'topic', id: `${id}-topic`, class: 'kern-form-input__select' });
  for (const [value, label] of Object.entries(t.topics)) topic.append(element('option', { value }, label));
  const message = element('textarea', {
    name: 'message',
    id: `${id}-message`,
    required: '',
    minlength: '10',
    maxlength: '2000',
    rows: '3',
    class: 'kern-form-input__input',
  });
  const email = element('input', {
    name: 'contactEmail',
    id: `${id}-email`,
    type: 'email',
    maxlength: '254',
    autocomplete: 'email',
    class: 'kern-form-input__input',
  });
  const status = element('p', { class: 'ig-report-status', role: 'status' });
  const form = element(
    'form',
    { class: 'ig-report-form' },
    field(t.topic, topic),
    field(t.whatIsWrong, message),
    field(t.yourEmail, email),
    element('button', { type: 'submit', class: 'kern-btn kern-btn--secondary' }, element('span', { class: 'kern-label' }, t.send)),
    status,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    status.textContent = t.sending;
    try {
      const reference = await sendReport(api, subject, { topic: topic.value, message: message.value, contactEmail: email.value || null });
      form.replaceChildren(element('p', { class: 'ig-report-status', role: 'status' }, t.thanks(reference)));
    } catch (error) {
      // The API's own words are for the site's staff, in the console.
      console.error('Integrationsgraph widget: report not sent:', error.message);
      status.textContent = refusalText(error, t);
    }
  });
  return element('details', { class: 'ig-report' }, element('summary', {}, t.report), form);
}

/** `fresh`: ask the server each time rather than the browser's cache (a preview right after an edit). */
async function fetchDistrict(api, ags, asOf, lang, fresh) {
  const ask = async (parameter, value) => {
    const url = new URL(api);
    url.searchParams.set(parameter, value);
    url.searchParams.set('variables', JSON.stringify({ ags, asOf: asOf || null, lang }));
    const response = await fetch(url, { headers: { accept: 'application/graphql-response+json' }, cache: fresh ? 'no-cache' : 'default' });
    return response.json();
  };
  let body = await ask('extensions', JSON.stringify({ persistedQuery: { version: 1, sha256Hash: QUERY_HASH } }));
  if (body.errors?.[0]?.extensions?.code === 'PERSISTED_QUERY_NOT_FOUND') body = await ask('query', QUERY);
  if (body.errors?.length) throw new Error(body.errors.map((error) => error.message).join('; '));
  return body.data.district;
}

const ISO_WEEKDAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];

/** The weekday's name in the language (1 January 2024 was a Monday). */
function weekdayName(weekday, lang) {
  const day = ISO_WEEKDAYS.indexOf(weekday) + 1;
  return new Intl.DateTimeFormat(lang, { weekday: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, day)));
}

/** Per weekday, in the order of the week: its name and its time ranges ("09:00–11:00"). */
function weeklyHours(intervals, lang) {
  const byDay = new Map();
  for (const { weekday, opens, closes } of intervals) {
    if (!byDay.has(weekday)) byDay.set(weekday, []);
    byDay.get(weekday).push(`${opens}–${closes}`);
  }
  return [...byDay].map(([weekday, times]) => [weekdayName(weekday, lang), times]);
}

const berlinDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit' });

/**
 * "heute 17:00", "morgen 09:00", "Montag 09:00": the day of a moment in Berlin — today and
 * tomorrow by those words, later days by name — and its time on the 24-hour clock the office
 * hours use, in every language.
 */
function dayAndTime(at, lang) {
  const days = Math.round((Date.parse(berlinDay.format(at)) - Date.parse(berlinDay.format(new Date()))) / 86_400_000);
  const day =
    days === 0 || days === 1
      ? new Intl.RelativeTimeFormat(lang, { numeric: 'auto' }).format(days, 'day')
      : new Intl.DateTimeFormat(lang, { weekday: 'long', timeZone: 'Europe/Berlin' }).format(at);
  const time = new Intl.DateTimeFormat(lang, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'Europe/Berlin' }).format(
    at,
  );
  return `${day} ${time}`;
}

/** "Jetzt geöffnet – schließt heute 11:00 Uhr" from the API's isOpen and nextChange (Berlin time, holidays included). */
function openingState(hours, t, lang) {
  if (hours.isOpen === null) return null;
  const next = hours.nextChange ? dayAndTime(new Date(hours.nextChange.at), lang) : null;
  return element(
    'dd',
    { class: hours.isOpen ? 'ig-open ig-open-now' : 'ig-open ig-closed' },
    hours.isOpen ? t.openNow(next) : t.closed(next),
  );
}

function renderOfficeHours(hours, t, lang) {
  const list = element('dl', { class: 'ig-office-hours' });
  list.append(element('dt', {}, t.officeHours));
  const state = openingState(hours, t, lang);
  if (state) list.append(state);
  if (hours.location) list.append(element('dd', { class: 'ig-hours-location' }, content(hours.location.printed)));
  // Times read left to right in every language.
  for (const [day, times] of weeklyHours(hours.intervals, lang)) {
    const ranges = times.flatMap((range, index) => [...(index ? [', '] : []), element('span', { class: 'ig-times' }, range)]);
    list.append(element('dd', { class: 'ig-hours-day' }, `${day} `, element('bdi', { dir: 'ltr' }, ...ranges)));
  }
  if (hours.byAppointment) list.append(element('dd', {}, t.byAppointment));
  if (hours.appointmentRequired || hours.intervals.length === 0)
    list.append(element('dd', { class: 'ig-hours-note' }, content(hours.printed, languageOf(hours, 'printed'))));
  if (hours.icalUrl) list.append(element('dd', {}, element('a', { href: hours.icalUrl, class: 'ig-calendar' }, t.addToCalendar)));
  return list;
}

function renderContact(contact, api, t, lang) {
  const card = element('article', { class: 'ig-contact' });
  const title = content(contact.position.title, languageOf(contact.position, 'title'));
  card.append(element('p', { class: 'ig-contact-name' }, contact.person ? content(contact.person.displayName) : title));
  if (contact.person) card.append(element('p', { class: 'ig-role' }, title));
  const channels = element('ul', { class: 'ig-channels' });
  for (const channel of contact.channels) {
    // Numbers as the district prints them; e-mail addresses readable ("x[at]y.de" is for robots).
    const text = channel.kind === 'EMAIL' ? channel.value : channel.printed;
    const value = channel.href
      ? element('a', { href: channel.href, class: `ig-${channel.kind.toLowerCase()}`, dir: 'ltr' }, text)
      : content(text);
    channels.append(element('li', {}, `${t.channels[channel.kind] ?? channel.kind}: `, value));
  }
  card.append(channels);
  // The place of the office hours is shown with the hours.
  for (const address of contact.addresses.filter(({ kind }) => kind !== 'OFFICE_HOURS')) {
    // A visitors' and a postal address side by side say which is which.
    const label = t.addresses[address.kind];
    const map = address.coordinates ? [' ', element('a', { href: address.coordinates.mapUrl, class: 'ig-map' }, t.onMap)] : [];
    card.append(
      element(
        'p',
        { class: 'ig-address' },
        ...(label ? [element('span', { class: 'ig-address-kind' }, `${label}: `)] : []),
        content(address.printed),
        ...map,
      ),
      ...renderAccess(address.accessibility, t),
    );
  }
  for (const hours of contact.officeHours) card.append(renderOfficeHours(hours, t, lang));
  // A card to save only where it holds a way to call or write.
  if (contact.channels.some(({ kind, href }) => href && ['PHONE', 'MOBILE', 'EMAIL'].includes(kind)))
    card.append(element('p', {}, element('a', { href: contact.vcardUrl, class: 'ig-vcard' }, t.saveContact)));
  card.append(reportForm(api, contact.id, t));
  return card;
}

/**
 * What the editors know of a place's access (Barrierefreiheit): each feature known, and their note;
 * nothing where nothing is known. `town` names the place where an offer has several.
 */
function renderAccess(access, t, town) {
  const known = ['stepFreeEntrance', 'lift', 'accessibleToilet', 'hearingLoop']
    .filter((feature) => access[feature] !== null)
    .map((feature) => t.access[feature][access[feature] ? 0 : 1]);
  const note = access.note ? [content(access.note)] : [];
  if (!known.length && !note.length) return [];
  const said = [...(known.length ? [known.join(', ')] : []), ...note].flatMap((part, index) => (index ? ['. ', part] : [part]));
  const label = town ? [`${t.access.label} (`, content(town), '): '] : [`${t.access.label}: `];
  return [element('p', { class: 'ig-access' }, element('span', { class: 'ig-access-label' }, ...label), ...said)];
}

/** A labelled choice among `options` ([value, label]), "all" first. */
function choice(id, label, options, t, onChange) {
  const select = element('select', { id, class: 'ig-filter kern-form-input__select' }, element('option', { value: '' }, t.filters.all));
  for (const [value, text] of options) select.append(element('option', { value }, text));
  select.addEventListener('change', onChange);
  return { labelled: field(label, select), select };
}

/**
 * The offers with filters by kind, group and language (in the reader's language; languages named
 * by the browser) — each filter only where it filters something: a choice that leaves some
 * offers out, and keeps some.
 */
function renderOffers(offers, api, t, lang, widgetId) {
  if (offers.totalCount === 0) return element('p', { class: 'ig-status' }, t.noOffers);
  const all = offers.edges.map(({ node }) => node);
  const languageNames = new Intl.DisplayNames([lang], { type: 'language' });
  const kinds = [
    ['category', t.filters.category, (offer) => [offer.category], (value) => t.categories[value] ?? value],
    ['group', t.filters.targetGroup, (offer) => offer.targetGroups, (value) => t.targetGroups[value] ?? value],
    ['language', t.filters.language, (offer) => offer.languages, (code) => languageNames.of(code) ?? code],
  ];
  const list = element('ul', { class: 'ig-offers' });
  const filters = [];
  const show = () => {
    const shown = all.filter((offer) => filters.every(({ select, pick }) => !select.value || pick(offer).includes(select.value)));
    list.replaceChildren(
      ...(shown.length ? shown.map((offer) => renderOffer(offer, api, t)) : [element('li', { class: 'ig-status' }, t.filters.none)]),
    );
  };
  for (const [name, label, pick, nameOf] of kinds) {
    const values = [...new Set(all.flatMap(pick))].sort();
    const filtersSomething = values.some((value) => {
      const count = all.filter((offer) => pick(offer).includes(value)).length;
      return count > 0 && count < all.length;
    });
    if (!filtersSomething) continue;
    const { labelled, select } = choice(
      `${widgetId}-filter-${name}`,
      label,
      values.map((value) => [value, nameOf(value)]),
      t,
      show,
    );
    filters.push({ labelled, select, pick });
  }
  show();
  if (!filters.length) return list;
  return element('div', {}, element('div', { class: 'ig-filters' }, ...filters.map(({ labelled }) => labelled)), list);
}

/** An offer as a card: its title (a link to its page), provider, description and places, as the graph has them. */
function renderOffer(offer, api, t) {
  // A title printed in the grammar of its sentence is shown by its name in the nominative (an
  // editorial normalisation the graph marks as such); a translated title as translated.
  const name = languageOf(offer, 'title') === 'de' ? (offer.nominativeTitle ?? offer.title) : offer.title;
  const providerName = offer.nominativeProviderName ?? offer.providerName;
  const title = offer.website ? element('a', { href: offer.website }, name) : name;
  // The provider once: not again where the title names it already (in whichever quotation marks).
  const plain = (text) => text.replace(/[„“”"«»‚‘’']/g, '"');
  const provider = providerName && !plain(name).includes(plain(providerName)) ? [` – ${providerName}`] : [];
  // Town names are German; "also online" is the widget's own words.
  // A town the editors placed on the map links there.
  const town = ({ municipality, coordinates }) =>
    coordinates ? element('a', { href: coordinates.mapUrl, class: 'ig-map' }, content(municipality.name)) : content(municipality.name);
  const where = [...offer.places.map(town), ...(offer.online ? [t.online] : [])];
  return element(
    'li',
    { class: 'ig-offer' },
    element('p', { class: 'ig-offer-title' }, element('bdi', { lang: languageOf(offer, 'title') }, title, ...provider)),
    ...(offer.description
      ? [element('p', { class: 'ig-offer-description' }, content(offer.description, languageOf(offer, 'description')))]
      : []),
    ...(where.length
      ? [element('p', { class: 'ig-offer-places' }, `${t.places}: `, ...where.flatMap((place, index) => (index ? [', ', place] : [place])))]
      : []),
    ...offer.places.flatMap((place) => renderAccess(place.accessibility, t, place.municipality.name)),
    reportForm(api, offer.id, t),
  );
}

function languageSwitch(widgetId, current, onChange) {
  const id = `${widgetId}-language`;
  const select = element('select', { id, class: 'ig-language kern-form-input__select' });
  for (const [code, name] of Object.entries(LANGUAGES)) {
    const option = element('option', { value: code, lang: code }, name);
    if (code === current) option.selected = true;
    select.append(option);
  }
  select.addEventListener('change', () => onChange(select.value));
  return element('div', { class: 'ig-language-switch' }, field(LABELS[current].language, select));
}

let widgetCount = 0;

/**
 * Where the widget draws: its own tree (an open shadow root) with its stylesheets (KERN UX's tokens
 * and components, kern.css, then its own), so that the host page's styles do not reach in and the
 * widget's do not leak out; only the custom properties (--ig-…, widget.css) and the host element's
 * language and direction come through.
 */
function viewOf(root) {
  if (root.shadowRoot) return root.shadowRoot.querySelector('.ig-body');
  const shadow = root.attachShadow({ mode: 'open' });
  const body = element('div', { class: 'ig-body', part: 'body' });
  const stylesheet = (name) => element('link', { rel: 'stylesheet', href: new URL(name, import.meta.url).href });
  shadow.append(stylesheet('kern.css'), stylesheet('widget.css'), body);
  return body;
}

/** The heading level the host page asks for (`data-heading-level`, 2 to 5): the widget's title, its sections one below. */
function headingLevel(root) {
  const level = Number(root.dataset.headingLevel ?? 2);
  return Number.isInteger(level) && level >= 2 && level <= 5 ? level : 2;
}

function render(root, district, lang) {
  const t = LABELS[lang] ?? LABELS.de;
  const { api } = root.dataset;
  root.lang = lang;
  root.dir = RIGHT_TO_LEFT.has(lang) ? 'rtl' : 'ltr';
  const contacts = district.contacts.edges.map(({ node }) => node);
  const level = headingLevel(root);
  const widgetId = root.dataset.igId;
  const view = viewOf(root);
  view.replaceChildren(
    languageSwitch(widgetId, lang, async (next) => {
      root.dataset.lang = next;
      await mountIntegrationWidget(root);
      view.querySelector('.ig-language')?.focus();
    }),
    element(`h${level}`, { class: 'ig-title' }, t.heading(district)),
    ...(t.contentInGerman ? [element('p', { class: 'ig-content-language' }, t.contentInGerman)] : []),
    element(`h${level + 1}`, { class: 'ig-section' }, t.contacts),
    ...(contacts.length
      ? contacts.map((contact) => renderContact(contact, api, t, lang))
      : [element('p', { class: 'ig-status' }, t.noContacts)]),
    element(`h${level + 1}`, { class: 'ig-section' }, t.offers),
    renderOffers(district.offers, api, t, lang, widgetId),
  );
}

/** The widget's language: `data-lang`, else the page's own (`<html lang>`), else German. */
function widgetLanguage(root) {
  const asked = root.dataset.lang ?? document.documentElement.lang.split('-')[0];
  return LABELS[asked] ? asked : 'de';
}

export async function mountIntegrationWidget(root) {
  const { api, ags, asOf } = root.dataset;
  const lang = widgetLanguage(root);
  // Several widgets may share a page: each names its own elements (numbered in the page's order).
  root.dataset.igId ??= `ig-widget-${++widgetCount}`;
  if (root.dataset.state !== 'ready') {
    root.lang = lang;
    root.dir = RIGHT_TO_LEFT.has(lang) ? 'rtl' : 'ltr';
    viewOf(root).replaceChildren(element('p', { class: 'ig-status', role: 'status' }, LABELS[lang].loading));
  }
  try {
    const district = await fetchDistrict(api, ags, asOf, lang, 'fresh' in root.dataset);
    render(root, district, lang);
    root.dataset.state = 'ready';
  } catch (error) {
    const t = LABELS[lang] ?? LABELS.de;
    // Residents read a sentence; the technical reason is for the site's staff, in the console.
    console.error('Integrationsgraph widget:', error);
    // fetch() fails with a TypeError when the server cannot be reached or refuses the site (CORS).
    const message = error instanceof TypeError ? t.unreachable(new URL(api, location.href).host) : t.failed;
    // The way out: the district's own page, where the site names it (data-page).
    const wayOut = root.dataset.page ? [' ', element('a', { href: root.dataset.page }, t.districtPage)] : [];
    viewOf(root).replaceChildren(
      element('div', { class: 'ig-error kern-alert kern-alert--danger' }, element('p', { class: 'kern-alert__body' }, message, ...wayOut)),
    );
    root.dataset.state = 'error';
  }
}

// The embed snippet starts itself: every widget element on the page (class ig-widget, with a
// district's data-ags) is filled once this module has loaded (after the page is parsed).
for (const root of document.querySelectorAll('.ig-widget[data-ags]')) void mountIntegrationWidget(root);
