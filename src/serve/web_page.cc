// The page's HTML shell, stylesheet and icon as raw string literals (the
// script is in web_app_js.cc). Edit them here; nothing is read from disk.
#include "serve/web_page.h"

namespace gcm {

const std::string_view kIndexHtml = R"gcmhtml(<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>GCM search</title>
<link rel="icon" href="/favicon.ico" type="image/svg+xml">
<link rel="stylesheet" href="/static/app.css">
<script src="/static/app.js" defer></script>
</head>
<body>
<header class="top">
  <div class="top-inner">
    <a class="brand" href="/" data-internal>
      <span class="brand-mark" aria-hidden="true">GCM</span>
      <span class="brand-text">search<small>Global Compact for Migration &middot; English &amp; Espa&ntilde;ol</small></span>
    </a>
    <form id="search-form" role="search" action="/" method="get">
      <input id="q" name="q" type="search" maxlength="1024" autocomplete="off" spellcheck="false"
             aria-label="Search the collection"
             placeholder="Search: detenci&oacute;n, &quot;regular pathways&quot;, objective:13">
      <button type="submit">Search</button>
    </form>
    <nav class="views" aria-label="Views">
      <a href="/" data-internal data-view="search">Search</a>
      <a href="/?view=objectives" data-internal data-view="objectives">Objectives</a>
      <a href="/?view=map" data-internal data-view="map">Collection map</a>
    </nav>
  </div>
</header>
<main id="main" class="layout">
  <aside id="filters" class="filters" aria-label="Filters"></aside>
  <section id="content" class="content" aria-live="polite">
    <noscript><p class="notice">This page needs JavaScript. The JSON API works without it: <code>/api/search?q=migration</code>.</p></noscript>
  </section>
</main>
<footer class="foot">
  gcmsearch &middot; <a href="/api/objectives">JSON API</a> &middot; the 23 objectives of the
  Global Compact for Safe, Orderly and Regular Migration (A/RES/73/195)
</footer>
</body>
</html>
)gcmhtml";

const std::string_view kAppCss = R"gcmcss(:root {
  --ink: #1c2530;
  --muted: #5b6675;
  --faint: #8b95a3;
  --line: #dfe4ea;
  --bg: #f5f7fa;
  --card: #ffffff;
  --accent: #0b5cad;
  --accent-soft: #e6f0fb;
  --mark: #ffe58a;
  --es: #b4461b;
  --en: #0b5cad;
  --heat1: #b9d5f2;
  --heat2: #7fb2e5;
  --heat3: #3d85cf;
  --heat4: #0b4f96;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif;
  color: var(--ink);
  background: var(--bg);
}
* { box-sizing: border-box; }
body { margin: 0; line-height: 1.45; font-size: 15px; }
a { color: var(--accent); text-decoration: none; }
a:hover { text-decoration: underline; }
code { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 0.9em; }

