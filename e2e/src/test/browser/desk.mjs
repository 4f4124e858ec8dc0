// The editors' day in the desk, in Chromium, as DeskBrowserTest describes it: one JSON request on stdin (the desk's
// address, the stories to work on, where reports go), one JSON answer on stdout (what each step saw, the
// accessibility findings and screenshots, or the step that failed and why). Editors find everything by its
// accessible name, as a screen reader would.
import { chromium } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { readFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const TIMEOUT = 20_000;
const request = JSON.parse(readFileSync(0, 'utf8'));
mkdirSync(request.reports, { recursive: true });
const desk = request.editorial;
const result = { steps: [], audits: [], console: [], browser: null, failed: null, seen: {} };

const browser = await chromium.launch({
  executablePath: request.chromium,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
result.browser = `Chromium ${browser.version()}`;
let page;

async function signedIn(name, role) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  context.setDefaultTimeout(TIMEOUT);
  const signed = await context.newPage();
  // The API's refusals (a 412 conflict, a 403) are answers the desk shows; Chromium logs each as a console error,
  // so failed loads are judged by their responses: any of the desk's own files failing is an error.
  signed.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
      result.console.push({ url: signed.url(), text: message.text() });
    }
  });
  signed.on('response', (response) => {
    if (response.status() >= 400 && !new URL(response.url()).pathname.startsWith('/api/')) {
      result.console.push({ url: response.url(), text: `HTTP ${response.status()}` });
    }
  });
  signed.on('pageerror', (error) => result.console.push({ url: signed.url(), text: error.message }));
  await signed.goto(`${desk}/desk/session/login`);
  if (!result.audits.length) {
    await audit('sign-in', signed);
  }
  await signed.getByLabel('Name').fill(name);
  await signed.getByLabel(role === 'chief-editor' ? 'Chief editor' : 'Editor', { exact: true }).check();
  await signed.getByRole('button', { name: 'Sign in' }).click();
  await signed.waitForURL(`${desk}/desk/`);
  await signed.getByText(`Signed in as ${name}`).waitFor();
  return signed;
}

/** axe-core and a screenshot of the page as it is, in the light and the dark scheme. */
async function audit(name, target = page) {
  for (const scheme of ['light', 'dark']) {
    await target.emulateMedia({ colorScheme: scheme });
    const screenshot = join(request.reports, `desk-${name}-${scheme}.png`);
    await target.screenshot({ path: screenshot, fullPage: true });
    const found = await Promise.race([
      new AxeBuilder({ page: target }).withTags(WCAG).analyze(),
      new Promise((_, reject) => setTimeout(() => reject(new Error(`axe-core did not finish on ${name}`)), 60_000)),
    ]);
    result.audits.push({ page: `${name} (${scheme})`, url: target.url(), screenshot,
      violations: found.violations.map((v) => ({
        id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) })) });
  }
  await target.emulateMedia({ colorScheme: 'light' });
}

async function step(what, action) {
  try {
    const seen = await action();
    result.steps.push({ what, seen: seen ?? null });
  } catch (error) {
    const screenshot = join(request.reports, `failed-desk-${result.steps.length}.png`);
    await page?.screenshot({ path: screenshot, fullPage: true }).catch(() => {});
    result.failed = { step: result.steps.length, what, message: error.message, url: page?.url() ?? null, screenshot };
    throw error;
  }
}

const storyLink = (p, headline) => p.getByRole('link', { name: headline, exact: true });

/** From the queue, by keyboard only: / to search, the words, Enter; j to the first story found, e to edit it. */
async function openBySearch(p, words, headline) {
  await p.goto(`${desk}/desk/`);
  await p.getByText(/(story|stories) shown|No story matches/).waitFor();
  await p.keyboard.press('/');
  await p.keyboard.type(words);
  await p.keyboard.press('Enter');
  await storyLink(p, headline).waitFor();
  await p.waitForFunction(() => document.activeElement?.id === 'stories');
  await p.keyboard.press('j');
  await p.keyboard.press('e');
  await p.getByRole('heading', { level: 1, name: headline }).waitFor();
}

