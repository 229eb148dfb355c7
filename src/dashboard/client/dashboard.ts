/// <reference lib="dom" />
// The dashboard in the browser (bundled by scripts/build-pages.mjs with its libraries: no
// CDN). It asks the API for one state's comparison and draws: a map of the districts coloured by
// the measure chosen (d3-geo over the BKG outlines), the district × field-of-action heat map, a
// district's detail on click, and the same data as a table with the spreadsheet downloads.
import { geoMercator, geoPath } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import {
  CompareStateDocument,
  type CompareStateQuery,
  type StateCode,
  type TypedDocumentString,
} from '../../../schema/generated/graphql.js';

// What the page draws is the committed operation CompareState (schema/operations), typed by codegen.
type Comparison = CompareStateQuery['comparison'];
type District = Comparison['districts'][number];
type Column = Comparison['fieldsOfAction' | 'roles' | 'programmes']['columns'][number];
type FieldOfActionRow = Comparison['fieldsOfAction']['rows'][number];

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!);

// German labels, English on request (the switch, or ?lang=en).
const texts = {
  de: {
    title: 'Integrationsmanagement der Kreise im Vergleich',
    stateLabel: 'Land',
    measureLabel: 'Karte zeigt',
    programmeLabel: 'Programm',
    languageLabel: 'Sprache',
    mapTitle: 'Karte',
    mapLabel: 'Karte der Kreise',
    legend: 'Legende',
    heatmapTitle: 'Handlungsfelder der Integrationskonzepte',
    tableTitle: 'Kreise und ihre Daten',
    downloadsTitle: 'Herunterladen',
    loading: 'Lädt …',
    failed: 'Die Daten konnten nicht geladen werden: der Server antwortet gerade nicht.',
    retry: 'Erneut versuchen',
    hint: 'Einen Kreis auf der Karte oder in der Tabelle wählen (Klick, oder Tab und Eingabetaste), um seine Einzelheiten hier zu sehen.',
    status: (asOf: string, all: number, withData: number) => `Stand ${asOf}: ${all} Kreise, davon ${withData} mit Daten im Graph.`,
    noData: 'keine Daten im Graph',
    concept: 'Integrationskonzept',
    adopted: 'beschlossen',
    inPreparation: 'in Arbeit',
    posts: 'Besetzte Integrationsstellen',
    rolesFilled: (count: number) => `${count} ${count === 1 ? 'Rolle' : 'Rollen'} besetzt`,
    twoOrMore: '2 und mehr Rollen besetzt',
    one: '1 Rolle besetzt',
    contactOnly: 'Stelle mit Kontakt, ohne genannte Person',
    none: 'keine besetzt',
    noPosts: 'keine Stellen im Graph',
    noFundings: 'keine Förderungen im Graph',
    programme: 'Förderprogramm',
    funded: 'gefördert',
    notFunded: 'nicht gefördert',
    freshness: 'Aktualität der Daten',
    young: 'jünger als 2 Jahre',
    middle: '2 bis 5 Jahre',
    old: 'älter als 5 Jahre',
    oldMark: 'älter als 5 Jahre',
    undated: 'ohne Datum',
    asOf: 'Stand',
    district: 'Kreis',
    kind: 'Art',
    RURAL_DISTRICT: 'Landkreis',
    DISTRICT_FREE_CITY: 'Kreisfreie Stadt',
    contacts: 'Kontakte',
    fundings: 'Förderungen',
    offers: 'Angebote',
    indicators: 'Kennzahlen',
    newestFact: 'Neuester Stand',
    filledRoles: 'Besetzte Rollen',
    rolesWithContact: 'Rollen mit Kontakt, ohne genannte Person',
    sources: 'Quellen dieser Angaben',
    search: 'Kreis suchen',
    scrollCue: 'Die Tabelle ist breiter als der Bildschirm: seitlich scrollen (Maus, Wischen oder Pfeiltasten).',
    datasets: {
      districts: 'Kreise',
      'fields-of-action': 'Handlungsfelder',
      tasks: 'Aufgaben',
      programmes: 'Förderprogramme',
      roles: 'Rollen',
      indicators: 'Kennzahlen',
    } as Record<string, string>,
    programmes: 'Förderprogramme',
    nothingHeld: 'Der Graph enthält noch keine Integrationsdaten dieses Kreises.',
    noConcept: 'kein Konzept im Graph',
    notNamed: 'nicht genannt',
    FIELD_OF_ACTION: 'Handlungsfeld',
    THEME: 'Thema',
    outlines: 'Kreisgrenzen und Gemeinden',
    licence: 'Datenlizenz Deutschland – Namensnennung – Version 2.0',
    footer: 'Daten: Integrationsgraph (API unter /graphql). Jede Zelle nennt in der API ihre Quelle.',
  },
  en: {
    title: 'Integration management of the districts compared',
    stateLabel: 'State',
    measureLabel: 'Map shows',
    programmeLabel: 'Programme',
    languageLabel: 'Language',
    mapTitle: 'Map',
    mapLabel: 'Map of the districts',
    legend: 'Legend',
    heatmapTitle: 'Fields of action of the integration concepts',
    tableTitle: 'Districts and their data',
    downloadsTitle: 'Download',
    loading: 'Loading …',
    failed: 'The data could not be loaded: the server is not answering at the moment.',
    retry: 'Try again',
    hint: 'Choose a district on the map or in the table (click, or Tab and Enter) to see its details here.',
    status: (asOf: string, all: number, withData: number) => `As of ${asOf}: ${all} districts, ${withData} of them with data in the graph.`,
    noData: 'no data in the graph',
    concept: 'Integration concept',
    adopted: 'adopted',
    inPreparation: 'in preparation',
    posts: 'Filled integration posts',
    rolesFilled: (count: number) => `${count} ${count === 1 ? 'role' : 'roles'} filled`,
    twoOrMore: '2 or more roles filled',
    one: '1 role filled',
    contactOnly: 'post with a contact, no person named',
    none: 'none filled',
    noPosts: 'no posts in the graph',
    noFundings: 'no funding in the graph',
    programme: 'Funding programme',
    funded: 'funded',
    notFunded: 'not funded',
    freshness: 'Freshness of the data',
    young: 'less than 2 years old',
    middle: '2 to 5 years old',
    old: 'older than 5 years',
    oldMark: 'older than 5 years',
    undated: 'undated',
    asOf: 'As of',
    district: 'District',
    kind: 'Kind',
    RURAL_DISTRICT: 'Rural district (Landkreis)',
    DISTRICT_FREE_CITY: 'District-free city (kreisfreie Stadt)',
    contacts: 'Contacts',
    fundings: 'Funding',
    offers: 'Offers',
    indicators: 'Indicators',
    newestFact: 'Newest fact',
    filledRoles: 'Filled roles',
    rolesWithContact: 'Roles with a contact, no person named',
    sources: 'Sources of these facts',
    search: 'Find a district',
    scrollCue: 'The table is wider than the screen: scroll sideways (mouse, swipe or arrow keys).',
    datasets: {
      districts: 'Districts',
      'fields-of-action': 'Fields of action',
      tasks: 'Tasks',
      programmes: 'Funding programmes',
      roles: 'Roles',
      indicators: 'Indicators',
    } as Record<string, string>,
    programmes: 'Funding programmes',
    nothingHeld: 'The graph holds no integration data of this district yet.',
    noConcept: 'no concept in the graph',
    notNamed: 'not named',
    FIELD_OF_ACTION: 'Field of action',
    THEME: 'Theme',
    outlines: 'District outlines and municipalities',
    licence: 'Data licence Germany – attribution – version 2.0',
    footer: 'Data: Integrationsgraph (API at /graphql). In the API, every cell names its source.',
  },
};
type Language = keyof typeof texts;
type Texts = (typeof texts)[Language];
let language: Language = new URLSearchParams(location.search).get('lang') === 'en' ? 'en' : 'de';
const t = (): Texts => texts[language];

