// The search page in a real browser: starts `gcmsearch serve --port 0` on
// an index of corpus/ and on a small fixture index with objective
// mentions (serve_web_fixture), drives Debian's headless Chromium with
// playwright-core, and checks what a person would see: titles, marked
// words, counts, filters, pages per document and per objective, the
// collection map, bookmarks and back/forward, and that nothing is loaded
// from outside the machine or run from the data.
//
//   node page_test.js GCMSEARCH_BIN FIXTURE_BIN CORPUS_DIR [SCREENSHOT_DIR]
'use strict';
// The callbacks given to page.evaluate and page.waitForFunction run in the page.
/* global document, window */

const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { chromium } = require('playwright-core');

const [bin, fixtureBin, corpusDir, shotDir] = process.argv.slice(2);
if (!bin || !fixtureBin || !corpusDir) {
  console.error('usage: node page_test.js GCMSEARCH_BIN FIXTURE_BIN CORPUS_DIR [SCREENSHOT_DIR]');
  process.exit(2);
}

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

let passed = 0;
let failed = 0;
const servers = [];
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gcm-web-'));
if (shotDir) fs.mkdirSync(shotDir, { recursive: true });

function assert(cond, message) {
  if (!cond) throw new Error(message);
}
function assertEq(actual, expected, what) {
  if (actual !== expected) throw new Error(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}

async function step(name, fn) {
  const started = Date.now();
  try {
    await fn();
    passed++;
    console.log(`ok - ${name} (${Date.now() - started} ms)`);
  } catch (e) {
    failed++;
    console.log(`not ok - ${name}\n    ${String(e && e.stack || e).split('\n').slice(0, 4).join('\n    ')}`);
  }
}

function startServer(index) {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, ['serve', '--index', index, '--port', '0'], { stdio: ['ignore', 'ignore', 'pipe'] });
    servers.push(child);
    let err = '';
    const timer = setTimeout(() => reject(new Error('the server did not start: ' + err)), 20000);
    child.stderr.on('data', chunk => {
      err += chunk;
      const m = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(err);
      if (m) {
        clearTimeout(timer);
        resolve(`http://127.0.0.1:${m[1]}`);
      }
    });
    child.on('exit', code => reject(new Error(`the server exited (${code}): ${err}`)));
  });
}

async function api(base, target) {
  const res = await fetch(base + target);
  return res.json();
}

// Text of every element matching `selector`.
function texts(page, selector) {
  return page.locator(selector).allTextContents();
}

// Waits until the summary's total reads `total`.
async function waitForTotal(page, total) {
  await page.waitForFunction(t => {
    const el = document.querySelector('.summary .total');
    return el && el.textContent === t && !document.querySelector('.loading');
  }, String(total));
}

