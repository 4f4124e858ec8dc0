// The desk's screens in Chromium, under playwright-core: what desk.mjs's editors do, in Playwright's words.
import { AxeBuilder } from '@axe-core/playwright';
import { launchChromium } from './chromium.mjs';

export async function chromiumDesk(request, { viewport, timeout }) {
  const browser = await launchChromium(request.chromium);
  return {
    name: `Chromium ${browser.version()}`,
    drags: true,
    schemes: ['light', 'dark'],
    async screen(watch) {
      const context = await browser.newContext({ viewport });
      context.setDefaultTimeout(timeout);
      const page = await context.newPage();
      page.on('console', (message) => message.type() === 'error' && watch.consoleError(page.url(), message.text()));
      page.on('response', (response) => watch.response(response.url(), response.status()));
      page.on('pageerror', (error) => watch.pageError(page.url(), error.message));
      return screen(page);
    },
    close: () => browser.close(),
  };
}

function target(locator) {
  return {
    locator,
    click: (options) => locator.click(options),
    fill: (value) => locator.fill(value),
    check: () => locator.check(),
    waitFor: (options) => locator.waitFor(options),
    focus: () => locator.focus(),
    value: () => locator.inputValue(),
    content: () => locator.textContent(),
    text: (text) => target(locator.getByText(text)),
    dragTo: (other) => locator.dragTo(other.locator),
  };
}

function screen(page) {
  return {
    goto: (url) => page.goto(url),
    url: () => page.url(),
    waitForUrl: (url) => page.waitForURL(url),
    button: (name) => target(page.getByRole('button', { name, exact: true })),
    link: (name) => target(page.getByRole('link', { name, exact: true })),
    heading: (name) => target(page.getByRole('heading', { name, exact: true })),
    field: (label) => target(page.getByLabel(label, { exact: true })),
    region: (name) => target(page.getByRole('region', { name, exact: true })),
    item: (name) => target(page.getByRole('listitem', { name, exact: true })),
    text: (text) => target(page.getByText(text)),
    said: (text) => target(page.getByRole('status').getByText(text)),
    buttonsNamed: (pattern) => page.getByRole('button', { name: pattern }).count(),
    press: (keys) => page.keyboard.press(keys),
    type: (text) => page.keyboard.type(text),
    waitForFocus: (id) => page.waitForFunction((wanted) => document.activeElement?.id === wanted, id),
    evaluate: (fn, arg) => page.evaluate(fn, arg),
    async preview(kind, text) {
      const frame = page.frameLocator(`iframe.preview[src$="/preview/${kind}"]`);
      await frame.getByText(text).first().waitFor();
      return frame.locator('body').innerText();
    },
    colorScheme: (scheme) => page.emulateMedia({ colorScheme: scheme }),
    screenshot: (path) => page.screenshot({ path, fullPage: true }),
    async axe(tags) {
      const found = await new AxeBuilder({ page }).withTags(tags).analyze();
      return found.violations;
    },
    close: () => page.context().close(),
  };
}