/** A date of the API ("2026-12-06", or as partial as a source states it: "2019-05", "2017") in the reader's form: 6. Dezember 2026. */
function readableDate(date: string): string {
  const [year, month, day] = date.split('-');
  const locale = language === 'de' ? 'de-DE' : 'en-GB';
  const form: Intl.DateTimeFormatOptions = {
    year: 'numeric',
    timeZone: 'UTC',
    ...(month ? { month: 'long' } : {}),
    ...(day ? { day: 'numeric' } : {}),
  };
  return new Intl.DateTimeFormat(locale, form).format(new Date(Date.UTC(Number(year), Number(month ?? 1) - 1, Number(day ?? 1))));
}

/** Measures a district can be coloured by; each gives a class (colour) and a label for the legend and the title. */
type Measure = (district: District, comparison: Comparison) => { level: string; label: string };

// Levels: 'none' is a district of which the graph holds nothing at all; 'absent' one the graph
// holds data of, but none of what the measure shows (no concept recorded). They are told apart on
// the map and in the legend, so that a district with data is never drawn as one without.
const noData = () => ({ level: 'none', label: t().noData });

const measures: Record<string, { name: () => string; legend: () => [string, string][]; measure: Measure }> = {
  concept: {
    name: () => t().concept,
    legend: () => [
      ['high', t().adopted],
      ['mid', t().inPreparation],
      ['absent', t().noConcept],
      ['none', t().noData],
    ],
    measure: (district) => {
      if (!district.coverage.hasData) return noData();
      if (!district.coverage.concept) return { level: 'absent', label: t().noConcept };
      const adopted = district.concepts.find((concept) => concept.adoptedOn);
      return adopted
        ? { level: 'high', label: `${t().adopted} ${readableDate(adopted.adoptedOn!)}` }
        : { level: 'mid', label: t().inPreparation };
    },
  },
  posts: {
    name: () => t().posts,
    legend: () => [
      ['high', t().twoOrMore],
      ['mid', t().one],
      ['contact', t().contactOnly],
      ['low', t().none],
      ['absent', t().noPosts],
      ['none', t().noData],
    ],
    measure: (district, comparison) => {
      if (!district.coverage.hasData) return noData();
      const row = rowOf(comparison.roles, district);
      if (!row.hasData) return { level: 'absent', label: t().noPosts };
      const filled = row.cells.filter((cell) => cell.filled).length;
      if (filled === 0 && row.cells.some((cell) => cell.withContact)) return { level: 'contact', label: t().contactOnly };
      return { level: filled >= 2 ? 'high' : filled === 1 ? 'mid' : 'low', label: t().rolesFilled(filled) };
    },
  },
  programme: {
    name: () => t().programme,
    legend: () => [
      ['high', t().funded],
      ['low', t().notFunded],
      ['absent', t().noFundings],
      ['none', t().noData],
    ],
    measure: (district, comparison) => {
      if (!district.coverage.hasData) return noData();
      const row = rowOf(comparison.programmes, district);
      if (!row.hasData) return { level: 'absent', label: t().noFundings };
      const index = comparison.programmes.columns.findIndex((column) => column.key === byId<HTMLSelectElement>('programme').value);
      const funded = (row.cells[index]?.fundings.length ?? 0) > 0;
      return funded ? { level: 'high', label: t().funded } : { level: 'low', label: t().notFunded };
    },
  },
  freshness: {
    name: () => t().freshness,
    legend: () => [
      ['high', t().young],
      ['mid', t().middle],
      ['low', t().old],
      ['absent', t().undated],
      ['none', t().noData],
    ],
    measure: (district, comparison) => {
      if (!district.coverage.hasData) return noData();
      const newest = district.coverage.newestFact;
      if (!newest) return { level: 'absent', label: t().undated };
      const years = (Date.parse(comparison.asOf) - Date.parse(newest)) / (365.25 * 24 * 3600 * 1000);
      return { level: years < 2 ? 'high' : years <= 5 ? 'mid' : 'low', label: `${t().asOf} ${readableDate(newest)}` };
    },
  },
};

