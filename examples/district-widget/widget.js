// Integrationsgraph district widget: a district's integration contacts (phone, e-mail, office
// hours) and its offers. No framework, no build step; data is inserted as text, never as HTML.
// Reads are GETs, so browsers send no preflight and caches can keep the answers; a reader's
// "Fehler melden" (report an error) is the one POST.

const QUERY = `query DistrictWidget($ags: String!, $asOf: Date) {
  district(ags: $ags) {
    name
    contacts(asOf: $asOf) {
      edges { node {
        id
        vcardUrl
        person { displayName }
        position { title }
        channels { kind value printed href }
        addresses { kind printed }
        officeHours { printed byAppointment appointmentRequired isOpen nextChange { at opens } icalUrl location { printed } intervals { weekday opens closes } }
      } }
    }
    offers(first: 50) {
      totalCount
      edges { node { id title providerName website category } }
    }
  }
}`;

const WEEKDAYS = {
  MONDAY: 'Montag',
  TUESDAY: 'Dienstag',
  WEDNESDAY: 'Mittwoch',
  THURSDAY: 'Donnerstag',
  FRIDAY: 'Freitag',
  SATURDAY: 'Samstag',
  SUNDAY: 'Sonntag',
};
const CHANNEL_LABELS = { PHONE: 'Telefon', MOBILE: 'Mobil', FAX: 'Fax', EMAIL: 'E-Mail', WEB_FORM: 'Kontaktformular' };

function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  for (const child of children) node.append(child);
  return node;
}

const REPORT = `mutation ReportProblem($input: ReportProblemInput!) {
  reportProblem(input: $input) { reference }
}`;

async function sendReport(api, input) {
  const response = await fetch(api, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify({ query: REPORT, variables: { input } }),
  });
  const body = await response.json();
  if (body.errors?.length) throw new Error(body.errors.map((error) => error.message).join('; '));
  return body.data.reportProblem.reference;
}

const TOPICS = {
  GENERAL: 'Allgemein',
  NAME_OR_TITLE: 'Name oder Bezeichnung',
  PHONE_OR_EMAIL: 'Telefon oder E-Mail',
  ADDRESS: 'Adresse',
  OFFICE_HOURS: 'Sprechzeiten',
};

/** "Fehler melden": a small form under a record; the report goes to the district's editors. */
function reportForm(api, subject) {
  const topic = element('select', { name: 'topic' });
  for (const [value, label] of Object.entries(TOPICS)) topic.append(element('option', { value }, label));
  const message = element('textarea', { name: 'message', required: '', minlength: '10', maxlength: '2000', rows: '3' });
  const email = element('input', { name: 'contactEmail', type: 'email', maxlength: '254', autocomplete: 'email' });
  const status = element('p', { class: 'ig-report-status', role: 'status' });
  const form = element(
    'form',
    { class: 'ig-report-form' },
    element('label', {}, 'Betrifft ', topic),
    element('label', {}, 'Was ist falsch? ', message),
    element('label', {}, 'Ihre E-Mail für Rückfragen (freiwillig, wird nicht veröffentlicht) ', email),
    element('button', { type: 'submit' }, 'Meldung senden'),
    status,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    status.textContent = 'Wird gesendet …';
    try {
      const reference = await sendReport(api, { subject, topic: topic.value, message: message.value, contactEmail: email.value || null });
      form.replaceChildren(
        element('p', { class: 'ig-report-status', role: 'status' }, `Danke! Ihre Meldung ist eingegangen (Nr. ${reference}).`),
      );
    } catch (error) {
      status.textContent = `Die Meldung konnte nicht gesendet werden: ${error.message}`;
    }
  });
  return element('details', { class: 'ig-report' }, element('summary', {}, 'Fehler melden'), form);
}

async function fetchDistrict(api, ags, asOf) {
  const url = new URL(api);
  url.searchParams.set('query', QUERY);
  url.searchParams.set('variables', JSON.stringify({ ags, asOf: asOf || null }));
  const response = await fetch(url, { headers: { accept: 'application/graphql-response+json' } });
  const body = await response.json();
  if (body.errors?.length) throw new Error(body.errors.map((error) => error.message).join('; '));
  return body.data.district;
}

/** "Montag 09:00–11:00, 13:00–20:00" per weekday, in the order of the week. */
function weeklyHours(intervals) {
  const byDay = new Map();
  for (const { weekday, opens, closes } of intervals) {
    if (!byDay.has(weekday)) byDay.set(weekday, []);
    byDay.get(weekday).push(`${opens}–${closes}`);
  }
  return [...byDay].map(([weekday, times]) => [WEEKDAYS[weekday], times.join(', ')]);
}

