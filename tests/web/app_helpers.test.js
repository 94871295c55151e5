// Unit tests of the web page's pure helpers (src/serve/web/helpers.js)
// under Node, without a browser:
//
//   node --test tests/web/app_helpers.test.js    (ctest: web_script_unit_tests)
//
// The page itself is driven in Chromium by page_test.js; these pin down
// what its views are made from: the address <-> state, snippet marks,
// labels, facet and map orders.
'use strict';

const { describe, test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');

const HELPERS_PATH = path.join(__dirname, '..', '..', 'src', 'serve', 'web', 'helpers.js');
const H = require(HELPERS_PATH);

// A search state as stateFromSearch makes it, with some fields set.
function state(fields) { return Object.assign(H.stateFromSearch(''), fields); }

describe('helpers.js as a script of the page', () => {
  test('defines window.GcmHelpers, frozen, and no other global', () => {
    const window = {};
    const context = vm.createContext({ window, URLSearchParams });
    const before = new Set(Object.keys(context));
    vm.runInContext(fs.readFileSync(HELPERS_PATH, 'utf8'), context, { filename: 'helpers.js' });
    assert.deepEqual(Object.keys(context).filter(k => !before.has(k)), []);
    assert.ok(Object.isFrozen(window.GcmHelpers));
    assert.deepEqual(Object.keys(window.GcmHelpers).sort(), Object.keys(H).sort());
    assert.equal(window.GcmHelpers.searchUrl({ q: 'a b', lang: ['es'], objective: [], format: [], year: [] }),
      '/?q=a+b&lang=es');
  });
});

describe('the address and the view state', () => {
  test('an empty address is the search view with nothing chosen', () => {
    assert.deepEqual(H.stateFromSearch(''), {
      view: 'search', q: '', lang: [], objective: [], format: [], year: [], offset: 0, doc: null,
      objectivePage: null,
    });
  });

  test('repeated filters are all kept, in order', () => {
    const s = H.stateFromSearch('?q=detenci%C3%B3n&lang=es&lang=en&objective=13&objective=5&year=2023&format=pdf');
    assert.equal(s.q, 'detención');
    assert.deepEqual(s.lang, ['es', 'en']);
    assert.deepEqual(s.objective, ['13', '5']);
    assert.deepEqual(s.year, ['2023']);
    assert.deepEqual(s.format, ['pdf']);
  });

  test('a document or an objective page wins over view=', () => {
    assert.equal(H.stateFromSearch('?view=map&doc=abc').view, 'doc');
    assert.equal(H.stateFromSearch('?view=map&objective_page=13').view, 'objective');
    assert.equal(H.stateFromSearch('?doc=abc&objective_page=13').view, 'doc');
    assert.equal(H.stateFromSearch('?view=objectives').view, 'objectives');
    assert.equal(H.stateFromSearch('?objective_page=7').objectivePage, '7');
  });

  test('a negative, malformed or missing offset is the first page', () => {
    for (const search of ['?offset=-10', '?offset=abc', '?offset=', '', '?offset=0']) {
      assert.equal(H.stateFromSearch(search).offset, 0, search);
    }
    assert.equal(H.stateFromSearch('?offset=20').offset, 20);
    assert.equal(H.stateFromSearch('?offset=20x').offset, 20);
  });

  test('a search state round-trips through its address', () => {
    const s = state({ q: 'regular pathways & "vías"', lang: ['es'], objective: ['13', '5'], year: ['2023'],
      offset: 10 });
    const url = H.searchUrl(s);
    assert.ok(url.startsWith('/?'));
    assert.deepEqual(H.stateFromSearch(url.slice(1)), s);
  });

  test('the search with nothing chosen is "/", and offset 0 is left out', () => {
    assert.equal(H.searchUrl(state({})), '/');
    assert.equal(H.searchUrl(state({ q: 'migration', offset: 0 })), '/?q=migration');
    assert.equal(H.searchUrl(state({ q: 'migration', offset: 10 })), '/?q=migration&offset=10');
  });

  test('searchParams can leave one filter out, for its "any of" counts', () => {
    const s = state({ q: 'x', lang: ['en', 'es'], format: ['pdf'], offset: 30 });
    assert.equal(H.searchParams(s).toString(), 'q=x&lang=en&lang=es&format=pdf');
    assert.equal(H.searchParams(s, { without: 'lang' }).toString(), 'q=x&format=pdf');
  });

  test('ticking and unticking a filter goes back to the first page and leaves the state alone', () => {
    const s = state({ q: 'x', lang: ['en'], offset: 20 });
    const on = H.toggleFilter(s, 'lang', 'es', true);
    assert.deepEqual(on.lang, ['en', 'es']);
    assert.equal(on.offset, 0);
    const off = H.toggleFilter(on, 'lang', 'en', false);
    assert.deepEqual(off.lang, ['es']);
    assert.deepEqual(s.lang, ['en']);
    assert.equal(s.offset, 20);
  });

  test('a query typed on the search view keeps its filters; from other views it starts afresh', () => {
    const onSearch = H.submittedSearch(state({ q: 'old', lang: ['es'], offset: 20 }), '  new words ');
    assert.equal(H.searchUrl(onSearch), '/?q=new+words&lang=es');
    const onMap = H.submittedSearch(H.stateFromSearch('?view=map&lang=es'), 'new');
    assert.equal(H.searchUrl(onMap), '/?q=new');
  });

  test('the header tab of a document is Search, of one objective Objectives', () => {
    assert.equal(H.navView('doc'), 'search');
    assert.equal(H.navView('objective'), 'objectives');
    assert.equal(H.navView('map'), 'map');
    assert.equal(H.navView('search'), 'search');
  });
});

describe('the pager', () => {
  test('the first page has no previous page, and a next one when there are more', () => {
    const p = H.pager(state({ offset: 0 }), 10, 25);
    assert.equal(p.prev, null);
    assert.equal(p.next.offset, 10);
    assert.equal(p.range, '1–10');
  });

  test('the last page has no next page', () => {
    const p = H.pager(state({ offset: 20 }), 5, 25);
    assert.equal(p.prev.offset, 10);
    assert.equal(p.next, null);
    assert.equal(p.range, '21–25');
  });

  test('a page past the end shows no range, and goes back one page', () => {
    const p = H.pager(state({ offset: 45 }), 0, 25);
    assert.equal(p.range, '');
    assert.equal(p.prev.offset, 35);
    const near = H.pager(state({ offset: 5 }), 10, 40);
    assert.equal(near.prev.offset, 0);
  });
});

describe('snippets', () => {
  test('marked words are pieces of their own, the rest plain text', () => {
    assert.deepEqual(H.snippetParts('the <mark>regular</mark> <mark>pathways</mark> of'), [
      { text: 'the ', marked: false },
      { text: 'regular', marked: true },
      { text: ' ', marked: false },
      { text: 'pathways', marked: true },
      { text: ' of', marked: false },
    ]);
  });

  test('escaped markup comes out as text, never as a tag', () => {
    const parts = H.snippetParts('&lt;img src=x onerror=&quot;alert(1)&quot;&gt; <mark>a&amp;b</mark> it&#39;s &#x27;q&apos;');
    assert.deepEqual(parts, [
      { text: '<img src=x onerror="alert(1)"> ', marked: false },
      { text: 'a&b', marked: true },
      { text: " it's 'q'", marked: false },
    ]);
  });

  test('entities are decoded once: &amp;lt; is the text "&lt;"', () => {
    assert.equal(H.decodeEntities('&amp;lt; &amp;amp;'), '&lt; &amp;');
    assert.equal(H.decodeEntities('&nbsp; &copy;'), '&nbsp; &copy;');
  });

  test('an empty mark stays an empty marked piece, and an unclosed one runs to the end', () => {
    assert.deepEqual(H.snippetParts('a<mark></mark>b'), [
      { text: 'a', marked: false }, { text: '', marked: true }, { text: 'b', marked: false }]);
    assert.deepEqual(H.snippetParts('a <mark>b c'), [{ text: 'a ', marked: false }, { text: 'b c', marked: true }]);
    assert.deepEqual(H.snippetParts(''), []);
  });
});

describe('labels', () => {
  test('page lists are shown as ranges', () => {
    assert.equal(H.pageRanges([1, 2, 3, 5, 7, 8]), '1–3, 5, 7–8');
    assert.equal(H.pageRanges([4]), '4');
    assert.equal(H.pageRanges([]), '');
  });

  test('counts take the singular only for one', () => {
    assert.equal(H.plural(1, 'page', 'pages'), '1 page');
    assert.equal(H.plural(0, 'page', 'pages'), '0 pages');
    assert.equal(H.plural(2, 'document', 'documents'), '2 documents');
  });

  test('languages are named, and unknown codes shown as they are', () => {
    assert.equal(H.langName('es'), 'Español');
    assert.equal(H.langName('und'), 'Undetermined');
    assert.equal(H.langName('de'), 'de');
    assert.equal(H.langClass('en'), 'lang-en');
    assert.equal(H.langClass('fr'), 'lang-other');
    assert.equal(H.versionLabel('es'), 'Versión en español');
    assert.equal(H.versionLabel('und'), 'Undetermined version');
    assert.equal(H.kindName('link'), 'hub link');
    assert.equal(H.kindName('other'), 'other');
  });

  test('a document without a title is shown by its path', () => {
    assert.equal(H.docTitle({ title: 'Report', path: 'a.pdf' }), 'Report');
    assert.equal(H.docTitle({ title: '   ', path: 'a.pdf' }), 'a.pdf');
    assert.equal(H.docTitle({ path: 'a.pdf' }), 'a.pdf');
  });

  test('document addresses escape the id; objectives are titled when known', () => {
    assert.equal(H.docUrl('a b/c&d'), '/?doc=a%20b%2Fc%26d');
    assert.equal(H.objectiveUrl(13), '/?objective_page=13');
    assert.equal(H.objectiveTitle(13, { 13: { title_en: 'Use detention only as a last resort' } }),
      'Objective 13: Use detention only as a last resort');
    assert.equal(H.objectiveTitle(13, null), 'Objective 13');
    assert.equal(H.objectiveTitle(5, {}), 'Objective 5');
  });
});

describe('facets, evidence and the map', () => {
  test('facet values are ordered by count then name, and chosen values stay listed', () => {
    assert.deepEqual(H.facetEntries({ pdf: 3, html: 5, txt: 3 }, ['doc']),
      [['html', 5], ['pdf', 3], ['txt', 3], ['doc', 0]]);
    assert.deepEqual(H.facetEntries(undefined, ['es']), [['es', 0]]);
  });

  test('objective and year facets are ordered by number, not as text', () => {
    assert.deepEqual(H.facetEntries({ 13: 5, 2: 1, 10: 2 }, [], true), [['2', 1], ['10', 2], ['13', 5]]);
    assert.deepEqual(H.facetEntries({ 2023: 1, 2019: 0 }, ['2021'], true).map(e => e[0]), ['2019', '2021', '2023']);
  });

  test("a document's mentions are grouped by objective, in their order", () => {
    const m = [{ objective: 13, page: 2 }, { objective: 5, page: 1 }, { objective: 13, page: 4 }];
    const by = H.mentionsByObjective(m);
    assert.deepEqual([...by.keys()], [13, 5]);
    assert.deepEqual(by.get(13).map(x => x.page), [2, 4]);
    assert.equal(H.mentionsByObjective(undefined).size, 0);
  });

  test('shades grow with the count', () => {
    assert.deepEqual([0, 1, 3, 5, 8].map(c => H.heatClass(c, 8)), ['', 'h1', 'h2', 'h3', 'h4']);
    assert.equal(H.heatClass(3, 0), 'h4');
    assert.deepEqual([0, 1, 2, 3, 4, 7, 8, 30].map(H.citationClass), ['', 'h1', 'h2', 'h2', 'h3', 'h3', 'h4', 'h4']);
  });

  test('the map filters by language and sorts a copy by objectives cited, title or date', () => {
    const docs = [
      { id: 'a', title: 'Beta', path: 'b', lang: 'en', date: '2024-01-01', citations: { 1: 1 } },
      { id: 'b', title: 'alpha', path: 'a', lang: 'es', date: '2023-05-01', citations: { 1: 2, 2: 1 } },
      { id: 'c', title: '', path: 'Gamma', lang: 'en', citations: { 3: 1, 4: 1, 5: 9 } },
      { id: 'd', title: 'Delta', path: 'd', lang: 'en', date: '2022', citations: { 6: 1, 7: 1 } },
    ];
    const ids = list => list.map(d => d.id);
    // Most objectives first, ties by title; undated documents last by date.
    assert.deepEqual(ids(H.mapDocuments(docs, '', 'cited')), ['c', 'b', 'd', 'a']);
    assert.deepEqual(ids(H.mapDocuments(docs, '', undefined)), ['c', 'b', 'd', 'a']);
    assert.deepEqual(ids(H.mapDocuments(docs, '', 'title')), ['b', 'a', 'd', 'c']);
    assert.deepEqual(ids(H.mapDocuments(docs, '', 'date')), ['a', 'b', 'd', 'c']);
    assert.deepEqual(ids(H.mapDocuments(docs, 'en', 'title')), ['a', 'd', 'c']);
    assert.deepEqual(ids(H.mapDocuments(docs, 'fr', 'cited')), []);
    assert.deepEqual(ids(docs), ['a', 'b', 'c', 'd']);
  });
});