const rowOf = <Row extends { district: { ags: string } }>(matrix: { rows: Row[] }, district: District) =>
  matrix.rows.find((row) => row.district.ags === district.ags)!;
// Roles and fields of action are named in the page's language; programmes by their short name.
const columnName = (column: Column) => ('shortName' in column ? column.shortName : language === 'de' ? column.germanName : column.name);
const kindOf = (district: District) => t()[district.kind];

/** The page's fixed words in the language chosen: elements name their text by data-text. */
function applyLanguage() {
  document.documentElement.lang = language;
  for (const element of document.querySelectorAll<HTMLElement>('[data-text]')) {
    element.textContent = String(t()[element.dataset.text as keyof Texts]);
  }
  for (const option of byId<HTMLSelectElement>('measure').options) option.textContent = measures[option.value]!.name();
  byId('map').setAttribute('aria-label', t().mapLabel);
  byId('legend').setAttribute('aria-label', t().legend);
  document.title = `Integrationsgraph – ${t().title}`;
}

async function load<T>(url: string, init?: RequestInit): Promise<T> {
  const response = await fetch(url, init);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

/** A generated document of schema/operations, sent with its variables; its data typed as the operation asks. */
async function request<Result, Variables>(
  document: TypedDocumentString<Result, Variables>,
  variables: NoInfer<Variables>,
): Promise<Result> {
  const answer = await load<{ data?: Result; errors?: { message: string }[] }>('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify({ query: document.toString(), variables }),
  });
  if (!answer.data) throw new Error(answer.errors?.map((error) => error.message).join('; ') ?? 'no answer');
  return answer.data;
}