const OFFICE_CLOCK = new Intl.DateTimeFormat('de-DE', { weekday: 'long', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Berlin' });

/** "Jetzt geöffnet – schließt Montag, 11:00" from the API's isOpen and nextChange (Berlin time, holidays included). */
function openingState(hours) {
  if (hours.isOpen === null) return null;
  const next = hours.nextChange ? OFFICE_CLOCK.format(new Date(hours.nextChange.at)) : null;
  const text = hours.isOpen
    ? `Jetzt geöffnet${next ? ` – schließt ${next} Uhr` : ''}`
    : `Geschlossen${next ? ` – öffnet ${next} Uhr` : ''}`;
  return element('dd', { class: hours.isOpen ? 'ig-open ig-open-now' : 'ig-open ig-closed' }, text);
}

function renderOfficeHours(hours) {
  const list = element('dl', { class: 'ig-office-hours' });
  list.append(element('dt', {}, 'Sprechzeiten'));
  const state = openingState(hours);
  if (state) list.append(state);
  if (hours.location) list.append(element('dd', { class: 'ig-hours-location' }, hours.location.printed));
  for (const [day, times] of weeklyHours(hours.intervals)) list.append(element('dd', { class: 'ig-hours-day' }, `${day} ${times}`));
  if (hours.byAppointment) list.append(element('dd', {}, 'und nach Vereinbarung'));
  if (hours.appointmentRequired || hours.intervals.length === 0) list.append(element('dd', { class: 'ig-hours-note' }, hours.printed));
  if (hours.icalUrl)
    list.append(element('dd', {}, element('a', { href: hours.icalUrl, class: 'ig-calendar' }, 'In den Kalender übernehmen')));
  return list;
}

function renderContact(contact, api) {
  const card = element('article', { class: 'ig-contact' });
  card.append(element('p', { class: 'ig-contact-name' }, contact.person?.displayName ?? contact.position.title));
  if (contact.person) card.append(element('p', { class: 'ig-role' }, contact.position.title));
  const channels = element('ul', { class: 'ig-channels' });
  for (const channel of contact.channels) {
    // Numbers as the district prints them; e-mail addresses readable ("x[at]y.de" is for robots).
    const text = channel.kind === 'EMAIL' ? channel.value : channel.printed;
    const value = channel.href ? element('a', { href: channel.href, class: `ig-${channel.kind.toLowerCase()}` }, text) : text;
    channels.append(element('li', {}, `${CHANNEL_LABELS[channel.kind] ?? channel.kind}: `, value));
  }
  card.append(channels);
  // The place of the office hours is shown with the hours.
  for (const address of contact.addresses.filter(({ kind }) => kind !== 'OFFICE_HOURS')) {
    card.append(element('p', { class: 'ig-address' }, address.printed));
  }
  for (const hours of contact.officeHours) card.append(renderOfficeHours(hours));
  card.append(element('p', {}, element('a', { href: contact.vcardUrl, class: 'ig-vcard' }, 'Kontakt speichern (vCard)')));
  card.append(reportForm(api, contact.id));
  return card;
}

function renderOffers(offers, api) {
  if (offers.totalCount === 0) return element('p', { class: 'ig-status' }, 'Für diesen Landkreis sind keine Angebote erfasst.');
  const list = element('ul', { class: 'ig-offers' });
  for (const { node: offer } of offers.edges) {
    const title = offer.website ? element('a', { href: offer.website }, offer.title) : offer.title;
    const provider = offer.providerName && !offer.title.includes(offer.providerName) ? ` – ${offer.providerName}` : '';
    list.append(element('li', { class: 'ig-offer' }, title, provider, reportForm(api, offer.id)));
  }
  return list;
}

export async function mountIntegrationWidget(root) {
  const { api, ags, asOf } = root.dataset;
  try {
    const district = await fetchDistrict(api, ags, asOf);
    const contacts = district.contacts.edges.map(({ node }) => node);
    root.replaceChildren(
      element('h2', {}, `Integration im ${district.name}`),
      element('h3', {}, 'Ansprechpersonen'),
      ...(contacts.length
        ? contacts.map((contact) => renderContact(contact, api))
        : [element('p', { class: 'ig-status' }, 'Keine Ansprechpersonen erfasst.')]),
      element('h3', {}, 'Angebote'),
      renderOffers(district.offers, api),
    );
    root.dataset.state = 'ready';
  } catch (error) {
    root.replaceChildren(element('p', { class: 'ig-error' }, `Die Daten konnten nicht geladen werden (${error.message}).`));
    root.dataset.state = 'error';
  }
}
