/// <reference lib="dom" />
// The dashboard in the browser (bundled by scripts/build-dashboard.mjs with its libraries: no
// CDN). It asks the API for one state's comparison and draws: a map of the districts coloured by
// the measure chosen (d3-geo over the BKG outlines), the district × field-of-action heat map, a
// district's detail on click, and the same data as a table with the spreadsheet downloads.
import { geoMercator, geoPath } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry } from 'geojson';

interface Cell {
  emphasis?: string | null;
  label?: string | null;
  filled?: boolean | null;
  positionCount?: number;
  fundings?: unknown[];
}
interface MatrixRow {
  district: { ags: string };
  hasData: boolean;
  cells: Cell[];
}
interface Matrix {
  columns: { key: string; name?: string; germanName?: string; shortName?: string }[];
  rows: MatrixRow[];
}
interface District {
  ags: string;
  name: string;
  kind: string;
  coverage: {
    contacts: boolean;
    concept: boolean;
    fundings: boolean;
    offers: boolean;
    indicators: boolean;
    hasData: boolean;
    newestFact: string | null;
  };
  concepts: { title: string; status: string; adoptedOn: string | null }[];
}
interface Comparison {
  asOf: string;
  attribution: string;
  districts: District[];
  fieldsOfAction: Matrix;
  roles: Matrix;
  programmes: Matrix;
  exports: { dataset: string; csv: string; xlsx: string }[];
}

const query = `query Dashboard($state: StateCode!) {
  comparison(state: $state) {
    asOf attribution
    districts { ags name kind coverage { contacts concept fundings offers indicators hasData newestFact } concepts { title status adoptedOn } }
    fieldsOfAction { columns { key germanName } rows { district { ags } hasData cells { emphasis label } } }
    roles { columns { key germanName } rows { district { ags } hasData cells { filled positionCount } } }
    programmes { columns { key shortName } rows { district { ags } hasData cells { positionCount fundings { id } } } }
    exports { dataset csv xlsx }
  }
}`;

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!);

/** Measures a district can be coloured by; each gives a class (colour) and a label for the legend and the title. */
type Measure = (district: District, comparison: Comparison) => { level: string; label: string };

const noData = { level: 'none', label: 'keine Daten im Graph' };

const measures: Record<string, { name: string; legend: [string, string][]; measure: Measure }> = {
  concept: {
    name: 'Integrationskonzept',
    legend: [
      ['high', 'beschlossen'],
      ['mid', 'in Arbeit'],
      ['none', 'keine Daten im Graph'],
    ],
    measure: (district) => {
      if (!district.coverage.concept) return noData;
      const adopted = district.concepts.find((concept) => concept.adoptedOn);
      return adopted ? { level: 'high', label: `beschlossen ${adopted.adoptedOn}` } : { level: 'mid', label: 'in Arbeit' };
    },
  },
  posts: {
    name: 'Besetzte Integrationsstellen',
    legend: [
      ['high', '2 und mehr Rollen besetzt'],
      ['mid', '1 Rolle besetzt'],
      ['low', 'keine besetzt'],
      ['none', 'keine Daten im Graph'],
    ],
    measure: (district, comparison) => {
      const row = comparison.roles.rows.find((candidate) => candidate.district.ags === district.ags)!;
      if (!row.hasData) return noData;
      const filled = row.cells.filter((cell) => cell.filled).length;
      return { level: filled >= 2 ? 'high' : filled === 1 ? 'mid' : 'low', label: `${filled} Rolle(n) besetzt` };
    },
  },
  programme: {
    name: 'Förderprogramm',
    legend: [
      ['high', 'gefördert'],
      ['low', 'nicht gefördert'],
      ['none', 'keine Daten im Graph'],
    ],
    measure: (district, comparison) => {
      const row = comparison.programmes.rows.find((candidate) => candidate.district.ags === district.ags)!;
      if (!row.hasData) return noData;
      const index = comparison.programmes.columns.findIndex((column) => column.key === byId<HTMLSelectElement>('programme').value);
      const funded = (row.cells[index]?.fundings?.length ?? 0) > 0;
      return funded ? { level: 'high', label: 'gefördert' } : { level: 'low', label: 'nicht gefördert' };
    },
  },
  freshness: {
    name: 'Aktualität der Daten',
    legend: [
      ['high', 'jünger als 2 Jahre'],
      ['mid', '2 bis 5 Jahre'],
      ['low', 'älter als 5 Jahre'],
      ['none', 'ohne Datum'],
    ],
    measure: (district, comparison) => {
      const newest = district.coverage.newestFact;
      if (!newest) return { level: 'none', label: 'ohne Datum' };
      const years = (Date.parse(comparison.asOf) - Date.parse(newest)) / (365.25 * 24 * 3600 * 1000);
      return { level: years < 2 ? 'high' : years <= 5 ? 'mid' : 'low', label: `Stand ${newest}` };
    },
  },
};