async function main() {
  // Two indexes: the sample corpus through the real pipeline, and the fixture.
  const corpusIndex = path.join(tmp, 'corpus-index');
  const ingest = spawnSync(bin, ['ingest', '--index', corpusIndex, '--quiet', corpusDir], { encoding: 'utf8' });
  assert(ingest.status === 0 || ingest.status === 3, 'ingest failed: ' + ingest.stderr);
  const fixtureIndex = path.join(tmp, 'fixture-index');
  const fixture = spawnSync(fixtureBin, [fixtureIndex], { encoding: 'utf8' });
  assert(fixture.status === 0, 'fixture failed: ' + fixture.stderr);
  const C = await startServer(corpusIndex);
  const F = await startServer(fixtureIndex);

  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const outside = [];
  await context.route('**/*', route => {
    const url = new URL(route.request().url());
    if (url.hostname !== '127.0.0.1') {
      outside.push(url.href);
      return route.abort();
    }
    return route.continue();
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15000);
  const pageErrors = [];
  page.on('pageerror', e => pageErrors.push(String(e)));
  page.on('console', msg => {
    // A 4xx answer the page asked for on purpose is logged as a failed load.
    if (msg.type() === 'error' && !/Failed to load resource/.test(msg.text())) pageErrors.push(msg.text());
  });

  // ---------------- the sample corpus ----------------
  const all = await api(C, '/api/search?limit=0');
  const migration = await api(C, '/api/search?q=migration');

  await step('the home page lists the whole collection', async () => {
    await page.goto(C + '/');
    assertEq(await page.title(), 'GCM search', 'title');
    await waitForTotal(page, all.total);
    const summary = await page.locator('.summary').textContent();
    assert(/documents? in the collection/.test(summary), 'summary: ' + summary);
    assert(await page.locator('[data-facet="lang"] input').count() > 0, 'no language filter');
    if (shotDir) await page.screenshot({ path: path.join(shotDir, 'home.png') });
  });

  await step('typing a query shows titles and marks the words', async () => {
    await page.fill('#q', 'migration');
    await page.press('#q', 'Enter');
    await page.waitForURL(u => new URL(u).searchParams.get('q') === 'migration');
    await waitForTotal(page, migration.total);
    const titles = await texts(page, '.result h2');
    assertEq(titles.length, Math.min(10, migration.results.length), 'number of results');
    assertEq(titles[0], migration.results[0].title, 'first title');
    const marks = await texts(page, '.result .snippet mark');
    assert(marks.length > 0, 'no marked words');
    for (const m of marks) assert(/migra/i.test(m), 'marked word ' + m);
    const pages = await texts(page, '.result .pages');
    assert(pages.length > 0 && /Pages? \d/.test(pages[0]), 'pages: ' + pages[0]);
    assert((await texts(page, '.result .badge')).length === titles.length, 'a language badge per result');
  });

  let langValue = null;
  let langCount = 0;
  await step('a language filter narrows the results to that language', async () => {
    const first = page.locator('[data-facet="lang"] label').first();
    langValue = await first.locator('input').getAttribute('value');
    langCount = Number(await first.locator('.count').textContent());
    assert(langCount > 0, 'language count');
    await first.locator('input').check();
    await page.waitForURL(u => new URL(u).searchParams.getAll('lang').includes(langValue));
    await waitForTotal(page, langCount);
    for (const b of await texts(page, '.result .badge')) assertEq(b, langValue, 'language badge');
    assert(await page.locator(`[data-facet="lang"] input[value="${langValue}"]`).isChecked(), 'checkbox checked');
    const chip = await page.locator('.summary .chip').first().textContent();
    assert(chip.length > 1, 'a removable chip for the filter');
  });

  await step('back and forward move between the searches', async () => {
    await page.goBack();
    await page.waitForURL(u => new URL(u).searchParams.getAll('lang').length === 0);
    await waitForTotal(page, migration.total);
    assertEq(await page.inputValue('#q'), 'migration', 'query box after back');
    await page.goForward();
    await page.waitForURL(u => new URL(u).searchParams.getAll('lang').includes(langValue));
    await waitForTotal(page, langCount);
  });

  await step('a bookmarked search opens as it was', async () => {
    const other = await context.newPage();
    await other.goto(`${C}/?q=migration&lang=${encodeURIComponent(langValue)}`);
    await waitForTotal(other, langCount);
    assert(await other.locator(`[data-facet="lang"] input[value="${langValue}"]`).isChecked(), 'checkbox checked');
    assertEq(await other.inputValue('#q'), 'migration', 'query box');
    await other.close();
  });

  await step('following a result opens its document page', async () => {
    const link = page.locator('.result h2 a').first();
    const title = await link.textContent();
    await link.click();
    await page.waitForURL(u => new URL(u).searchParams.has('doc'));
    await page.waitForSelector('.page-head h1');
    assertEq(await page.locator('.page-head h1').textContent(), title, 'document title');
    const id = new URL(page.url()).searchParams.get('doc');
    const doc = await api(C, '/api/documents/' + id);
    assert((await page.locator('dl.facts').textContent()).includes(doc.path), 'path shown');
    assert(await page.locator('text=GCM objectives cited').count() === 1, 'objectives section');
    await page.goBack();
    await waitForTotal(page, langCount);
  });

  await step('an objective page names the objective and counts its documents', async () => {
    const o = await api(C, '/api/objectives/13');
    await page.goto(C + '/?objective_page=13');
    await page.waitForSelector('.page-head h1');
    assertEq(await page.locator('.page-head h1').textContent(), 'Objective 13: ' + o.title_en, 'heading');
    assert((await page.locator('.page-head .es').textContent()).includes(o.title_es), 'Spanish title');
    assertEq(await page.locator('.page-head .total').textContent(), String(o.documents.length), 'count');
  });

  await step('a result found only through the translation says so', async () => {
    // The Spanish fact sheets say "sociedad civil"; the English documents
    // say "civil society" and are found through the translation.
    const q = 'sociedad civil';
    const found = await api(C, '/api/search?q=' + encodeURIComponent(q));
    const via = found.results.filter(r => r.via_translation).length;
    assert(via > 0 && via < found.results.length, 'some results in each language: ' + JSON.stringify(found.results.map(r => r.path)));
    await page.goto(C + '/?q=' + encodeURIComponent(q));
    await waitForTotal(page, found.total);
    assertEq((await texts(page, '.result .meta .via')).length, via, 'results marked "via translation"');
    for (const r of found.results) {
      const marked = await page.locator(`.result[data-id="${r.id}"] .meta .via`).count();
      assertEq(marked, r.via_translation ? 1 : 0, 'marker on ' + r.path);
    }
    if (shotDir) await page.screenshot({ path: path.join(shotDir, 'via-translation.png') });
  });

  await step('markup typed as a query is shown as text, never run', async () => {
    await page.goto(C + '/?q=' + encodeURIComponent('<img src=x onerror="window.__xss=1">'));
    await page.waitForSelector('.summary');
    assert((await page.locator('.summary').textContent()).includes('<img src=x'), 'query shown literally');
    assertEq(await page.evaluate(() => window.__xss), undefined, 'window.__xss');
    assertEq(await page.locator('#content img').count(), 0, 'images in content');
  });

  await step('an API error is shown as a message', async () => {
    await page.goto(C + '/?objective_page=99');
    await page.waitForSelector('.error');
    assert((await page.locator('.error').textContent()).includes('no objective 99'), 'error text');
  });

  // ---------------- the fixture: objectives, evidence, map ----------------
  await step('the collection map draws documents × 23 objectives', async () => {
    await page.goto(F + '/?view=map');
    await page.waitForSelector('table.matrix tbody tr');
    assertEq(await page.locator('table.matrix tbody tr').count(), 6, 'rows');
    assertEq(await page.locator('table.matrix thead th.col').count(), 23, 'columns');
    assert((await page.locator('.page-head .sub').textContent()).includes('6 of 23 objectives'), 'coverage sentence');
    // The English detention review cites 13 twice: a darker cell than one citation.
    const row = page.locator('table.matrix tbody tr', { hasText: 'Alternatives to immigration detention' });
    const cell = row.locator('td').nth(12);
    assertEq(await cell.getAttribute('class'), 'h2', 'cell class for 2 citations');
    assert((await cell.getAttribute('title')).includes('2 citations'), 'cell tooltip');
    assertEq(await row.locator('td').nth(0).getAttribute('class'), '', 'uncited cell');
    const linked = page.locator('table.matrix tbody tr', { hasText: 'Better migration data' }).locator('td').nth(0);
    assertEq(await linked.getAttribute('class'), 'h1', 'objective 1 cited by title beats its hub link');
    const totals = await texts(page, 'table.matrix tr.totals td');
    assertEq(totals[12], '3', 'documents citing 13');
    if (shotDir) await page.screenshot({ path: path.join(shotDir, 'map.png'), fullPage: true });
  });

  await step('an objective page lists the citing documents with their evidence', async () => {
    await page.locator('table.matrix thead th.col a', { hasText: /^13$/ }).click();
    await page.waitForURL(u => new URL(u).searchParams.get('objective_page') === '13');
    await page.waitForSelector('article.card');
    assert((await page.locator('.page-head h1').textContent()).startsWith('Objective 13: Use migration detention'), 'heading');
    assertEq(await page.locator('article.card').count(), 3, 'documents');
    assertEq(await page.locator('.page-head .total').textContent(), '3', 'count');
    const evidence = (await texts(page, '.evidence q')).join(' | ');
    assert(evidence.includes('measure of last resort'), 'English evidence: ' + evidence);
    assert(evidence.includes('último recurso'), 'Spanish evidence');
    assert(!evidence.includes('objective 5'), 'evidence of other objectives left out');
    if (shotDir) await page.screenshot({ path: path.join(shotDir, 'objective.png'), fullPage: true });
  });

  await step('a document links to its version in the other language', async () => {
    await page.locator('article.card h2 a', { hasText: 'Alternatives to immigration detention' }).click();
    await page.waitForURL(u => new URL(u).searchParams.get('doc') === 'f000000000000001');
    await page.waitForSelector('.page-head h1');
    if (shotDir) await page.screenshot({ path: path.join(shotDir, 'document.png'), fullPage: true });
    const cited = await texts(page, '.card h3');
    assert(cited.some(t => t.startsWith('Objective 5')) && cited.some(t => t.startsWith('Objective 13')), 'cited: ' + cited);
    await page.locator('a.translation', { hasText: 'Versión en español' }).click();
    await page.waitForURL(u => new URL(u).searchParams.get('doc') === 'f000000000000002');
    await page.waitForFunction(() => document.querySelector('.page-head h1')?.textContent.startsWith('Alternativas'));
    assert(await page.locator('a.translation', { hasText: 'English version' }).count() === 1, 'link back');
  });

  await step('objective facets count and filter the results', async () => {
    await page.goto(F + '/');
    await waitForTotal(page, 6);
    await page.fill('#q', 'detention');
    await page.press('#q', 'Enter');
    const result = await api(F, '/api/search?q=detention');
    await waitForTotal(page, result.total);
    const box = page.locator('[data-facet="objective"] label', { has: page.locator('input[value="13"]') });
    assertEq(await box.locator('.count').textContent(), String(result.facets.objective['13']), 'objective 13 count');
    assert((await box.textContent()).includes('Alternatives to detention'), 'objective label');
    await box.locator('input').check();
    await page.waitForURL(u => new URL(u).searchParams.getAll('objective').includes('13'));
    await waitForTotal(page, result.facets.objective['13']);
    const results = page.locator('.result');
    for (let i = 0; i < await results.count(); i++) {
      const chips = await results.nth(i).locator('.objectives a.obj').allTextContents();
      assert(chips.includes('13'), 'objective chips: ' + chips);
    }
    assert((await texts(page, '.result .snippet mark')).some(m => /detention/i.test(m)), 'marked words');
    if (shotDir) await page.screenshot({ path: path.join(shotDir, 'search.png'), fullPage: true });
  });

  await step('markup in a title is shown as text', async () => {
    await page.goto(F + '/?q=discourse');
    await waitForTotal(page, 1);
    assert((await page.locator('.result h2').textContent()).includes('<script>alert(1)</script>'), 'literal title');
    assertEq(await page.locator('#content script').count(), 0, 'script elements');
  });

  await step('the objectives view lists all 23 with counts', async () => {
    await page.goto(F + '/?view=objectives');
    await page.waitForSelector('.objective-item');
    assertEq(await page.locator('.objective-item').count(), 23, 'objectives');
    assert((await page.locator('.objective-item').nth(12).textContent()).includes('3 docs'), 'objective 13 count');
  });

  await step('nothing was loaded from outside the machine and no script failed', async () => {
    assertEq(outside.length, 0, 'requests outside 127.0.0.1: ' + outside.join(', '));
    assertEq(pageErrors.length, 0, 'page errors: ' + pageErrors.join(' | '));
  });

  await browser.close();
}

main()
  .catch(e => {
    failed++;
    console.log('not ok - setup\n    ' + String(e && e.stack || e));
  })
  .finally(() => {
    for (const s of servers) s.kill('SIGINT');
    fs.rmSync(tmp, { recursive: true, force: true });
    console.log(`${passed} passed, ${failed} failed`);
    process.exit(failed ? 1 : 0);
  });
