// A hand check of the desk's edition composer and letters inbox in Chromium, against a running editorial-service
// with the dev login on and stories already ingested (their headlines start with PREFIX):
//   node desk-composer-check.mjs http://127.0.0.1:8082 "Composer check"    (NODE_PATH: playwright-core, axe)
// With DESK_SOURCES=<editorial-service/src/main/resources/META-INF/resources/desk> the pages' files come from there,
// so a change to them is tried without packaging the service again.
// The chief editor approves four of them, composes an edition (lead, note, three briefs), reorders by drag and drop
// and by keyboard, previews, approves; an editor sees no approve form; a stale tab gets the 412 reload; both pages
// are checked with axe-core (WCAG 2.2 AA). Prints what it saw; exits 1 on the first failed expectation.
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';

const [base, prefix] = process.argv.slice(2);
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

function expect(condition, what) {
  if (!condition) {
    throw new Error(`expected: ${what}`);
  }
  console.log(`ok: ${what}`);
}

async function signIn(browser, name, role) {
  const context = await browser.newContext();
  context.setDefaultTimeout(15000);
  const answer = await context.request.post(`${base}/desk/session/dev`, { form: { name, role }, maxRedirects: 0 });
  expect(answer.status() === 303, `dev login as ${role} answers 303`);
  if (process.env.DESK_SOURCES) {
    await context.route(/\/desk\/[^?]*\.(html|js|css)(\?.*)?$/, (route) => {
      const file = new URL(route.request().url()).pathname.replace(/^\/desk\//, '');
      const type = file.endsWith('.js') ? 'text/javascript' : file.endsWith('.css') ? 'text/css' : 'text/html';
      route.fulfill({ contentType: type, body: readFileSync(`${process.env.DESK_SOURCES}/${file}`) });
    });
  }
  const page = await context.newPage();
  page.on('response', (response) => {
    if (response.status() >= 400) {
      console.log(`${response.status()} (${name}): ${response.request().method()} ${response.url()}`);
    }
  });
  page.on('console', (message) => {
    if (message.type() === 'error') {
      console.log(`console (${name}): ${message.text()}`);
    }
  });
  page.on('pageerror', (error) => console.log(`page error (${name}): ${error.message}`));
  return { context, page };
}

async function audit(page, what) {
  const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  for (const violation of result.violations) {
    console.log(`axe ${what}: ${violation.id} — ${violation.help}`);
    violation.nodes.forEach((node) => console.log(`   ${node.target.join(' ')}: ${node.failureSummary}`));
  }
  expect(result.violations.length === 0, `axe finds no WCAG 2.2 AA violation on ${what}`);
}

async function briefOrder(page) {
  return page.locator('#briefs > li .title').allTextContents();
}

const browser = await chromium.launch({
  executablePath: process.env.NEWSROOM_CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const chief = await signIn(browser, 'chris', 'chief-editor');
  const desk = { 'X-Newsroom-Desk': '1' };
  const found = await (await chief.context.request.get(
    `${base}/api/stories?status=NEW&q=${encodeURIComponent(`"${prefix}"`)}&limit=50`)).json();
  const stories = found.filter((s) => s.headline.startsWith(prefix)).slice(0, 4);
  expect(stories.length === 4, `four NEW stories titled "${prefix} …"`);
  for (const story of stories) {
    const read = await chief.context.request.get(`${base}/api/stories/${story.id}`);
    const approved = await chief.context.request.post(`${base}/api/stories/${story.id}/approve`,
      { headers: { ...desk, 'If-Match': read.headers().etag } });
    expect(approved.status() === 200, `story "${story.headline}" approved`);
  }
  const [leadStory, ...briefStories] = stories;

  const page = chief.page;
  await page.goto(`${base}/desk/edition.html`);
  await page.getByRole('heading', { name: 'Compose an edition', level: 1 }).waitFor();
  await page.getByRole('heading', { name: 'Recent editions' }).waitFor();
  await audit(page, 'the new edition page');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.locator('#status.error li', { hasText: 'leadStoryId' }).waitFor();
  expect(await page.locator('#status.error li', { hasText: 'title' }).count() === 1, 'a 400 names its fields in the status');
  await page.getByLabel('Title', { exact: true }).fill(`${prefix} edition`);
  await page.getByLabel('Search approved and published stories').fill(`"${prefix}"`);
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await page.getByRole('button', { name: `Use as lead: ${leadStory.headline}` }).click();
  for (const story of briefStories) {
    await page.getByRole('button', { name: `Add as brief: ${story.headline}` }).click();
  }
  await page.getByLabel("Editor's note").fill('Why we lead with this.');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByText('created.').waitFor();
  expect(page.url().includes('edition.html?id='), 'the new edition\'s URL is its page');
  const headlines = briefStories.map((s) => s.headline);
  expect(JSON.stringify(await briefOrder(page)) === JSON.stringify(headlines), 'three briefs in the order added');
  expect(await page.locator('#briefs > li .number').first().textContent() === '1.', 'briefs show their number');

  // Drag the third brief onto the first: it takes the first place.
  await page.locator('#briefs > li').nth(2).dragTo(page.locator('#briefs > li').nth(0));
  await page.getByText('The order is saved.').waitFor();
  const dragged = [headlines[2], headlines[0], headlines[1]];
  expect(JSON.stringify(await briefOrder(page)) === JSON.stringify(dragged), 'drag and drop puts the third first');

  // Keyboard: the first brief (now headlines[2]) goes down one with Alt+ArrowDown.
  await page.locator('#briefs > li').nth(0).focus();
  await page.keyboard.press('Alt+ArrowDown');
  await page.getByText(`Moved “${headlines[2]}” to position 2 of 3. The order is saved.`).waitFor();
  const keyed = [headlines[0], headlines[2], headlines[1]];
  expect(JSON.stringify(await briefOrder(page)) === JSON.stringify(keyed), 'Alt+ArrowDown moves a brief down');
  expect(await page.evaluate(() => document.activeElement?.dataset.story) !== undefined, 'the moved brief keeps focus');
  await page.getByRole('button', { name: `Move up: ${headlines[1]}` }).click();
  await page.getByText(`Moved “${headlines[1]}” to position 2 of 3. The order is saved.`).waitFor();
  const buttoned = [headlines[0], headlines[1], headlines[2]];
  expect(JSON.stringify(await briefOrder(page)) === JSON.stringify(buttoned), 'Move up moves a brief up');

  const id = new URL(page.url()).searchParams.get('id');
  const saved = await (await chief.context.request.get(`${base}/api/editions/${id}`)).json();
  expect(JSON.stringify(saved.briefs.map((b) => b.headline)) === JSON.stringify(buttoned), 'the API holds that order');

  // Someone else changes the edition: this tab's next change gets the 412 and a reload, not an overwrite.
  const other = await browser.newContext();
  await other.request.post(`${base}/desk/session/dev`, { form: { name: 'erin', role: 'editor' }, maxRedirects: 0 });
  const read = await other.request.get(`${base}/api/editions/${id}`);
  const changed = await other.request.patch(`${base}/api/editions/${id}`, {
    headers: { ...desk, 'If-Match': read.headers().etag }, data: { title: `${prefix} edition, retitled` } });
  expect(changed.status() === 200, 'another editor retitles the edition');
  await page.getByRole('button', { name: `Move down: ${headlines[0]}` }).click();
  await page.getByText('Someone changed this edition').waitFor();
  expect(await page.getByLabel('Title', { exact: true }).inputValue() === `${prefix} edition, retitled`, 'the 412 reloads the edition');
  expect(JSON.stringify(await briefOrder(page)) === JSON.stringify(buttoned), 'and keeps the order the API holds');

  await page.getByRole('button', { name: 'Preview the edition page' }).click();
  const frame = page.locator('iframe.preview');
  expect(await frame.getAttribute('title') === 'Preview of the edition page', 'the preview frame is titled');
  expect((await frame.getAttribute('src')).endsWith(`/api/editions/${id}/preview/page`), 'it shows the page preview');
  await page.getByRole('button', { name: 'Preview the newsletter' }).click();
  expect((await frame.getAttribute('src')).endsWith('/preview/newsletter'), 'and then the newsletter preview');
  await audit(page, 'an edition in the composer');

  // An editor sees the edition with no approve form.
  const editor = await signIn(browser, 'erin', 'editor');
  await editor.page.goto(`${base}/desk/edition.html?id=${id}`);
  await editor.page.getByRole('heading', { name: /^Edition:/ }).waitFor();
  expect(await editor.page.getByRole('button', { name: 'Approve the edition' }).count() === 0,
    'an editor sees no approve button');

  // The chief approves with a publish time an hour from now.
  const inAnHour = new Date(Date.now() + 3600_000);
  const local = new Date(inAnHour.getTime() - inAnHour.getTimezoneOffset() * 60000).toISOString().slice(0, 16);
  await page.getByLabel('Publish at').fill(local);
  await page.getByRole('button', { name: 'Approve the edition' }).click();
  await page.getByText('Edition approved').waitFor();
  expect(await page.getByRole('button', { name: 'Save' }).count() === 0, 'an approved edition has no Save button');
  expect(await page.getByRole('button', { name: /^Move / }).count() === 0, 'nor move buttons');
  expect((await page.locator('#state').textContent()).includes('Approved by chris'), 'it shows who approved it');
  await audit(page, 'an approved edition');

  await page.goto(`${base}/desk/letters.html`);
  await page.getByRole('heading', { name: 'Letters', level: 1 }).waitFor();
  await page.waitForLoadState('networkidle');
  console.log(`letters shown: ${await page.locator('#letters > li').count()}`);
  await audit(page, 'the letters inbox');
  console.log('all checks passed');
} finally {
  await browser.close();
}
