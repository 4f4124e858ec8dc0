// The desk's screens in Firefox — the system's Firefox ESR, which playwright-core cannot drive (it needs its own
// patched build, or WebDriver BiDi commands ESR lacks) — under puppeteer-core over WebDriver BiDi, the W3C protocol
// Firefox speaks itself. Elements are found by their accessible names (Puppeteer's ARIA queries, answered by
// Firefox's accessibility tree) and texts by a query of our own that matches as Playwright's getByText does.
import puppeteer, { customQueryHandlers } from 'puppeteer-core';
import axe from 'axe-core';

const TEXT = 'deskText';
const LABEL = 'deskLabel';
customQueryHandlers.register(TEXT, { queryAll: byText });
customQueryHandlers.register(LABEL, { queryAll: byLabel });

export async function firefoxDesk(request, { viewport, timeout }) {
  const browser = await puppeteer.launch({ browser: 'firefox', executablePath: request.firefox, headless: true });
  return {
    name: `Firefox ${(await browser.version()).replace(/^firefox\//, '')}`,
    // Firefox does not start an HTML drag from WebDriver's pointer actions, and BiDi cannot emulate a colour scheme:
    // the briefs are reordered with the Move buttons and the keyboard, and the dark scheme is audited in Chromium.
    drags: false,
    schemes: ['light'],
    async screen(watch) {
      const context = await browser.createBrowserContext();
      const page = await context.newPage();
      page.setDefaultTimeout(timeout);
      await page.setViewport(viewport);
      page.on('console', (message) => message.type() === 'error' && watch.consoleError(page.url(), message.text()));
      page.on('response', (response) => watch.response(response.url(), response.status()));
      page.on('pageerror', (error) => watch.pageError(page.url(), error.message));
      return screen(page, timeout);
    },
    close: () => browser.close(),
  };
}

/**
 * The elements whose text (whitespace collapsed) matches, the innermost only, the element searched in included:
 * Playwright's getByText, which a custom query handler runs in the page. The selector is the base64 of a regular
 * expression's JSON {source, flags}.
 */
function byText(root, selector) {
  const json = new TextDecoder().decode(Uint8Array.from(atob(selector), (c) => c.charCodeAt(0)));
  const { source, flags } = JSON.parse(json);
  const pattern = new RegExp(source, flags);
  const matches = (node) => pattern.test((node.innerText ?? node.textContent ?? '').replace(/\s+/g, ' ').trim());
  const within = root instanceof Element ? [root, ...root.querySelectorAll('*')] : [...root.querySelectorAll('*')];
  return within.filter(
    (node) => !['SCRIPT', 'STYLE'].includes(node.tagName) && matches(node)
      && ![...node.children].some((child) => matches(child)));
}

/**
 * The form controls a label names (its own text, whitespace collapsed, or an aria-label): Playwright's exact
 * getByLabel, run in the page. The selector is the label, base64 as in byText.
 */
function byLabel(root, selector) {
  const label = new TextDecoder().decode(Uint8Array.from(atob(selector), (c) => c.charCodeAt(0)));
  const text = (node) => node.textContent.replace(/\s+/g, ' ').trim();
  return [
    ...[...root.querySelectorAll('label')].filter((node) => text(node) === label).map((node) => node.control),
    ...[...root.querySelectorAll('input, textarea, select')]
      .filter((node) => node.getAttribute('aria-label') === label),
  ].filter(Boolean);
}

const base64 = (text) => Buffer.from(text, 'utf8').toString('base64');
const quoted = (text) => `"${text.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;
const aria = (role, name) => `::-p-aria([name=${quoted(name)}][role=${quoted(role)}])`;

function textSelector(text) {
  const pattern = text instanceof RegExp
    ? text : new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i');
  const json = JSON.stringify({ source: pattern.source, flags: pattern.flags });
  return `::-p-${TEXT}(${base64(json)})`;
}

function screen(page, timeout) {
  function target(selector) {
    const locator = (wait = timeout) => page.locator(selector).setTimeout(wait);
    const handle = () => locator().setVisibility('visible').waitHandle();
    return {
      click: (options) => locator(options?.timeout).click(),
      fill: (value) => locator().fill(value),
      check: () => locator().click(),
      waitFor: (options) => locator(options?.timeout).setVisibility('visible').wait(),
      focus: async () => (await handle()).focus(),
      value: async () => (await handle()).evaluate((node) => node.value),
      content: async () => (await handle()).evaluate((node) => node.textContent),
      text: (text) => target(`${selector} ${textSelector(text)}`),
    };
  }
  return {
    goto: (url) => page.goto(url),
    url: () => page.url(),
    waitForUrl: (url) => page.waitForFunction((wanted) => location.href === wanted, {}, url),
    button: (name) => target(aria('button', name)),
    link: (name) => target(aria('link', name)),
    heading: (name) => target(aria('heading', name)),
    field: (label) => target(`::-p-${LABEL}(${base64(label)})`),
    region: (name) => target(aria('region', name)),
    item: (name) => target(aria('listitem', name)),
    text: (text) => target(textSelector(text)),
    said: (text) => target(`::-p-aria([role="status"]) ${textSelector(text)}`),
    buttonsNamed: (pattern) => page.$$eval('button', (buttons, source) => buttons.filter((button) =>
      new RegExp(source).test((button.getAttribute('aria-label') ?? button.textContent).trim())).length,
    pattern.source),
    press: async (keys) => {
      const parts = keys.split('+');
      const key = parts.pop();
      for (const modifier of parts) await page.keyboard.down(modifier);
      await page.keyboard.press(key);
      for (const modifier of parts.reverse()) await page.keyboard.up(modifier);
    },
    type: (text) => page.keyboard.type(text),
    waitForFocus: (id) => page.waitForFunction((wanted) => document.activeElement?.id === wanted, {}, id),
    evaluate: (fn, arg) => page.evaluate(fn, arg),
    async preview(kind, text) {
      const iframe = await page.waitForSelector(`iframe.preview[src$="/preview/${kind}"]`);
      const frame = await iframe.contentFrame();
      await frame.waitForFunction((wanted) => document.body?.innerText.includes(wanted), {}, text);
      return frame.evaluate(() => document.body.innerText);
    },
    colorScheme: async () => {},
    screenshot: (path) => page.screenshot({ path, fullPage: true }),
    async axe(tags) {
      await page.evaluate(axe.source);
      const found = await page.evaluate((values) =>
        window.axe.run(document, { runOnly: { type: 'tag', values }, iframes: false }), tags);
      return found.violations;
    },
    close: () => page.browserContext().close(),
  };
}