const loadComparison = async (state: StateCode) => (await request(CompareStateDocument, { state })).comparison;

type Outline = Feature<Geometry, { ags: string; name: string }>;

function drawMap(outlines: Outline[], comparison: Comparison, measure: Measure) {
  const svg = byId<HTMLElement>('map');
  const width = 560;
  const height = 480;
  const collection: FeatureCollection<Geometry, { ags: string; name: string }> = { type: 'FeatureCollection', features: outlines };
  const path = geoPath(geoMercator().fitSize([width, height], collection));
  const byAgs = new Map(comparison.districts.map((district) => [district.ags, district]));
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  const shown = outlines.filter((outline) => byAgs.has(outline.properties.ags));
  const areas = shown
    .map((outline) => {
      const district = byAgs.get(outline.properties.ags)!;
      const { level, label } = measure(district, comparison);
      const name = escapeHtml(`${nameOf(district, comparison)}: ${label}`);
      return `<path d="${path(outline)}" class="district level-${level}" data-ags="${district.ags}" tabindex="0" role="button" aria-label="${name}"><title>${name}</title></path>`;
    })
    .join('');
  // The names on the map, for reading it without pointing at it (the areas name themselves to
  // assistive technology: the labels are hidden from it). A city too small for its name gets it beside.
  const labels = shown
    .map((outline) => {
      const [x, y] = path.centroid(outline);
      const [[left], [right]] = path.bounds(outline);
      const name = byAgs.get(outline.properties.ags)!.name;
      const small = right - left < name.length * 5;
      return `<text x="${x.toFixed(1)}" y="${y.toFixed(1)}" class="map-label${small ? ' map-label--small' : ''}">${escapeHtml(name)}</text>`;
    })
    .join('');
  svg.innerHTML = `${areas}<g aria-hidden="true">${labels}</g>`;
  for (const element of svg.querySelectorAll<SVGPathElement>('path.district')) {
    const show = () => showDetail(byAgs.get(element.dataset.ags!)!, comparison);
    element.addEventListener('click', show);
    element.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' || event.key === ' ') show();
    });
  }
}

function drawLegend(key: string) {
  byId('legend').innerHTML = measures[key]!.legend()
    .map(([level, label]) => `<li><span class="swatch level-${level}"></span>${escapeHtml(label)}</li>`)
    .join('');
}

/** Every kind of heat-map cell, with what it means. */
function drawHeatLegend() {
  const kinds: [string, string][] = [
    ['FIELD_OF_ACTION', t().FIELD_OF_ACTION],
    ['THEME', t().THEME],
    ['NONE', t().notNamed],
    ['unknown', t().noConcept],
  ];
  byId('heat-legend').innerHTML = kinds
    .map(([kind, label]) => `<li><span class="swatch heat-${kind}"></span>${escapeHtml(label)}</li>`)
    .join('');
  byId('heat-legend').setAttribute('aria-label', t().legend);
}