async function load<T>(url: string, init?: RequestInit): Promise<T> {
  const response = await fetch(url, init);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

async function loadComparison(state: string): Promise<Comparison> {
  const answer = await load<{ data?: { comparison: Comparison }; errors?: { message: string }[] }>('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify({ query, variables: { state } }),
  });
  if (!answer.data) throw new Error(answer.errors?.map((error) => error.message).join('; ') ?? 'no answer');
  return answer.data.comparison;
}

type Outline = Feature<Geometry, { ags: string; name: string }>;

function drawMap(outlines: Outline[], comparison: Comparison, measure: Measure) {
  const svg = byId<HTMLElement>('map');
  const width = 560;
  const height = 480;
  const collection: FeatureCollection<Geometry, { ags: string; name: string }> = { type: 'FeatureCollection', features: outlines };
  const path = geoPath(geoMercator().fitSize([width, height], collection));
  const byAgs = new Map(comparison.districts.map((district) => [district.ags, district]));
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  svg.innerHTML = outlines
    .map((outline) => {
      const district = byAgs.get(outline.properties.ags);
      if (!district) return '';
      const { level, label } = measure(district, comparison);
      return `<path d="${path(outline)}" class="district level-${level}" data-ags="${district.ags}" tabindex="0" role="button"
        aria-label="${escapeHtml(`${district.name}: ${label}`)}"><title>${escapeHtml(`${district.name}: ${label}`)}</title></path>`;
    })
    .join('');
  for (const element of svg.querySelectorAll<SVGPathElement>('path.district')) {
    const show = () => showDetail(byAgs.get(element.dataset.ags!)!, comparison);
    element.addEventListener('click', show);
    element.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' || event.key === ' ') show();
    });
  }
}

function drawLegend(key: string) {
  byId('legend').innerHTML = measures[key]!.legend.map(
    ([level, label]) => `<li><span class="swatch level-${level}"></span>${escapeHtml(label)}</li>`,
  ).join('');
}

const emphasisLabel: Record<string, string> = { FIELD_OF_ACTION: 'Handlungsfeld', THEME: 'Thema' };

function drawHeatMap(comparison: Comparison) {
  const { columns, rows } = comparison.fieldsOfAction;
  const names = new Map(comparison.districts.map((district) => [district.ags, district.name]));
  byId('heatmap').innerHTML = `<thead><tr><th scope="col">Kreis</th>${columns
    .map((column) => `<th scope="col">${escapeHtml(column.germanName ?? column.key)}</th>`)
    .join('')}</tr></thead><tbody>${rows
    .map(
      (row) =>
        `<tr><th scope="row">${escapeHtml(names.get(row.district.ags) ?? row.district.ags)}</th>${row.cells
          .map((cell) => {
            if (!row.hasData) return '<td class="heat-unknown" title="kein Konzept im Graph">–</td>';
            const kind = cell.emphasis ?? 'NONE';
            const text = cell.emphasis ? (emphasisLabel[cell.emphasis] ?? cell.emphasis) : '';
            return `<td class="heat-${kind}" title="${escapeHtml(cell.label ?? 'nicht genannt')}">${escapeHtml(text)}</td>`;
          })
          .join('')}</tr>`,
    )
    .join('')}</tbody>`;
}

const yes = (value: boolean) => (value ? 'ja' : '–');

function drawTable(comparison: Comparison) {
  byId('districts').innerHTML = `<thead><tr><th scope="col">Kreis</th><th scope="col">Art</th><th scope="col">Kontakte</th>
    <th scope="col">Konzept</th><th scope="col">Förderungen</th><th scope="col">Angebote</th><th scope="col">Kennzahlen</th>
    <th scope="col">Neuester Stand</th></tr></thead><tbody>${comparison.districts
      .map(
        (
          district,
        ) => `<tr data-ags="${district.ags}"><th scope="row"><button type="button" class="link" data-ags="${district.ags}">${escapeHtml(district.name)}</button></th>
        <td>${district.kind === 'RURAL_DISTRICT' ? 'Landkreis' : 'Kreisfreie Stadt'}</td>
        <td>${yes(district.coverage.contacts)}</td><td>${yes(district.coverage.concept)}</td><td>${yes(district.coverage.fundings)}</td>
        <td>${yes(district.coverage.offers)}</td><td>${yes(district.coverage.indicators)}</td><td>${district.coverage.newestFact ?? '–'}</td></tr>`,
      )
      .join('')}</tbody>`;
  for (const button of byId('districts').querySelectorAll<HTMLButtonElement>('button[data-ags]')) {
    button.addEventListener('click', () =>
      showDetail(comparison.districts.find((district) => district.ags === button.dataset.ags)!, comparison),
    );
  }
  byId('downloads').innerHTML = comparison.exports
    .map(
      (link) =>
        `<li>${escapeHtml(link.dataset)}: <a href="${escapeHtml(link.csv)}" download>CSV</a> · <a href="${escapeHtml(link.xlsx)}" download>Excel</a></li>`,
    )
    .join('');
}

