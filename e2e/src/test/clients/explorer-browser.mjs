// Drives the gateway's explorer in headless Chromium the way a newcomer would: open it, check it opens on the app's
// product page, sign in as a buyer, run the operation, wait for the data and the plan diagram, screenshot it, then
// run a query that needs the sign-in. Prints one JSON line of what the page showed; the JUnit test judges it.
// usage: node explorer-browser.mjs <explorer url> <screenshot file> <buyer>
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const [explorerUrl, screenshot, buyer] = process.argv.slice(2);
if (!explorerUrl || !screenshot || !buyer) {
  console.error('usage: node explorer-browser.mjs <explorer url> <screenshot file> <buyer>');
  process.exit(2);
}
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const WAIT = { timeout: 60_000 };
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync'];

const profile = mkdtempSync(join(tmpdir(), 'explorer-chromium-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: CHROMIUM, headless: true, args: FLAGS, viewport: { width: 1280, height: 800 }
});
const problems = [];
const page = context.pages()[0] || await context.newPage();
try {
  page.on('pageerror', (error) => problems.push('page error: ' + error.message));
  page.on('console', (message) => { if (message.type() === 'error') problems.push('console: ' + message.text()); });
  await page.goto(explorerUrl, { waitUntil: 'load' });
  await page.locator('.graphiql-query-editor .CodeMirror').waitFor(WAIT);
  const openedOn = await editorText(page, '.graphiql-query-editor');
  const openedWithVariables = await editorText(page, '.graphiql-editor-tool .CodeMirror');

  await page.locator('.explorer-sign-in select').selectOption(buyer);
  await page.getByText('Signed in as ' + buyer).waitFor(WAIT);

  await page.locator('.graphiql-execute-button').click();
  await page.locator('.result-window').getByText('"product"').waitFor(WAIT);
  await page.locator('.plan-node').first().waitFor(WAIT);
  const result = await editorText(page, '.result-window');
  const planNodes = await page.locator('.plan-node').evaluateAll((nodes) => nodes.map((n) => ({
    service: n.getAttribute('data-service'), kind: n.getAttribute('data-kind'),
    colour: n.querySelector('rect').getAttribute('stroke') })));
  const planEdges = await page.locator('.plan-edge').evaluateAll((edges) => edges.map((e) => ({
    from: e.getAttribute('data-from'), to: e.getAttribute('data-to') })));
  const layout = await page.evaluate(() => {
    const box = (selector) => {
      const r = document.querySelector(selector).getBoundingClientRect();
      return { left: Math.round(r.left), right: Math.round(r.right), top: Math.round(r.top),
        bottom: Math.round(r.bottom), width: Math.round(r.width) };
    };
    return { viewport: { width: window.innerWidth, height: window.innerHeight },
      editor: box('.graphiql-query-editor'), result: box('.result-window'), aside: box('.explorer-plan'),
      diagram: box('.plan-diagram'), pageScrollWidth: document.documentElement.scrollWidth };
  });
  await page.screenshot({ path: screenshot });

  await setEditorText(page, '.graphiql-query-editor', 'query Me { me { id cart { itemCount } } }');
  await page.waitForFunction(() => editedTo('Me'), null, WAIT);
  await page.locator('.graphiql-execute-button').click();
  await page.locator('.result-window').getByText('"me"').waitFor(WAIT);
  const signedInResult = await editorText(page, '.result-window');

  console.log(JSON.stringify({ openedOn, openedWithVariables, result, planNodes, planEdges, layout, signedInResult,
    problems }));
} catch (error) {
  // What the page looked like when it went wrong, beside the screenshot it did not get to take.
  await page.screenshot({ path: screenshot.replace(/\.png$/, '') + '-failure.png' }).catch(() => {});
  console.error(error.message + '\npage problems: ' + JSON.stringify(problems));
  process.exitCode = 1;
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}

// GraphiQL's editors are CodeMirror 5 instances; their text is the editor's value, not what is scrolled into view.
function editorText(page, selector) {
  return page.evaluate((s) => {
    const editor = document.querySelector(s + ' .CodeMirror') || document.querySelector(s);
    return editor && editor.CodeMirror ? editor.CodeMirror.getValue() : (editor ? editor.textContent : null);
  }, selector);
}

// GraphiQL takes the edit in after a debounce; it has once the active tab it stores names the new operation.
function setEditorText(page, selector, text) {
  return page.evaluate(([s, value]) => {
    window.editedTo = (operationName) => {
      const stored = JSON.parse(window.localStorage.getItem('graphiql:tabState') || 'null');
      const tab = stored && stored.tabs[stored.activeTabIndex];
      return Boolean(tab && tab.query === value && tab.operationName === operationName);
    };
    document.querySelector(s + ' .CodeMirror').CodeMirror.setValue(value);
  }, [selector, text]);
}