function drawHeatMap(comparison: Comparison) {
  drawHeatLegend();
  const { columns, rows } = comparison.fieldsOfAction;
  const names = new Map(comparison.districts.map((district) => [district.ags, nameOf(district, comparison)]));
  const cellHtml = (row: FieldOfActionRow, cell: FieldOfActionRow['cells'][number]) => {
    if (!row.hasData) return `<td class="heat-unknown" title="${escapeHtml(t().noConcept)}">–</td>`;
    const text = cell.emphasis ? t()[cell.emphasis] : '';
    return `<td class="heat-${cell.emphasis ?? 'NONE'}" title="${escapeHtml(cell.label ?? t().notNamed)}">${escapeHtml(text)}</td>`;
  };
  byId('heatmap').innerHTML = `<thead><tr><th scope="col">${t().district}</th>${columns
    .map((column) => `<th scope="col">${escapeHtml(columnName(column))}</th>`)
    .join('')}</tr></thead><tbody>${rows
    .map(
      (row) =>
        `<tr><th scope="row">${escapeHtml(names.get(row.district.ags) ?? row.district.ags)}</th>${row.cells.map((cell) => cellHtml(row, cell)).join('')}</tr>`,
    )
    .join('')}</tbody>`;
}

function newestFactCell(district: District, comparison: Comparison): string {
  const newest = district.coverage.newestFact;
  if (!newest) return '–';
  return isOld(newest, comparison.asOf)
    ? `${escapeHtml(readableDate(newest))} <span class="old">(${escapeHtml(t().oldMark)})</span>`
    : escapeHtml(readableDate(newest));
}

/** A count, or a dash for none: the table says how much the graph holds, not only whether. */
const count = (value: number) => (value ? String(value) : '–');

/** Older than five years: marked in the table, as the freshness measure colours it. */
const isOld = (date: string, asOf: string) => Date.parse(asOf) - Date.parse(date) > 5 * 365.25 * 24 * 3600 * 1000;

/**
 * A district's name, with its kind where another district of the state has the same one (the city
 * of Leipzig and the Landkreis Leipzig).
 */
function nameOf(district: District, comparison: Comparison): string {
  const twins = comparison.districts.filter((other) => other.name === district.name).length;
  return twins > 1 ? `${district.name} (${kindOf(district)})` : district.name;
}

function drawTable(comparison: Comparison) {
  const headers = [t().district, t().kind, t().contacts, t().concept, t().fundings, t().offers, t().indicators, t().newestFact];
  // KERN UX's table: its classes on every row and cell, counts aligned as numbers.
  const cell = (content: string, numeric = false) =>
    `<td class="kern-table__cell${numeric ? ' kern-table__cell--numeric' : ''}">${content}</td>`;
  const row = (district: District) =>
    `<tr class="kern-table__row" data-ags="${district.ags}"><th scope="row" class="kern-table__header"><button type="button" class="link" data-ags="${district.ags}">${escapeHtml(nameOf(district, comparison))}</button></th>${[
      cell(escapeHtml(kindOf(district))),
      ...[
        district.coverage.contactCount,
        district.coverage.conceptCount,
        district.coverage.fundingCount,
        district.coverage.offerCount,
        district.coverage.indicatorValueCount,
      ].map((value) => cell(count(value), true)),
      cell(newestFactCell(district, comparison)),
    ].join('')}</tr>`;
  byId('districts').innerHTML =
    `<thead class="kern-table__head"><tr class="kern-table__row">${headers.map((header) => `<th scope="col" class="kern-table__header">${escapeHtml(header)}</th>`).join('')}</tr></thead>` +
    `<tbody class="kern-table__body">${comparison.districts.map(row).join('')}</tbody>`;
  for (const button of byId('districts').querySelectorAll<HTMLButtonElement>('button[data-ags]')) {
    button.addEventListener('click', () =>
      showDetail(comparison.districts.find((district) => district.ags === button.dataset.ags)!, comparison),
    );
  }
  const withLanguage = (href: string) => (language === 'en' ? `${href}${href.includes('?') ? '&' : '?'}lang=en` : href);
  byId('downloads').innerHTML = comparison.exports
    .map(
      (link) =>
        `<li>${escapeHtml(t().datasets[link.dataset] ?? link.dataset)}: <a href="${escapeHtml(withLanguage(link.csv))}" download>CSV</a> · <a href="${escapeHtml(withLanguage(link.xlsx))}" download>Excel</a></li>`,
    )
    .join('');
}

/** The district whose detail is shown (and marked on the map); in the address with the other choices. */
let selected: string | null = new URLSearchParams(location.search).get('district');

