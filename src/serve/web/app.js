'use strict';
// The page's script: a small single-page app over the JSON API, with no
// library and nothing from outside the machine. Views: search (with facet
// filters), one document, one objective with its evidence, the 23
// objectives, and the collection map (documents x objectives). The state
// of every view is its address, so history.pushState + popstate give
// bookmarks, sharing and back/forward. DOM is built with textContent only.
// What needs no DOM (the address <-> state, snippet marks, labels, sorting)
// is in helpers.js, loaded before it, and unit-tested under Node.
(function () {
  const {
    PAGE_SIZE, plural, langName, langClass, versionLabel, kindName, docTitle, docUrl, objectiveUrl,
    objectiveTitle, pageRanges, snippetParts, stateFromSearch, searchParams, searchUrl, navView,
    submittedSearch, toggleFilter, pager, facetEntries, mentionsByObjective, heatClass, citationClass,
    mapDocuments,
  } = window.GcmHelpers;

  const content = document.getElementById('content');
  const filters = document.getElementById('filters');
  const main = document.getElementById('main');
  const input = document.getElementById('q');
  let renderSeq = 0;
  let lastSearchUrl = '/';
  let objectivesMeta = null;  // Promise of /api/objectives, for titles

  // ---------- small helpers ----------
  function h(tag, props, ...kids) {
    const el = document.createElement(tag);
    if (props) {
      for (const [k, v] of Object.entries(props)) {
        if (v === null || v === undefined || v === false) continue;
        if (k === 'class') el.className = v;
        else if (k === 'text') el.textContent = v;
        else if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
        else el.setAttribute(k, v === true ? '' : String(v));
      }
    }
    for (const kid of kids.flat(Infinity)) {
      if (kid === null || kid === undefined || kid === false) continue;
      el.append(kid instanceof Node ? kid : String(kid));
    }
    return el;
  }
  function link(href, props, ...kids) {
    return h('a', Object.assign({ href: href, 'data-internal': true }, props || {}), ...kids);
  }
  function langBadge(code) {
    return h('span', { class: 'badge ' + langClass(code), title: langName(code) }, code || 'und');
  }

  // Snippets come HTML-escaped with <mark>…</mark> around matched words:
  // text nodes and <mark> elements, never parsed as HTML.
  function snippetNodes(html) {
    return snippetParts(html).map(p => p.marked ? h('mark', null, p.text || null) : document.createTextNode(p.text));
  }

  async function api(url) {
    let res;
    try {
      res = await fetch(url, { headers: { Accept: 'application/json' } });
    } catch (e) {
      throw new Error('The server cannot be reached (' + e.message + ').');
    }
    let body = null;
    try { body = await res.json(); } catch (e) { /* not JSON */ }
    if (!res.ok) throw new Error((body && body.error) || ('HTTP ' + res.status));
    return body;
  }
  function objectives() {
    if (!objectivesMeta) {
      objectivesMeta = api('/api/objectives').then(j => {
        const byNumber = {};
        for (const o of j.objectives) byNumber[o.number] = o;
        return byNumber;
      }).catch(e => { objectivesMeta = null; throw e; });
    }
    return objectivesMeta;
  }
  function objectiveChip(n, meta) {
    return link(objectiveUrl(n), { class: 'obj', title: objectiveTitle(n, meta) }, n);
  }
  function showError(e) {
    content.replaceChildren(h('div', { class: 'error', role: 'alert' }, e.message || String(e)));
  }

  // ---------- state in the address ----------
  function readState() { return stateFromSearch(location.search); }
  function navigate(url, replace) {
    if (replace) history.replaceState(null, '', url); else history.pushState(null, '', url);
    render();
    window.scrollTo(0, 0);
  }

  // ---------- search view ----------
  function facetBox(title, name, entries, selected, labelFor, titleFor) {
    const box = h('div', { class: 'facet', 'data-facet': name }, h('h3', { text: title }));
    if (!entries.length) {
      box.append(h('p', { class: 'none' }, 'None in these results'));
      return box;
    }
    for (const [value, count] of entries) {
      const checked = selected.includes(value);
      const cb = h('input', { type: 'checkbox', name: name, value: value, checked: checked });
      cb.addEventListener('change', () => navigate(searchUrl(toggleFilter(readState(), name, value, cb.checked))));
      box.append(h('label', { class: count ? '' : 'zero', title: titleFor ? titleFor(value) : null },
        cb, labelFor(value), h('span', { class: 'count' }, count)));
    }
    return box;
  }

  function resultCard(r, meta) {
    const pages = r.pages || [];
    const card = h('article', { class: 'result', 'data-id': r.id },
      h('h2', null, link(docUrl(r.id), { class: 'title' }, docTitle(r))),
      h('div', { class: 'meta' },
        langBadge(r.lang),
        h('span', { class: 'format' }, (r.format || '').toUpperCase()),
        h('span', { class: 'date' }, r.date || 'undated'),
        h('span', null, plural(r.page_count, 'page', 'pages')),
        h('span', { class: 'path' }, r.path),
        r.via_translation ? h('span', { class: 'via', title: 'Your words are not in this document: it matched their translation into ' + langName(r.lang) + '.' },
          'via translation') : null));
    if (r.snippet) {
      const where = r.page_count > 1 && r.snippet_page ? h('span', { class: 'label' }, 'p. ' + r.snippet_page + ' — ') : null;
      card.append(h('p', { class: 'snippet' }, where, snippetNodes(r.snippet)));
    }
    const row = h('div', { class: 'row' });
    if (pages.length) {
      const ocrHits = pages.filter((p) => (r.ocr_pages || []).includes(p));
      row.append(h('span', { class: 'pages' }, h('span', { class: 'label' }, pages.length === 1 ? 'Page ' : 'Pages '),
        pageRanges(pages), ocrHits.length ? h('span', { class: 'label' }, ' (read by OCR: ' + pageRanges(ocrHits) + ')') : null));
    }
    const objs = h('span', { class: 'objectives' }, h('span', { class: 'label' }, 'Objectives '));
    if (r.objectives && r.objectives.length) {
      for (const n of r.objectives) objs.append(objectiveChip(n, meta));
    } else {
      objs.append(h('span', { class: 'label' }, '—'));
    }
    row.append(objs);
    for (const t of r.translations || []) {
      row.append(link(docUrl(t.id), { class: 'translation', lang: t.lang, title: t.path },
        versionLabel(t.lang) + ' →'));
    }
    card.append(row);
    return card;
  }

  async function renderSearch(s, seq) {
    lastSearchUrl = searchUrl(s);
    document.title = (s.q ? s.q + ' — ' : '') + 'GCM search';
    content.replaceChildren(h('p', { class: 'loading' }, 'Searching…'));
    const base = searchParams(s);
    const query = new URLSearchParams(base);
    query.set('limit', PAGE_SIZE);
    if (s.offset) query.set('offset', s.offset);
    // Language, format and year filters are "any of": count their values
    // as if that filter were off, so the other choices keep their numbers.
    const disjunctive = ['lang', 'format', 'year'].filter(k => s[k].length);
    const requests = [api('/api/search?' + query), objectives().catch(() => null)];
    for (const key of disjunctive) {
      const p = searchParams(s, { without: key });
      p.set('limit', 0);
      requests.push(api('/api/search?' + p));
    }
    let answers;
    try {
      answers = await Promise.all(requests);
    } catch (e) {
      if (seq === renderSeq) { filters.replaceChildren(); showError(e); }
      return;
    }
    if (seq !== renderSeq) return;
    const [result, meta] = answers;
    const facets = Object.assign({}, result.facets);
    disjunctive.forEach((key, i) => { facets[key] = answers[2 + i].facets[key]; });

    const objTitle = n => objectiveTitle(n, meta);
    filters.replaceChildren(
      facetBox('Language', 'lang', facetEntries(facets.lang, s.lang), s.lang,
        v => h('span', { class: 'name' }, langName(v))),
      facetBox('GCM objective', 'objective', facetEntries(facets.objective, s.objective, true), s.objective,
        v => h('span', { class: 'name' }, h('span', { class: 'num' }, v + ' '),
          meta && meta[v] ? meta[v].short_en : ''), objTitle),
      facetBox('Format', 'format', facetEntries(facets.format, s.format), s.format,
        v => h('span', { class: 'name' }, v.toUpperCase())),
      facetBox('Year', 'year', facetEntries(facets.year, s.year, true).reverse(), s.year,
        v => h('span', { class: 'name' }, v)));

    const total = result.total;
    const summary = h('div', { class: 'summary' });
    const filtered = s.lang.length || s.objective.length || s.format.length || s.year.length;
    // Xapian's total is an estimate once there are more matches than shown.
    const exact = s.offset + result.results.length >= total;
    if (s.q) {
      summary.append(h('span', null, exact ? '' : 'About ', h('strong', { class: 'total' }, total),
        ' ' + (total === 1 ? 'document matches' : 'documents match') + ' ', h('strong', null, '“' + s.q + '”')));
    } else {
      summary.append(h('span', null, h('strong', { class: 'total' }, total),
        filtered ? (total === 1 ? ' document passes the filters' : ' documents pass the filters')
                 : (total === 1 ? ' document in the collection' : ' documents in the collection')));
    }
    const removeChip = (key, value, label) => h('button', {
      class: 'chip', type: 'button', title: 'Remove this filter',
      onclick: () => navigate(searchUrl(toggleFilter(readState(), key, value, false))),
    }, label, h('span', { class: 'x', 'aria-hidden': 'true' }, '×'));
    for (const v of s.lang) summary.append(removeChip('lang', v, langName(v)));
    for (const v of s.objective) summary.append(removeChip('objective', v, 'Objective ' + v));
    for (const v of s.format) summary.append(removeChip('format', v, v.toUpperCase()));
    for (const v of s.year) summary.append(removeChip('year', v, v));

    const list = h('div', { class: 'results' });
    for (const r of result.results) list.append(resultCard(r, meta));
    const nodes = [summary, list];
    if (!result.results.length) {
      nodes.push(h('div', { class: 'notice' }, s.offset ? 'No more results.' :
        'No document matches. Try fewer words, another spelling, or remove a filter.'));
    }
    if (s.offset || result.results.length < total) {
      const pages = pager(s, result.results.length, total);
      nodes.push(h('nav', { class: 'pager', 'aria-label': 'Pages of results' },
        pages.prev ? link(searchUrl(pages.prev), { rel: 'prev' }, '← Previous') : h('span', { class: 'off' }, '← Previous'),
        h('span', null, pages.range),
        pages.next ? link(searchUrl(pages.next), { rel: 'next' }, 'Next →') : h('span', { class: 'off' }, 'Next →')));
    }
    content.replaceChildren(...nodes);
  }

  // ---------- evidence (document and objective pages) ----------
  function evidenceList(mentions) {
    const ul = h('ul', { class: 'evidence' });
    for (const m of mentions) {
      ul.append(h('li', null,
        h('span', { class: 'where' }, 'Page ' + m.page, h('span', { class: 'kind' }, kindName(m.kind))),
        h('q', null, m.text || '')));
    }
    return ul;
  }

  async function renderDocument(s, seq) {
    content.replaceChildren(h('p', { class: 'loading' }, 'Loading the document…'));
    let d, meta;
    try {
      [d, meta] = await Promise.all([api('/api/documents/' + encodeURIComponent(s.doc)), objectives().catch(() => null)]);
    } catch (e) {
      if (seq === renderSeq) showError(e);
      return;
    }
    if (seq !== renderSeq) return;
    document.title = docTitle(d) + ' — GCM search';
    const ocr = d.ocr_pages && d.ocr_pages.length ? ' (read by OCR: ' + pageRanges(d.ocr_pages) + ')' : '';
    const facts = h('dl', { class: 'facts' },
      h('dt', null, 'Language'), h('dd', null, langBadge(d.lang), ' ', langName(d.lang)),
      h('dt', null, 'Format'), h('dd', null, (d.format || '').toUpperCase()),
      h('dt', null, 'Date'), h('dd', null, d.date || 'undated'),
      d.author ? [h('dt', null, 'Author'), h('dd', null, d.author)] : null,
      h('dt', null, 'Pages'), h('dd', null, d.page_count + ocr),
      h('dt', null, 'File'), h('dd', { class: 'path' }, d.path),
      h('dt', null, 'Id'), h('dd', null, h('code', null, d.id)));
    const translations = h('div', { class: 'row' }, h('span', { class: 'label' }, 'Other language: '));
    if (d.translations && d.translations.length) {
      for (const t of d.translations) {
        translations.append(link(docUrl(t.id), { class: 'translation', lang: t.lang, title: t.path },
          versionLabel(t.lang) + ' →'));
      }
    } else {
      translations.append(h('span', { class: 'label' }, 'no version in another language found'));
    }
    const head = h('div', { class: 'page-head' },
      h('div', { class: 'crumbs' }, link(lastSearchUrl, null, '← Back to search')),
      h('h1', null, docTitle(d)), facts, translations);

    const byObjective = mentionsByObjective(d.mentions);
    const cited = h('section', { class: 'card' }, h('h2', null, 'GCM objectives cited'));
    if (!byObjective.size) {
      cited.append(h('p', { class: 'label' }, 'No objective of the GCM is cited in this document.'));
    }
    for (const n of [...byObjective.keys()].sort((a, b) => a - b)) {
      const o = meta && meta[n];
      cited.append(h('h3', null, link(objectiveUrl(n), null, 'Objective ' + n + (o ? ': ' + o.short_en : ''))),
        evidenceList(byObjective.get(n)));
    }
    const nodes = [head, cited];
    if (d.warnings && d.warnings.length) {
      nodes.push(h('section', { class: 'card' }, h('h2', null, 'Warnings'),
        h('ul', null, d.warnings.map(w => h('li', null, w)))));
    }
    content.replaceChildren(...nodes);
  }

  async function renderObjective(s, seq) {
    const n = parseInt(s.objectivePage, 10);
    content.replaceChildren(h('p', { class: 'loading' }, 'Loading objective ' + s.objectivePage + '…'));
    let o;
    try {
      o = await api('/api/objectives/' + encodeURIComponent(s.objectivePage));
    } catch (e) {
      if (seq === renderSeq) showError(e);
      return;
    }
    if (seq !== renderSeq) return;
    document.title = 'Objective ' + o.objective + ' — GCM search';
    const nav = h('div', { class: 'objnav' },
      n > 1 ? link(objectiveUrl(n - 1), { rel: 'prev' }, '← Objective ' + (n - 1)) : h('span'),
      link('/?view=objectives', null, 'All 23 objectives'),
      n < 23 ? link(objectiveUrl(n + 1), { rel: 'next' }, 'Objective ' + (n + 1) + ' →') : h('span'));
    const count = o.documents.length;
    const head = h('div', { class: 'page-head' },
      h('h1', null, 'Objective ' + o.objective + ': ' + o.title_en),
      h('p', { class: 'es', lang: 'es' }, 'Objetivo ' + o.objective + ': ' + o.title_es),
      h('p', { class: 'sub' }, h('strong', { class: 'total' }, count), ' ' +
        (count === 1 ? 'document cites it' : 'documents cite it') + ' · ',
        link('/?objective=' + o.objective, null, 'search within them')));
    const nodes = [nav, head];
    if (!count) nodes.push(h('div', { class: 'notice' }, 'No document in the collection cites objective ' + o.objective + ' yet.'));
    for (const d of o.documents) {
      nodes.push(h('article', { class: 'card', 'data-id': d.id },
        h('h2', null, link(docUrl(d.id), { class: 'title' }, docTitle(d))),
        h('div', { class: 'meta' }, langBadge(d.lang), h('span', null, (d.format || '').toUpperCase()),
          h('span', null, d.date || 'undated'), h('span', { class: 'path' }, d.path)),
        evidenceList(d.mentions || [])));
    }
    content.replaceChildren(...nodes);
  }

  async function renderObjectives(s, seq) {
    content.replaceChildren(h('p', { class: 'loading' }, 'Loading the objectives…'));
    let j, health;
    try {
      [j, health] = await Promise.all([api('/api/objectives'), api('/healthz')]);
    } catch (e) {
      if (seq === renderSeq) showError(e);
      return;
    }
    if (seq !== renderSeq) return;
    document.title = 'The 23 objectives — GCM search';
    const max = Math.max(1, ...j.objectives.map(o => o.documents));
    const covered = j.objectives.filter(o => o.documents > 0).length;
    const list = h('div', { class: 'objective-list' });
    for (const o of j.objectives) {
      list.append(link(objectiveUrl(o.number), { class: 'objective-item', title: o.title_en },
        h('span', { class: 'n' }, o.number),
        h('span', { class: 't' }, o.short_en, h('small', { lang: 'es' }, o.short_es)),
        h('span', { class: 'c' }, plural(o.documents, 'doc', 'docs')),
        h('span', { class: 'bar' }, h('span', { 'data-w': o.documents / max }))));
    }
    // Widths through the CSSOM (allowed by the page's CSP, unlike style="").
    for (const bar of list.querySelectorAll('[data-w]')) bar.style.width = (100 * Number(bar.dataset.w)) + '%';
    content.replaceChildren(h('div', { class: 'page-head' },
      h('h1', null, 'The 23 objectives of the Global Compact for Migration'),
      h('p', { class: 'sub' }, covered + ' of 23 cited by at least one of the ' +
        plural(health.documents, 'document', 'documents') + ' in the collection. ',
        link('/?view=map', null, 'See the collection map →'))), list);
  }

  async function renderMap(s, seq) {
    content.replaceChildren(h('p', { class: 'loading' }, 'Drawing the collection map…'));
    let m;
    try {
      m = await api('/api/matrix');
    } catch (e) {
      if (seq === renderSeq) showError(e);
      return;
    }
    if (seq !== renderSeq) return;
    document.title = 'Collection map — GCM search';
    const objs = m.objectives;
    const maxDocs = Math.max(1, ...objs.map(o => o.documents));
    const covered = objs.filter(o => o.documents > 0).length;
    const coverage = h('div', { class: 'coverage', 'aria-label': 'Documents per objective' });
    for (const o of objs) {
      coverage.append(link(objectiveUrl(o.number), {
        class: heatClass(o.documents, maxDocs), title: 'Objective ' + o.number + ': ' + o.short_en + ' — ' +
          plural(o.documents, 'document', 'documents') }, o.number));
    }
    const langs = [...new Set(m.documents.map(d => d.lang))].sort();
    const langSelect = h('select', { 'aria-label': 'Language' }, h('option', { value: '' }, 'All languages'),
      langs.map(l => h('option', { value: l }, langName(l))));
    const sortSelect = h('select', { 'aria-label': 'Order' },
      h('option', { value: 'cited' }, 'Most objectives first'),
      h('option', { value: 'title' }, 'By title'),
      h('option', { value: 'date' }, 'Newest first'));
    const wrap = h('div', { class: 'map-wrap' });
    function draw() {
      const docs = mapDocuments(m.documents, langSelect.value, sortSelect.value);
      const headRow = h('tr', null, h('th', { class: 'doc' }, plural(docs.length, 'document', 'documents')));
      const totals = h('tr', { class: 'totals' }, h('th', { class: 'doc' }, 'citing documents'));
      for (const o of objs) {
        headRow.append(h('th', { class: 'col', scope: 'col' },
          link(objectiveUrl(o.number), { title: 'Objective ' + o.number + ': ' + o.title_en }, o.number)));
        totals.append(h('td', null, docs.filter(d => d.citations[o.number]).length || ''));
      }
      const body = h('tbody');
      for (const d of docs) {
        const tr = h('tr', null, h('th', { class: 'doc', scope: 'row', title: docTitle(d) },
          langBadge(d.lang), link(docUrl(d.id), null, docTitle(d))));
        for (const o of objs) {
          const c = d.citations[o.number] || 0;
          const linked = !c && d.linked_objectives.includes(o.number);
          const label = 'Objective ' + o.number + ' (' + o.short_en + ') in “' + docTitle(d) + '”: ' +
            (c ? plural(c, 'citation', 'citations') : linked ? 'hub link only' : 'not cited');
          tr.append(h('td', { class: c ? citationClass(c) : linked ? 'hl' : '', title: label },
            c || linked ? link(docUrl(d.id), { 'aria-label': label }) : null));
        }
        body.append(tr);
      }
      const table = h('table', { class: 'matrix' }, h('colgroup', null, h('col', { class: 'doc' })),
        h('thead', null, headRow, totals), body);
      wrap.replaceChildren(table);
      if (!docs.length) wrap.replaceChildren(h('p', { class: 'label' }, 'No document in this language.'));
    }
    langSelect.addEventListener('change', draw);
    sortSelect.addEventListener('change', draw);
    const legend = h('span', { class: 'legend' }, 'Citations:',
      h('span', null, h('i', { class: 'h0' }), 'none'), h('span', null, h('i', { class: 'h1' }), '1'),
      h('span', null, h('i', { class: 'h2' }), '2–3'), h('span', null, h('i', { class: 'h3' }), '4–7'),
      h('span', null, h('i', { class: 'h4' }), '8+'), h('span', null, h('i', { class: 'hl' }), 'hub link only'));
    const nodes = [h('div', { class: 'page-head' },
      h('h1', null, 'Collection map'),
      h('p', { class: 'sub' }, plural(m.documents.length, 'document', 'documents') + ' × 23 objectives. ' +
        covered + ' of 23 objectives are cited by at least one document.')),
      coverage,
      h('div', { class: 'map-tools' }, langSelect, sortSelect, legend), wrap];
    if (!covered) {
      nodes.splice(1, 0, h('div', { class: 'notice' },
        'No objective is tagged in the collection yet: the map fills in as documents citing objectives are ingested.'));
    }
    content.replaceChildren(...nodes);
    draw();
  }

  // ---------- dispatch ----------
  function render() {
    const s = readState();
    const seq = ++renderSeq;
    input.value = s.q;
    const tab = navView(s.view);
    for (const a of document.querySelectorAll('.views a')) {
      a.classList.toggle('active', a.dataset.view === tab);
    }
    main.classList.toggle('wide', s.view !== 'search');
    if (s.view !== 'search') filters.replaceChildren();
    if (s.view === 'doc') return renderDocument(s, seq);
    if (s.view === 'objective') return renderObjective(s, seq);
    if (s.view === 'objectives') return renderObjectives(s, seq);
    if (s.view === 'map') return renderMap(s, seq);
    return renderSearch(s, seq);
  }

  document.getElementById('search-form').addEventListener('submit', e => {
    e.preventDefault();
    navigate(searchUrl(submittedSearch(readState(), input.value)));
  });
  document.addEventListener('click', e => {
    const a = e.target.closest && e.target.closest('a[data-internal]');
    if (!a || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(a.getAttribute('href'));
  });
  document.addEventListener('keydown', e => {
    if (e.key === '/' && document.activeElement !== input && !/^(INPUT|SELECT|TEXTAREA)$/.test(document.activeElement.tagName)) {
      e.preventDefault();
      input.focus();
    }
  });
  window.addEventListener('popstate', render);
  render();
})();
