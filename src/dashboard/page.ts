// The dashboard at /dashboard for people who would rather look than read: the page, its script
// (bundled from client/dashboard.ts with d3-geo by scripts/build-pages.mjs when the packages
// are installed) and the district outlines — all from this server, nothing from a CDN.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { HttpProblem } from '../http/problem.js';
import { asHtmlPage } from '../http/securityHeaders.js';
import { buildDir, kernDir, prismaDir } from '../paths.js';

const referenceDir = join(prismaDir, 'reference');
const dashboardBundle = join(buildDir, 'dashboard.js');

const page = `<!doctype html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Integrationsgraph – Kreise im Vergleich</title>
<link rel="stylesheet" href="/dashboard/kern/fonts/fira-sans.css">
<link rel="stylesheet" href="/dashboard/kern/kern.min.css">
<style>
  /* KERN UX gives type, controls, tables and colours; this page adds only its layout and the map's colours. */
  body { font-family: var(--kern-typography-font-family-default, "Fira Sans", sans-serif); color: var(--kern-color-layout-text-default, #131525); }
  header, main, footer { max-width: 1200px; margin: 0 auto; padding: 0 16px; }
  h1 { margin: 16px 0 8px; }
  h2 { margin: 16px 0 8px; }
  .controls { display: flex; flex-wrap: wrap; gap: 16px; align-items: end; margin: 8px 0 16px; }
  .controls .kern-form-input { margin: 0; }
  [hidden] { display: none !important; }
  .panels { display: grid; grid-template-columns: minmax(300px, 3fr) minmax(240px, 2fr); gap: 16px; }
  @media (max-width: 800px) { .panels { grid-template-columns: 1fr; } }
  #map { width: 100%; height: auto; background: #fff; border: 1px solid #ccc; }
  .district { stroke: #6b6b6b; stroke-width: 0.75; cursor: pointer; }
  .district:focus, .district:hover { stroke: #1b1b1b; stroke-width: 2; outline: none; }
  .district.selected { stroke: #0b57a4; stroke-width: 3; }
  .map-label { font-size: 9px; text-anchor: middle; dominant-baseline: middle; pointer-events: none; fill: #131525;
    paint-order: stroke; stroke: #fff; stroke-width: 2.5px; stroke-linejoin: round; }
  .map-label--small { font-size: 7px; }
  .hint { color: #444; }
  .old { color: #8a4b00; font-weight: 600; }
  .search { margin-bottom: 8px; max-width: 320px; }
  .scroll-cue { font-size: 13px; color: #444; margin-top: -16px; }
  #retry { margin-bottom: 8px; }
  .scroll:focus { outline: 2px solid #0b57a4; }
  .level-high { fill: #1a7a3d; background: #1a7a3d; }
  .level-mid { fill: #7fbf7b; background: #7fbf7b; }
  .level-low { fill: #f1a340; background: #f1a340; }
  .level-contact { fill: #9ecae1; background: #9ecae1; }
  .level-absent { fill: #ffffff; background: #ffffff; }
  .level-none { fill: #bdbdbd; background: #bdbdbd; }
  #legend, .legend { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 12px; }
  .swatch { display: inline-block; width: 14px; height: 14px; margin-right: 6px; vertical-align: -2px; border: 1px solid #888; }
  #detail { background: #fff; border: 1px solid #ccc; padding: 8px 16px; }
  #heatmap { border-collapse: collapse; background: #fff; margin: 8px 0 24px; font-size: 13px; }
  #heatmap th, #heatmap td { border: 1px solid #ddd; padding: 4px 6px; text-align: left; }
  #districts { margin: 8px 0 24px; }
  #districts .kern-table__header, #districts .kern-table__cell { padding-inline: 8px; }
  .scroll { overflow-x: auto; }
  .heat-FIELD_OF_ACTION { background: #1a7a3d; color: #fff; }
  .heat-THEME { background: #b8e0b5; }
  .heat-NONE { background: #fff; }
  .heat-unknown { background: #eee; color: #555; text-align: center; }
  button.link { background: none; border: none; padding: 0; font: inherit; color: var(--kern-color-action-default, #0b57a4); text-decoration: underline; cursor: pointer; }
  footer { font-size: 13px; color: #444; margin-bottom: 24px; }
</style>
</head>
<body>
<header>
  <h1 class="kern-heading-large" data-text="title">Integrationsmanagement der Kreise im Vergleich</h1>
  <p id="status" class="kern-body" role="status">Lädt …</p>
  <button type="button" id="retry" class="kern-btn kern-btn--primary" hidden><span class="kern-label" data-text="retry">Erneut versuchen</span></button>
</header>
<main>
  <div class="controls">
    <div class="kern-form-input"><label class="kern-label" for="state" data-text="stateLabel">Land</label>
      <div class="kern-form-input__select-wrapper"><select class="kern-form-input__select" id="state"><option value="TH">Thüringen</option><option value="SN">Sachsen</option></select></div>
    </div>
    <div class="kern-form-input"><label class="kern-label" for="measure" data-text="measureLabel">Karte zeigt</label>
      <div class="kern-form-input__select-wrapper"><select class="kern-form-input__select" id="measure">
        <option value="concept">Integrationskonzept</option>
        <option value="posts">Besetzte Integrationsstellen</option>
        <option value="programme">Förderprogramm</option>
        <option value="freshness">Aktualität der Daten</option>
      </select></div>
    </div>
    <div class="kern-form-input" id="programme-choice" hidden><label class="kern-label" for="programme" data-text="programmeLabel">Programm</label>
      <div class="kern-form-input__select-wrapper"><select class="kern-form-input__select" id="programme"></select></div>
    </div>
    <div class="kern-form-input"><label class="kern-label" for="language" data-text="languageLabel">Sprache</label>
      <div class="kern-form-input__select-wrapper"><select class="kern-form-input__select" id="language"><option value="de" lang="de">Deutsch</option><option value="en" lang="en">English</option></select></div>
    </div>
  </div>
  <div class="panels">
    <section aria-labelledby="map-title">
      <h2 id="map-title" class="kern-heading-medium" data-text="mapTitle">Karte</h2>
      <div class="kern-form-input search"><label class="kern-label" for="search" data-text="search">Kreis suchen</label>
        <input class="kern-form-input__input" id="search" type="search" list="district-names" autocomplete="off"></div>
      <datalist id="district-names"></datalist>
      <svg id="map" role="group" aria-label="Karte der Kreise"></svg>
      <ul id="legend" aria-label="Legende"></ul>
    </section>
    <section id="detail" class="kern-card" tabindex="-1" aria-live="polite"></section>
  </div>
  <section aria-labelledby="heat-title">
    <h2 id="heat-title" class="kern-heading-medium" data-text="heatmapTitle">Handlungsfelder der Integrationskonzepte</h2>
    <ul id="heat-legend" class="legend" aria-label="Legende"></ul>
    <div class="scroll" tabindex="0" role="region" aria-labelledby="heat-title"><table id="heatmap"></table></div>
    <p class="scroll-cue" data-text="scrollCue" hidden></p>
  </section>
  <section aria-labelledby="table-title">
    <h2 id="table-title" class="kern-heading-medium" data-text="tableTitle">Kreise und ihre Daten</h2>
    <div class="scroll" tabindex="0" role="region" aria-labelledby="table-title"><table id="districts" class="kern-table kern-table--small kern-table--striped"></table></div>
    <p class="scroll-cue" data-text="scrollCue" hidden></p>
    <h3 class="kern-heading-small" data-text="downloadsTitle">Herunterladen</h3>
    <ul id="downloads"></ul>
  </section>
</main>
<footer><p id="attribution"></p><p data-text="footer">Daten: Integrationsgraph (API unter /graphql). Jede Zelle nennt in der API ihre Quelle.</p></footer>
<script type="module" src="/dashboard/dashboard.js"></script>
</body>
</html>
`;