.top { background: #0d2b4a; color: #fff; box-shadow: 0 1px 3px rgba(0,0,0,.2); }
.top-inner { max-width: 1280px; margin: 0 auto; padding: 12px 20px; display: flex; gap: 20px;
             align-items: center; flex-wrap: wrap; }
.brand { display: flex; align-items: center; gap: 10px; color: #fff; }
.brand:hover { text-decoration: none; }
.brand-mark { background: #fff; color: #0d2b4a; font-weight: 800; letter-spacing: .04em;
              border-radius: 6px; padding: 4px 7px; font-size: 15px; }
.brand-text { font-size: 20px; font-weight: 600; display: flex; flex-direction: column; line-height: 1.1; }
.brand-text small { font-size: 11.5px; font-weight: 400; opacity: .75; margin-top: 2px; }
#search-form { flex: 1 1 420px; display: flex; min-width: 280px; }
#q { flex: 1; font: inherit; font-size: 16px; padding: 9px 12px; border: 0; border-radius: 6px 0 0 6px;
     outline: none; min-width: 0; }
#q:focus { box-shadow: inset 0 0 0 2px #7fb2e5; }
#search-form button { font: inherit; font-weight: 600; padding: 0 18px; border: 0; border-radius: 0 6px 6px 0;
                      background: #f0b429; color: #1c2530; cursor: pointer; }
#search-form button:hover { background: #f7c548; }
.views { display: flex; gap: 4px; }
.views a { color: #cfe0f3; padding: 6px 10px; border-radius: 6px; font-size: 14px; }
.views a:hover { background: rgba(255,255,255,.1); text-decoration: none; }
.views a.active { background: rgba(255,255,255,.16); color: #fff; }

.layout { max-width: 1280px; margin: 0 auto; padding: 20px; display: grid;
          grid-template-columns: 260px minmax(0, 1fr); gap: 24px; align-items: start; }
.layout.wide { grid-template-columns: minmax(0, 1fr); }
.layout.wide .filters { display: none; }
.filters { position: sticky; top: 12px; max-height: calc(100vh - 24px); overflow: auto;
           background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 6px 0; }
.facet { padding: 8px 14px 10px; border-bottom: 1px solid var(--line); }
.facet:last-child { border-bottom: 0; }
.facet h3 { font-size: 12px; text-transform: uppercase; letter-spacing: .06em; color: var(--muted);
            margin: 4px 0 6px; }
.facet label { display: flex; align-items: baseline; gap: 7px; padding: 3px 0; cursor: pointer; font-size: 14px; }
.facet label.zero { color: var(--faint); }
.facet input { margin: 0; accent-color: var(--accent); }
.facet .name { flex: 1; min-width: 0; }
.facet .num { color: var(--faint); font-variant-numeric: tabular-nums; font-size: 13px; }
.facet .count { font-variant-numeric: tabular-nums; color: var(--muted); font-size: 12.5px; background: var(--bg);
                border-radius: 10px; padding: 0 7px; }
.facet .more { background: none; border: 0; color: var(--accent); font: inherit; font-size: 13px;
               padding: 4px 0 0; cursor: pointer; }
.facet .none { color: var(--faint); font-size: 13px; margin: 2px 0; }

.summary { display: flex; flex-wrap: wrap; align-items: center; gap: 8px; margin: 2px 0 14px; color: var(--muted); }
.summary strong { color: var(--ink); }
.chip { display: inline-flex; align-items: center; gap: 4px; background: var(--accent-soft); color: var(--accent);
        border: 1px solid #c6dcf3; border-radius: 14px; padding: 1px 10px; font-size: 13px; cursor: pointer; }
.chip:hover { text-decoration: none; background: #d6e8fa; }
button.chip { font: inherit; font-size: 13px; }
.chip .x { font-weight: 700; opacity: .7; }
.obj { display: inline-block; min-width: 26px; text-align: center; font-weight: 600; font-size: 12.5px;
       background: #eef1f5; color: #273444; border-radius: 5px; padding: 1px 6px; margin: 0 4px 4px 0; }
a.obj:hover { background: var(--accent-soft); color: var(--accent); text-decoration: none; }
.badge { display: inline-block; font-size: 11.5px; font-weight: 700; letter-spacing: .04em; text-transform: uppercase;
         border-radius: 4px; padding: 0 6px; border: 1px solid currentColor; }
.badge.lang-en { color: var(--en); }
.badge.lang-es { color: var(--es); }
.badge.lang-other { color: var(--muted); }

.result, .card { background: var(--card); border: 1px solid var(--line); border-radius: 8px;
                 padding: 14px 18px; margin-bottom: 12px; }
.result h2, .card h2 { font-size: 17px; margin: 0 0 4px; line-height: 1.3; font-weight: 600; }
.card h3 { font-size: 15px; margin: 16px 0 0; font-weight: 600; }
.meta { display: flex; flex-wrap: wrap; align-items: center; gap: 6px 12px; color: var(--muted); font-size: 13px; }
.meta .via { font-size: 12px; color: var(--muted); border: 1px solid var(--line, #ccc); border-radius: 9px; padding: 0 7px; }
.meta .path { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 12px; color: var(--faint);
              overflow-wrap: anywhere; }
.snippet { margin: 8px 0 6px; color: #2c3745; }
mark { background: var(--mark); color: inherit; border-radius: 2px; padding: 0 1px; }
.row { display: flex; flex-wrap: wrap; align-items: center; gap: 4px 14px; margin-top: 6px; font-size: 13px; }
.row .label { color: var(--muted); }
.translation { font-size: 13px; }
.pager { display: flex; gap: 10px; align-items: center; justify-content: center; margin: 18px 0; color: var(--muted); }
.pager a, .pager span.off { padding: 6px 14px; border: 1px solid var(--line); border-radius: 6px; background: var(--card); }
.pager span.off { color: var(--faint); }
.notice { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 16px 18px; color: var(--muted); }
.error { background: #fff1f0; border: 1px solid #f3c2bd; color: #8a1f11; border-radius: 8px; padding: 12px 16px; }
.loading { color: var(--faint); padding: 10px 2px; }

.page-head { margin: 0 0 16px; }
.page-head h1 { font-size: 24px; margin: 0 0 4px; line-height: 1.25; }
.page-head .sub { color: var(--muted); margin: 0; }
.page-head .es { color: var(--es); margin: 2px 0 0; font-style: italic; }
.crumbs { font-size: 13px; color: var(--muted); margin-bottom: 10px; display: flex; gap: 14px; flex-wrap: wrap; }
.evidence { list-style: none; padding: 0; margin: 10px 0 0; }
.evidence li { border-left: 3px solid var(--heat2); padding: 4px 0 4px 12px; margin: 8px 0; }
.evidence .where { font-size: 12px; color: var(--muted); display: block; margin-bottom: 2px; }
.evidence .kind { font-size: 11px; text-transform: uppercase; letter-spacing: .05em; background: #eef1f5;
                  border-radius: 3px; padding: 0 5px; margin-left: 6px; }
.evidence q { quotes: "\201C" "\201D"; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; margin: 8px 0 0; font-size: 14px; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; overflow-wrap: anywhere; }
.objnav { display: flex; justify-content: space-between; margin: 4px 0 14px; font-size: 14px; }

.objective-list { display: grid; grid-template-columns: repeat(auto-fill, minmax(340px, 1fr)); gap: 10px; }
.objective-item { display: grid; grid-template-columns: 38px 1fr auto; gap: 4px 10px; align-items: center;
                  background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 10px 14px; color: var(--ink); }
.objective-item:hover { border-color: #9cc3ea; text-decoration: none; }
.objective-item .n { font-size: 20px; font-weight: 700; color: var(--accent); text-align: center; }
.objective-item .t { font-weight: 600; font-size: 14px; }
.objective-item .t small { display: block; font-weight: 400; color: var(--es); font-size: 12.5px; }
.objective-item .c { font-variant-numeric: tabular-nums; color: var(--muted); font-size: 13px; text-align: right; }
.bar { grid-column: 2 / 4; height: 5px; background: #eef1f5; border-radius: 3px; overflow: hidden; }
.bar span { display: block; height: 100%; background: var(--heat3); }

.map-wrap { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 14px; overflow-x: auto; }
.map-wrap table.matrix { min-width: 900px; }
.map-tools { display: flex; flex-wrap: wrap; gap: 16px; align-items: center; margin-bottom: 10px; font-size: 13px; color: var(--muted); }
.map-tools select { font: inherit; padding: 3px 6px; }
.legend { display: flex; gap: 10px; align-items: center; }
.legend i { display: inline-block; width: 14px; height: 14px; border-radius: 3px; vertical-align: -2px; margin-right: 3px;
            border: 1px solid var(--line); }
table.matrix { border-collapse: separate; border-spacing: 2px; font-size: 12px; width: 100%; table-layout: fixed; }
table.matrix col.doc { width: 32%; }
table.matrix th { font-weight: 600; color: var(--muted); }
table.matrix thead th.col { min-width: 22px; text-align: center; padding: 2px 0; }
table.matrix thead th.col a { color: var(--ink); display: block; }
table.matrix th.doc { text-align: left; font-weight: 400; padding: 0 10px 0 0; white-space: nowrap;
                      overflow: hidden; text-overflow: ellipsis; }
table.matrix th.doc .badge { margin-right: 6px; font-size: 10px; }
table.matrix td { height: 24px; border-radius: 3px; background: #eef1f5; text-align: center; padding: 0; }
table.matrix td a { display: block; width: 100%; height: 100%; }
table.matrix tr.totals th, table.matrix tr.totals td { background: none; color: var(--muted); font-variant-numeric: tabular-nums; }
td.h1 { background: var(--heat1) !important; }
td.h2 { background: var(--heat2) !important; }
td.h3 { background: var(--heat3) !important; }
td.h4 { background: var(--heat4) !important; }
td.hl { background: repeating-linear-gradient(45deg, #f1f3f6, #f1f3f6 3px, #c9d9ea 3px, #c9d9ea 5px) !important; }
i.h0 { background: #f1f3f6; } i.h1 { background: var(--heat1); } i.h2 { background: var(--heat2); }
i.h3 { background: var(--heat3); } i.h4 { background: var(--heat4); }
i.hl { background: repeating-linear-gradient(45deg, #f1f3f6, #f1f3f6 3px, #c9d9ea 3px, #c9d9ea 5px); }
.coverage { display: grid; grid-template-columns: repeat(23, 1fr); gap: 3px; margin: 10px 0 16px; }
.coverage a { display: block; text-align: center; font-size: 11px; font-weight: 600; padding: 5px 0; border-radius: 4px;
              color: var(--ink); background: #f1f3f6; }
.coverage a.h1 { background: var(--heat1); } .coverage a.h2 { background: var(--heat2); }
.coverage a.h3 { background: var(--heat3); color: #fff; } .coverage a.h4 { background: var(--heat4); color: #fff; }
.coverage a:hover { outline: 2px solid var(--accent); text-decoration: none; }

.foot { max-width: 1280px; margin: 10px auto 30px; padding: 0 20px; color: var(--faint); font-size: 12.5px; }
.foot a { color: var(--muted); }

@media (max-width: 820px) {
  .layout { grid-template-columns: minmax(0, 1fr); }
  .filters { position: static; max-height: none; }
  .coverage { grid-template-columns: repeat(12, 1fr); }
}
)gcmcss";

const std::string_view kFaviconSvg = R"gcmsvg(<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">
<rect width="32" height="32" rx="6" fill="#0d2b4a"/>
<circle cx="14" cy="14" r="7" fill="none" stroke="#fff" stroke-width="3"/>
<path d="M19 19l7 7" stroke="#f0b429" stroke-width="3.5" stroke-linecap="round"/>
</svg>
)gcmsvg";

}  // namespace gcm