function showDetail(district: District, comparison: Comparison) {
  const roles = comparison.roles.rows.find((row) => row.district.ags === district.ags)!;
  const filled = comparison.roles.columns.filter((_, index) => roles.cells[index]?.filled).map((column) => column.germanName ?? column.key);
  const programmes = comparison.programmes.rows.find((row) => row.district.ags === district.ags)!;
  const funded = comparison.programmes.columns.filter((_, index) => (programmes.cells[index]?.fundings?.length ?? 0) > 0);
  const detail = byId('detail');
  detail.innerHTML = `<h2>${escapeHtml(district.name)}</h2>
    <p>${district.kind === 'RURAL_DISTRICT' ? 'Landkreis' : 'Kreisfreie Stadt'} · AGS ${district.ags}</p>
    ${
      district.coverage.hasData
        ? `<dl>
      <dt>Integrationskonzept</dt><dd>${district.concepts.map((concept) => escapeHtml(`${concept.title} (${concept.adoptedOn ? `beschlossen ${concept.adoptedOn}` : 'in Arbeit'})`)).join('<br>') || '–'}</dd>
      <dt>Besetzte Rollen</dt><dd>${filled.map(escapeHtml).join(', ') || '–'}</dd>
      <dt>Förderprogramme</dt><dd>${funded.map((column) => escapeHtml(column.shortName ?? column.key)).join(', ') || '–'}</dd>
      <dt>Neuester Stand</dt><dd>${district.coverage.newestFact ?? '–'}</dd></dl>`
        : '<p>Der Graph enthält noch keine Integrationsdaten dieses Kreises.</p>'
    }`;
  detail.hidden = false;
  detail.focus();
}

async function main() {
  const status = byId('status');
  const outlines = (await load<FeatureCollection<Geometry, { ags: string; name: string }>>('/dashboard/districts.geojson')).features;
  let comparison: Comparison | undefined;
  const redraw = () => {
    if (!comparison) return;
    const key = byId<HTMLSelectElement>('measure').value;
    byId<HTMLElement>('programme-choice').hidden = key !== 'programme';
    const state = byId<HTMLSelectElement>('state').value;
    drawMap(
      outlines.filter((outline) => outline.properties.ags.startsWith(state === 'TH' ? '16' : '14')),
      comparison,
      measures[key]!.measure,
    );
    drawLegend(key);
  };
  const show = async () => {
    status.textContent = 'Lädt …';
    try {
      comparison = await loadComparison(byId<HTMLSelectElement>('state').value);
    } catch (error) {
      status.textContent = `Die Daten konnten nicht geladen werden: ${(error as Error).message}`;
      return;
    }
    byId<HTMLSelectElement>('programme').innerHTML = comparison.programmes.columns
      .map((column) => `<option value="${escapeHtml(column.key)}">${escapeHtml(column.shortName ?? column.key)}</option>`)
      .join('');
    redraw();
    drawHeatMap(comparison);
    drawTable(comparison);
    byId('attribution').innerHTML =
      `Kreisgrenzen und Gemeinden: <a href="https://www.bkg.bund.de">${escapeHtml(comparison.attribution)}</a>, Datenlizenz Deutschland – Namensnennung – Version 2.0`;
    const withData = comparison.districts.filter((district) => district.coverage.hasData).length;
    status.textContent = `Stand ${comparison.asOf}: ${comparison.districts.length} Kreise, davon ${withData} mit Daten im Graph.`;
  };
  byId('state').addEventListener('change', show);
  byId('measure').addEventListener('change', redraw);
  byId('programme').addEventListener('change', redraw);
  await show();
}

main().catch((error) => {
  byId('status').textContent = `Fehler: ${(error as Error).message}`;
});
