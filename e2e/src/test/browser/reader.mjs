// A reader's walk through the site in Chromium, as ReadersSiteBrowserTest describes it: one JSON document on stdin
// (the browser to run, where reports go, the steps), one JSON document on stdout (what the reader saw, the
// accessibility findings and screenshots of each audited page, any request that left the site, or the step that
// failed and why). One browser process per run; each run is a fresh profile, as a reader's first visit.
//
// Steps, in order; each names elements as a reader (and a screen reader) does, by their accessible names:
//   {"goto": url}                     open an address (a link in an email, or typed)
//   {"email": html}                   show an email's HTML, as a mail client would, to follow its links
//   {"follow": "Link text"}           follow a link
//   {"fill": "Label", "value": "…"}   type into a field
//   {"check"|"uncheck": "Label"}      tick or clear a checkbox; {"choose": "Label"} a radio button by its label's start
//   {"press": "Button"}               press a button (submitting its form)
//   {"heading": "Text"}               the page's single h1 must read this (waits for it)
//   {"audit": "page-type"}            axe-core and a full-page screenshot, at 375 and 1280 px, light and dark
// Any of them may carry "in": a CSS selector ("#subscribe") or the name of a group (a fieldset's legend).
import { launchChromium } from './chromium.mjs';
import { AxeBuilder } from '@axe-core/playwright';
import { readFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const WIDTHS = [375, 1280];
const SCHEMES = ['light', 'dark'];
const TIMEOUT = 15_000;

const request = JSON.parse(readFileSync(0, 'utf8'));
mkdirSync(request.reports, { recursive: true });

const result = { visited: [], audits: [], external: [], console: [], browser: null };
const browser = await launchChromium(request.chromium);
result.browser = `Chromium ${browser.version()}`;
try {
  const context = await browser.newContext({ viewport: request.viewport });
  context.setDefaultTimeout(TIMEOUT);
  // Nothing may leave the site: record and refuse every request to another host (the email's own page excepted).
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.protocol === 'data:' || request.hosts.includes(url.host)) {
      return route.continue();
    }
    result.external.push({ url: url.href, from: route.request().frame().url() });
    return route.abort();
  });
  const page = await context.newPage();
  let status = null;
  page.on('response', (response) => {
    if (response.request().isNavigationRequest() && response.frame() === page.mainFrame()) {
      status = response.status();
    }
  });
  page.on('console', (message) => {
    if (message.type() === 'error') {
      result.console.push({ url: page.url(), text: message.text() });
    }
  });

  for (const [index, step] of request.steps.entries()) {
    try {
      await run(page, step);
      if (step.goto || step.follow || step.press) {
        result.visited.push({ url: page.url(), status, heading: await headings(page) });
      }
    } catch (error) {
      result.failed = {
        step: index,
        what: describe(step),
        message: error.message.split('\n')[0],
        url: page.url(),
        status,
        headings: await headings(page).catch(() => []),
        screenshot: await page.screenshot({ path: join(request.reports, `failed-${request.name}-${index}.png`), fullPage: true })
          .then(() => join(request.reports, `failed-${request.name}-${index}.png`)).catch(() => null),
      };
      break;
    }
  }
} finally {
  await browser.close();
}
process.stdout.write(JSON.stringify(result));

async function run(page, step) {
  const scope = within(page, step.in);
  if (step.goto) {
    await page.goto(step.goto);
  } else if (step.email) {
    await page.setContent(step.email);
  } else if (step.follow) {
    await navigating(page, () => scope.getByRole('link', { name: step.follow, exact: true }).click());
  } else if (step.fill) {
    await scope.getByLabel(step.fill, { exact: true }).fill(step.value);
  } else if (step.check) {
    await scope.getByLabel(step.check, { exact: true }).check();
  } else if (step.uncheck) {
    await scope.getByLabel(step.uncheck, { exact: true }).uncheck();
  } else if (step.choose) {
    await scope.getByRole('radio', { name: step.choose }).check();
  } else if (step.press) {
    await navigating(page, () => scope.getByRole('button', { name: step.press, exact: true }).click());
  } else if (step.heading) {
    await heading(page, step.heading);
  } else if (step.audit) {
    await audit(page, step.audit);
  } else {
    throw new Error(`unknown step ${JSON.stringify(step)}`);
  }
}

function within(page, scope) {
  if (!scope) {
    return page;
  }
  return /^[#.\[]/.test(scope) ? page.locator(scope) : page.getByRole('group', { name: scope, exact: true });
}

/** Acts, then waits until the page it leads to has loaded (a form's POST may answer on the same address). */
async function navigating(page, act) {
  const navigated = page.waitForEvent('framenavigated', { predicate: (frame) => frame === page.mainFrame() });
  navigated.catch(() => {}); // when act() fails, its error is the one to report
  await act();
  await navigated;
  await page.waitForLoadState('load');
}

async function headings(page) {
  return (await page.locator('h1').allInnerTexts()).map((text) => text.replace(/\s+/g, ' ').trim());
}

async function heading(page, expected) {
  const deadline = Date.now() + TIMEOUT;
  let seen = [];
  while (Date.now() < deadline) {
    seen = await headings(page);
    if (seen.length === 1 && seen[0] === expected) {
      return;
    }
    await page.waitForTimeout(100);
  }
  throw new Error(`expected the single h1 "${expected}", the page has ${JSON.stringify(seen)}`);
}

/** axe-core and a screenshot of the page as it is now, at each width in each colour scheme. */
async function audit(page, name) {
  const viewport = page.viewportSize();
  for (const width of WIDTHS) {
    for (const scheme of SCHEMES) {
      await page.setViewportSize({ width, height: 900 });
      await page.emulateMedia({ colorScheme: scheme });
      const found = await new AxeBuilder({ page }).withTags(WCAG).analyze();
      const screenshot = join(request.reports, `${name}-${width}-${scheme}.png`);
      await page.screenshot({ path: screenshot, fullPage: true });
      result.audits.push({
        page: name,
        url: page.url(),
        width,
        scheme,
        screenshot,
        violations: found.violations.map((v) => ({
          id: v.id,
          impact: v.impact,
          help: v.help,
          helpUrl: v.helpUrl,
          targets: v.nodes.map((node) => node.target.join(' ')),
        })),
      });
    }
  }
  await page.setViewportSize(viewport);
  await page.emulateMedia({ colorScheme: null });
}

function describe(step) {
  const { email, ...rest } = step;
  return JSON.stringify(email ? { email: `${email.length} characters of HTML`, ...rest } : rest);
}