/** The choices made, in the address: a view can be shared by its link. */
function writeAddress() {
  const query = new URLSearchParams();
  query.set('state', byId<HTMLSelectElement>('state').value);
  query.set('measure', byId<HTMLSelectElement>('measure').value);
  if (byId<HTMLSelectElement>('measure').value === 'programme') query.set('programme', byId<HTMLSelectElement>('programme').value);
  if (selected) query.set('district', selected);
  if (language === 'en') query.set('lang', 'en');
  history.replaceState(null, '', `${location.pathname}?${query}`);
}

/** The choices of a shared address, where the page offers them. */
function readAddress() {
  const query = new URLSearchParams(location.search);
  for (const name of ['state', 'measure'] as const) {
    const choice = byId<HTMLSelectElement>(name);
    const value = query.get(name);
    if (value && [...choice.options].some((option) => option.value === value)) choice.value = value;
  }
}

function showHint() {
  const detail = byId('detail');
  detail.innerHTML = `<p class="hint kern-body">${escapeHtml(t().hint)}</p>`;
  delete detail.dataset.ags;
}

function markSelected() {
  for (const path of byId('map').querySelectorAll<SVGPathElement>('path.district'))
    path.classList.toggle('selected', path.dataset.ags === selected);
}

type SourceLink = { title: string; url?: string | null };

/** The pages the district's cells name (concept, posts, funding, indicators), each once. */
function sourcesOf(district: District, comparison: Comparison): SourceLink[] {
  const cited: SourceLink[] = [
    ...rowOf(comparison.fieldsOfAction, district).cells.flatMap((cell) => (cell.source ? [cell.source] : [])),
    ...rowOf(comparison.roles, district).cells.flatMap((cell) => cell.sources),
    ...rowOf(comparison.programmes, district).cells.flatMap((cell) => cell.sources),
    ...rowOf(comparison.indicators, district).cells.flatMap((cell) => (cell.value ? [cell.value.source] : [])),
  ];
  return [...new Map(cited.map((source) => [`${source.title}|${source.url ?? ''}`, source])).values()];
}

const sourceItem = (source: SourceLink) =>
  source.url?.startsWith('http')
    ? `<li><a href="${escapeHtml(source.url)}" rel="noopener noreferrer">${escapeHtml(source.title)}</a></li>`
    : `<li>${escapeHtml(source.title)}</li>`;

function showDetail(district: District, comparison: Comparison, { focus = true } = {}) {
  const roles = rowOf(comparison.roles, district);
  const filled = comparison.roles.columns.filter((_, index) => roles.cells[index]?.filled).map(columnName);
  const withContact = comparison.roles.columns
    .filter((_, index) => !roles.cells[index]?.filled && roles.cells[index]?.withContact)
    .map(columnName);
  const programmes = rowOf(comparison.programmes, district);
  const funded = comparison.programmes.columns.filter((_, index) => (programmes.cells[index]?.fundings.length ?? 0) > 0).map(columnName);
  const concepts = district.concepts
    .map((concept) =>
      escapeHtml(`${concept.title} (${concept.adoptedOn ? `${t().adopted} ${readableDate(concept.adoptedOn)}` : t().inPreparation})`),
    )
    .join('<br>');
  const detail = byId('detail');
  detail.innerHTML = `<h2 class="kern-heading-medium">${escapeHtml(nameOf(district, comparison))}</h2>
    <p class="kern-body">${escapeHtml(kindOf(district))} · AGS ${district.ags}</p>
    ${
      district.coverage.hasData
        ? `<dl class="kern-description-list">
      <dt>${t().concept}</dt><dd>${concepts || '–'}</dd>
      <dt>${t().filledRoles}</dt><dd>${filled.map(escapeHtml).join(', ') || '–'}</dd>
      ${withContact.length ? `<dt>${t().rolesWithContact}</dt><dd>${withContact.map(escapeHtml).join(', ')}</dd>` : ''}
      <dt>${t().programmes}</dt><dd>${funded.map(escapeHtml).join(', ') || '–'}</dd>
      <dt>${t().newestFact}</dt><dd>${district.coverage.newestFact ? readableDate(district.coverage.newestFact) : '–'}</dd></dl>
      <h3 class="kern-heading-small">${escapeHtml(t().sources)}</h3><ul class="sources kern-list kern-list--bullet">${sourcesOf(district, comparison).map(sourceItem).join('')}</ul>`
        : `<p>${escapeHtml(t().nothingHeld)}</p>`
    }`;
  detail.dataset.ags = district.ags;
  selected = district.ags;
  markSelected();
  writeAddress();
  if (focus) detail.focus();
}