try {
  const stories = request.stories;
  const editor = await signedIn('erin', 'editor');
  page = editor;

  await step('an editor finds a story by full-text search and edits it', async () => {
    await audit('queue');
    await openBySearch(page, stories.find, stories.edit.headline);
    await audit('story');
    await page.getByLabel('Headline', { exact: true }).fill(stories.edit.newHeadline);
    await page.getByLabel("Editor's note").fill(stories.edit.note);
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('heading', { level: 1, name: stories.edit.newHeadline }).waitFor();
    await page.getByText('Saved', { exact: true }).waitFor();
    return { headline: await page.getByRole('heading', { level: 1 }).textContent() };
  });

  await step('an editor sees no approve button, and the API refuses her approval', async () => {
    const buttons = await page.getByRole('button', { name: /^Approve/ }).count();
    const story = await page.request.get(`${desk}/api/stories/${stories.edit.id}`);
    const refused = await page.request.post(`${desk}/api/stories/${stories.edit.id}/approve`, {
      headers: { 'X-Newsroom-Desk': '1', 'If-Match': story.headers().etag } });
    await page.goto(`${desk}/desk/`);
    await page.getByText(/(story|stories) shown/).waitFor();
    const inQueue = await page.getByRole('button', { name: /^Approve/ }).count();
    result.seen.editorApproveButtons = buttons + inQueue;
    result.seen.editorApproveStatus = refused.status();
    return { approveButtons: buttons + inQueue, apiStatus: refused.status() };
  });

  await step('two editors change the same story: the second gets the conflict view', async () => {
    const other = await signedIn('olga', 'editor');
    await openBySearch(editor, stories.find, stories.edit.newHeadline);
    await openBySearch(other, stories.find, stories.edit.newHeadline);
    await other.getByLabel('Byline').fill(stories.conflict.theirs);
    await other.getByRole('button', { name: 'Save changes' }).click();
    await other.getByText('Saved', { exact: true }).waitFor();
    page = editor;
    await editor.getByLabel('Byline').fill(stories.conflict.mine);
    await editor.getByRole('button', { name: 'Save changes' }).click();
    const conflict = editor.getByRole('region', { name: 'Someone changed this story' });
    await conflict.waitFor();
    await conflict.getByText(stories.conflict.theirs).waitFor();
    await conflict.getByText(stories.conflict.mine).waitFor();
    await audit('conflict', editor);
    const byline = await editor.getByLabel('Byline').inputValue();
    await other.context().close();
    return { kept: byline };
  });

  const chief = await signedIn('chris', 'chief-editor');
  page = chief;
  await step('a story ingested while the queue is open is announced there', async () => {
    await page.goto(`${desk}/desk/`);
    await page.getByText(/(story|stories) shown/).waitFor();
    const pushed = await fetch(`${request.ingest}/api/items`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${request.ingestToken}` },
      body: JSON.stringify(stories.arriving.item),
    });
    if (pushed.status !== 201) {
      throw new Error(`ingest answered ${pushed.status} to the pushed item`);
    }
    await page.getByRole('button', { name: '1 new story — show' }).click({ timeout: 60_000 });
    await storyLink(page, stories.arriving.item.headline).waitFor();
    return { announced: stories.arriving.item.headline };
  });
  await step('a chief editor approves four stories from the queue', async () => {
    await page.goto(`${desk}/desk/?q=${encodeURIComponent(stories.search)}&primaryOnly=false`);
    for (const headline of stories.approve) {
      const approve = page.getByRole('button', { name: `Approve “${headline}”` });
      await approve.click();
      await page.getByText(`Approved: ${headline}`).waitFor();
    }
    return { approved: stories.approve };
  });
  const edition = request.edition;
  const briefName = (position, headline) => `Brief ${position} of ${edition.briefs.length}: ${headline}`;
  const brief = (position, headline) => page.getByRole('listitem', { name: briefName(position, headline) });
  await step('the chief editor composes the edition: the lead, its note and three briefs found by search', async () => {
    await page.goto(`${desk}/desk/edition.html`);
    await page.getByRole('heading', { level: 2, name: 'New edition' }).waitFor();
    await page.getByLabel('Title', { exact: true }).fill(edition.title);
    await page.getByLabel('Date', { exact: true }).fill(edition.date);
    await page.getByLabel('Search approved and published stories').fill(stories.search);
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.getByRole('button', { name: `Use as lead: ${edition.lead}` }).click();
    await page.getByLabel("Editor's note (frames the lead for readers)").fill(edition.note);
    for (const headline of edition.briefs) {
      await page.getByRole('button', { name: `Add as brief: ${headline}` }).click();
    }
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText(`Edition “${edition.title}” created.`).waitFor();
    return { briefs: edition.briefs };
  });

  await step('the chief editor reorders the briefs by drag and drop, then by keyboard', async () => {
    const [first, second, third] = edition.briefs;
    await brief(3, third).dragTo(brief(1, first));
    await page.getByText(`Moved “${third}” to position 1 of 3. The order is saved.`).waitFor();
    await brief(3, second).focus();
    await page.keyboard.press('Alt+ArrowUp');
    await page.getByText(`Moved “${second}” to position 2 of 3. The order is saved.`).waitFor();
    await brief(1, third).waitFor();
    await brief(2, second).waitFor();
    await brief(3, first).waitFor();
    await audit('composer');
    return { order: [third, second, first] };
  });

  await step('the chief editor previews the edition page and the newsletter through their own templates', async () => {
    const seen = {};
    for (const [button, name] of [['Preview the edition page', 'page'], ['Preview the newsletter', 'newsletter']]) {
      await page.getByRole('button', { name: button }).click();
      const frame = page.frameLocator('iframe.preview');
      await frame.getByText(edition.lead).first().waitFor();
      seen[name] = await frame.locator('body').innerText();
      // A screenshot only: axe-core never returns from a sandboxed frame, and what the frame shows is publish's page
      // and notify's email, which the readers' site test audits.
      await page.screenshot({ path: join(request.reports, `desk-preview-${name}.png`), fullPage: true });
    }
    result.seen.previews = seen;
    return { previewed: Object.keys(seen) };
  });

  await step('the chief editor approves the edition', async () => {
    // By keyboard: a click is aimed at coordinates, and a preview loading above can move the button under it.
    await page.getByRole('button', { name: 'Approve the edition' }).focus();
    await page.keyboard.press('Enter');
    await page.getByText(/^Edition approved/).waitFor();
    return { approved: edition.title };
  });

  await step('the letters inbox shows a reader\'s letter', async () => {
    await page.goto(`${desk}/desk/letters.html`);
    await page.getByRole('heading', { level: 2, name: `From ${request.letter.name}` }).waitFor();
    await audit('letters');
    return { from: request.letter.name };
  });
} catch (error) {
  if (!result.failed) {
    result.failed = { step: result.steps.length, what: 'setting up', message: error.message, url: page?.url() ?? null };
  }
} finally {
  await browser.close();
  process.stdout.write(JSON.stringify(result));
}
