'use strict';
// The page's pure helpers: no DOM, no network, no global state. What they
// take and return are strings, numbers, plain objects and arrays, so that
// tests/web/app_helpers.test.js checks them under Node (node --test)
// without a browser. In the page this is a classic script loaded before
// app.js (/static/helpers.js), which finds them in window.GcmHelpers; in
// Node, require() returns the same object.
(function () {
  const PAGE_SIZE = 10;
  const LANG_NAMES = { en: 'English', es: 'Español', fr: 'Français', pt: 'Português', und: 'Undetermined' };
  const VERSION_LABEL = { en: 'English version', es: 'Versión en español', fr: 'Version française',
                          pt: 'Versão em português' };
  const KIND_NAMES = { number: 'by number', title: 'by title', link: 'hub link' };
  const FILTER_KEYS = ['lang', 'objective', 'format', 'year'];

  function plural(n, one, many) { return n + ' ' + (n === 1 ? one : many); }
  function langName(code) { return LANG_NAMES[code] || code; }
  function langClass(code) { return code === 'en' || code === 'es' ? 'lang-' + code : 'lang-other'; }
  // "English version" for a translation's link; made up for other languages.
  function versionLabel(lang) { return VERSION_LABEL[lang] || langName(lang) + ' version'; }
  function kindName(kind) { return KIND_NAMES[kind] || kind; }
  function docTitle(d) { return d.title && d.title.trim() ? d.title : d.path; }
  function docUrl(id) { return '/?doc=' + encodeURIComponent(id); }
  function objectiveUrl(n) { return '/?objective_page=' + n; }
  function objectiveTitle(n, meta) {
    const o = meta && meta[n];
    return o ? 'Objective ' + n + ': ' + o.title_en : 'Objective ' + n;
  }

  // "1, 2, 3, 5, 7, 8" -> "1–3, 5, 7–8"
  function pageRanges(pages) {
    const out = [];
    for (let i = 0; i < pages.length; i++) {
      let j = i;
      while (j + 1 < pages.length && pages[j + 1] === pages[j] + 1) j++;
      out.push(j > i ? pages[i] + '–' + pages[j] : String(pages[i]));
      i = j;
    }
    return out.join(', ');
  }

  // Snippets come HTML-escaped with <mark>…</mark> around matched words.
  // They are cut into pieces of text, each marked or not, and turned into
  // text nodes and <mark> elements by app.js; never parsed as HTML.
  const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'", apos: "'" };
  function decodeEntities(s) {
    return s.replace(/&(amp|lt|gt|quot|#39|#x27|apos);/g, (m, e) => ENTITIES[e]);
  }
  // -> [{ text, marked }]: one piece per <mark> (its text '' when the mark
  // is empty) and one per run of unmarked text, in order.
  function snippetParts(html) {
    const out = [];
    let mark = null;
    for (const part of String(html).split(/(<mark>|<\/mark>)/)) {
      if (part === '<mark>') { mark = { text: '', marked: true }; out.push(mark); continue; }
      if (part === '</mark>') { mark = null; continue; }
      if (!part) continue;
      const text = decodeEntities(part);
      if (mark) mark.text += text; else out.push({ text: text, marked: false });
    }
    return out;
  }

  // ---------- state in the address ----------
  // location.search -> the state of the page's view.
  function stateFromSearch(search) {
    const p = new URLSearchParams(search);
    let view = p.get('view') || 'search';
    if (p.get('doc')) view = 'doc';
    else if (p.get('objective_page')) view = 'objective';
    const offset = parseInt(p.get('offset') || '0', 10);
    return {
      view: view,
      q: p.get('q') || '',
      lang: p.getAll('lang'),
      objective: p.getAll('objective'),
      format: p.getAll('format'),
      year: p.getAll('year'),
      offset: Number.isFinite(offset) && offset > 0 ? offset : 0,
      doc: p.get('doc'),
      objectivePage: p.get('objective_page'),
    };
  }
  // The query and filters of a search state (without the one named by
  // options.without, to count that filter's values as if it were off).
  function searchParams(s, options) {
    const p = new URLSearchParams();
    if (s.q) p.set('q', s.q);
    for (const key of FILTER_KEYS) {
      if (options && options.without === key) continue;
      for (const v of s[key]) p.append(key, v);
    }
    return p;
  }
  function searchUrl(s) {
    const p = searchParams(s);
    if (s.offset) p.set('offset', s.offset);
    const qs = p.toString();
    return qs ? '/?' + qs : '/';
  }
  // The view's tab in the header: a document belongs to search, one
  // objective to the objectives.
  function navView(view) { return view === 'doc' ? 'search' : view === 'objective' ? 'objectives' : view; }
  // The search a submitted query starts: the current filters are kept on
  // the search view, dropped from any other.
  function submittedSearch(s, q) {
    const next = s.view === 'search' ? Object.assign({}, s) : { q: '', lang: [], objective: [], format: [], year: [] };
    next.q = q.trim();
    next.offset = 0;
    return next;
  }
  // The state with one filter value added (on) or removed (off), back to
  // the first page of results.
  function toggleFilter(s, key, value, on) {
    const next = Object.assign({}, s);
    next[key] = on ? s[key].concat([value]) : s[key].filter(v => v !== value);
    next.offset = 0;
    return next;
  }
  // Previous and next pages of results, as states, and the range shown.
  function pager(s, shown, total) {
    return {
      prev: s.offset ? Object.assign({}, s, { offset: Math.max(0, s.offset - PAGE_SIZE) }) : null,
      next: s.offset + PAGE_SIZE < total ? Object.assign({}, s, { offset: s.offset + PAGE_SIZE }) : null,
      range: shown ? (s.offset + 1) + '–' + (s.offset + shown) : '',
    };
  }

  // ---------- facets ----------
  // { value: count } -> [[value, count]], with the selected values kept
  // (count 0) so they can be unticked; by count then name, or by number.
  function facetEntries(facet, selected, sortNumeric) {
    const counts = Object.assign({}, facet || {});
    for (const v of selected) if (!(v in counts)) counts[v] = 0;
    const entries = Object.entries(counts);
    if (sortNumeric) entries.sort((a, b) => Number(a[0]) - Number(b[0]));
    else entries.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    return entries;
  }

  // ---------- documents, objectives and the map ----------
  // A document's mentions by objective: Map objective -> [mention], in order.
  function mentionsByObjective(mentions) {
    const byObjective = new Map();
    for (const m of mentions || []) {
      if (!byObjective.has(m.objective)) byObjective.set(m.objective, []);
      byObjective.get(m.objective).push(m);
    }
    return byObjective;
  }
  // Shade of an objective by its share of the largest count.
  function heatClass(count, max) {
    if (!count) return '';
    const f = count / Math.max(1, max);
    return f > 0.75 ? 'h4' : f > 0.5 ? 'h3' : f > 0.25 ? 'h2' : 'h1';
  }
  // Shade of a map cell by its number of citations.
  function citationClass(c) { return c >= 8 ? 'h4' : c >= 4 ? 'h3' : c >= 2 ? 'h2' : c >= 1 ? 'h1' : ''; }
  // The map's rows: the documents in one language ('' for all), sorted
  // by 'title', 'date' (newest first) or, by default, most objectives
  // cited first. Sorts a copy.
  function mapDocuments(documents, lang, order) {
    const docs = documents.filter(d => !lang || d.lang === lang);
    const nCited = d => Object.keys(d.citations).length;
    if (order === 'title') docs.sort((a, b) => docTitle(a).localeCompare(docTitle(b)));
    else if (order === 'date') docs.sort((a, b) => (b.date || '').localeCompare(a.date || ''));
    else docs.sort((a, b) => nCited(b) - nCited(a) || docTitle(a).localeCompare(docTitle(b)));
    return docs;
  }

  const helpers = {
    PAGE_SIZE, plural, langName, langClass, versionLabel, kindName, docTitle, docUrl, objectiveUrl,
    objectiveTitle, pageRanges, decodeEntities, snippetParts, stateFromSearch, searchParams, searchUrl,
    navView, submittedSearch, toggleFilter, pager, facetEntries, mentionsByObjective, heatClass,
    citationClass, mapDocuments,
  };
  if (typeof module === 'object' && module && module.exports) module.exports = helpers;
  else window.GcmHelpers = Object.freeze(helpers);
})();