/** The district search beside the map: every name of the state, chosen by typing. */
function fillSearch(comparison: Comparison) {
  byId('district-names').innerHTML = comparison.districts
    .map((district) => `<option value="${escapeHtml(nameOf(district, comparison))}"></option>`)
    .join('');
}

/** A table wider than its box says so, for those who would not see its scroll bar. */
function markScrolling() {
  for (const box of document.querySelectorAll<HTMLElement>('.scroll')) {
    const cue = box.nextElementSibling as HTMLElement | null;
    if (cue?.classList.contains('scroll-cue')) cue.hidden = box.scrollWidth <= box.clientWidth;
  }
}

async function main() {
  const status = byId('status');
  const retry = byId<HTMLButtonElement>('retry');
  let outlines: Outline[] | undefined;
  let comparison: Comparison | undefined;
  const redraw = () => {
    if (!comparison || !outlines) return;
    const key = byId<HTMLSelectElement>('measure').value;
    byId<HTMLElement>('programme-choice').hidden = key !== 'programme';
    const state = byId<HTMLSelectElement>('state').value;
    drawMap(
      outlines.filter((outline) => outline.properties.ags.startsWith(state === 'TH' ? '16' : '14')),
      comparison,
      measures[key]!.measure,
    );
    drawLegend(key);
    drawHeatMap(comparison);
    drawTable(comparison);
    fillSearch(comparison);
    markScrolling();
    byId('attribution').innerHTML =
      `${escapeHtml(t().outlines)}: <a href="https://www.bkg.bund.de">${escapeHtml(comparison.attribution)}</a>, ${escapeHtml(t().licence)}`;
    const withData = comparison.districts.filter((district) => district.coverage.hasData).length;
    status.textContent = t().status(readableDate(comparison.asOf), comparison.districts.length, withData);
    const district = comparison.districts.find((candidate) => candidate.ags === selected);
    if (district) showDetail(district, comparison, { focus: false });
    else {
      selected = null;
      showHint();
      writeAddress();
    }
  };
  const show = async () => {
    status.textContent = t().loading;
    retry.hidden = true;
    try {
      outlines ??= (await load<FeatureCollection<Geometry, { ags: string; name: string }>>('/dashboard/districts.geojson')).features;
      // The page offers the two states of the graph (src/dashboard/page.ts).
      comparison = await loadComparison(byId<HTMLSelectElement>('state').value as StateCode);
    } catch (error) {
      // The reason is for developers (the console); the reader is told what to do.
      console.error(error);
      status.textContent = t().failed;
      retry.hidden = false;
      return;
    }
    const programme = byId<HTMLSelectElement>('programme');
    const chosen = programme.value || new URLSearchParams(location.search).get('programme');
    programme.innerHTML = comparison.programmes.columns
      .map((column) => `<option value="${escapeHtml(column.key)}">${escapeHtml(columnName(column))}</option>`)
      .join('');
    if (chosen && comparison.programmes.columns.some((column) => column.key === chosen)) programme.value = chosen;
    redraw();
  };
  const languageChoice = byId<HTMLSelectElement>('language');
  languageChoice.value = language;
  languageChoice.addEventListener('change', () => {
    language = languageChoice.value === 'en' ? 'en' : 'de';
    applyLanguage();
    redraw();
  });
  byId('state').addEventListener('change', () => {
    selected = null;
    void show();
  });
  byId('measure').addEventListener('change', redraw);
  byId('programme').addEventListener('change', redraw);
  retry.addEventListener('click', () => void show());
  const search = byId<HTMLInputElement>('search');
  search.addEventListener('change', () => {
    const district = comparison?.districts.find((candidate) => nameOf(candidate, comparison!) === search.value.trim());
    if (district) showDetail(district, comparison!);
  });
  window.addEventListener('resize', markScrolling);
  readAddress();
  applyLanguage();
  await show();
}

void main();