/** The page, its script and the outlines (files, sent by @fastify/static with their ETag), each kept five minutes. */
export function dashboardRoutes() {
  return async (app: FastifyInstance) => {
    await app.register(fastifyStatic, { root: [buildDir, referenceDir], serve: false, maxAge: 300_000 });
    // The design system's stylesheet and fonts, as the package ships them (its fonts are named from its stylesheet).
    await app.register(fastifyStatic, { root: kernDir, prefix: '/dashboard/kern/', decorateReply: false, maxAge: 86_400_000 });
    const sendPage = async (request: FastifyRequest, reply: FastifyReply) => {
      asHtmlPage(request, reply);
      return reply.type('text/html; charset=utf-8').header('cache-control', 'public, max-age=300').send(page);
    };
    app.get('/dashboard', sendPage);
    app.get('/dashboard/', sendPage);
    app.get('/dashboard/dashboard.js', async (_request, reply) => {
      if (!existsSync(dashboardBundle))
        throw new HttpProblem(404, 'NOT_FOUND', 'The dashboard is not built: run npm install (or npm run build:pages).');
      return reply.sendFile('dashboard.js', buildDir);
    });
    app.get('/dashboard/districts.geojson', (_request, reply) => reply.sendFile('districts-sn-th.geojson', referenceDir));
  };
}
