// The editors' day in the desk, as DeskBrowserTest describes it, in the browser the request names: Chromium under
// playwright-core (desk-in-chromium.mjs) or Firefox under puppeteer-core (desk-in-firefox.mjs), both answering to
// the same few words (button, field, text, press, …). One JSON request on stdin (the browser, the desk's address,
// the stories to work on, where reports go), one JSON answer on stdout (what each step saw, the accessibility
// findings and screenshots, or the step that failed and why). Editors find everything by its accessible name, as a
// screen reader would.
import { readFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromiumDesk } from './desk-in-chromium.mjs';
import { firefoxDesk } from './desk-in-firefox.mjs';

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const SETTINGS = { viewport: { width: 1280, height: 900 }, timeout: 20_000 };
const request = JSON.parse(readFileSync(0, 'utf8'));
mkdirSync(request.reports, { recursive: true });
const desk = request.editorial;
const engine = request.browser;
const result = { steps: [], audits: [], console: [], browser: null, failed: null, seen: {} };

const browser = await (engine === 'firefox' ? firefoxDesk : chromiumDesk)(request, SETTINGS);
result.browser = browser.name;
let page;

async function signedIn(name, role) {
  // The API's refusals (a 412 conflict, a 403) are answers the desk shows; a browser may log each as a console
  // error, so failed loads are judged by their responses: any of the desk's own files failing is an error.
  const signed = await browser.screen({
    consoleError: (url, text) => !text.startsWith('Failed to load resource') && result.console.push({ url, text }),
    response: (url, status) => status >= 400 && !new URL(url).pathname.startsWith('/api/')
      && result.console.push({ url, text: `HTTP ${status}` }),
    pageError: (url, text) => result.console.push({ url, text }),
  });
  await signed.goto(`${desk}/desk/session/login`);
  if (!result.audits.length) {
    await audit('sign-in', signed);
  }
  await signed.field('Name').fill(name);
  await signed.field(role === 'chief-editor' ? 'Chief editor' : 'Editor').check();
  await signed.button('Sign in').click();
  await signed.waitForUrl(`${desk}/desk/`);
  await signed.text(`Signed in as ${name}`).waitFor();
  return signed;
}

/** axe-core and a screenshot of the page as it is, in each colour scheme the browser can be asked for. */
async function audit(name, target = page) {
  for (const scheme of browser.schemes) {
    await target.colorScheme(scheme);
    const screenshot = join(request.reports, `desk-${engine}-${name}-${scheme}.png`);
    await target.screenshot(screenshot);
    const violations = await Promise.race([
      target.axe(WCAG),
      new Promise((_, reject) => setTimeout(() => reject(new Error(`axe-core did not finish on ${name}`)), 60_000)),
    ]);
    result.audits.push({ page: `${name} (${engine}, ${scheme})`, url: target.url(), screenshot,
      violations: violations.map((v) => ({
        id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) })) });
  }
  await target.colorScheme('light');
}

async function step(what, action) {
  try {
    const seen = await action();
    result.steps.push({ what, seen: seen ?? null });
  } catch (error) {
    const screenshot = join(request.reports, `failed-desk-${engine}-${result.steps.length}.png`);
    await page?.screenshot(screenshot).catch(() => {});
    result.failed = { step: result.steps.length, what, message: error.message, url: page?.url() ?? null, screenshot };
    throw error;
  }
}

const storyLink = (p, headline) => p.link(headline);

/** From the queue, by keyboard only: / to search, the words, Enter; j to the first story found, e to edit it. */
async function openBySearch(p, words, headline) {
  await p.goto(`${desk}/desk/`);
  await p.text(/(story|stories) shown|No story matches/).waitFor();
  await p.press('/');
  await p.type(words);
  await p.press('Enter');
  await storyLink(p, headline).waitFor();
  await p.waitForFocus('stories');
  await p.press('j');
  await p.press('e');
  await p.heading(headline).waitFor();
}

try {
  const stories = request.stories;
  const editor = await signedIn('erin', 'editor');
  page = editor;

  await step('an editor finds a story by full-text search and edits it', async () => {
    await audit('queue');
    await openBySearch(page, stories.find, stories.edit.headline);
    await audit('story');
    await page.field('Headline').fill(stories.edit.newHeadline);
    await page.field("Editor's note").fill(stories.edit.note);
    await page.button('Save changes').click();
    await page.heading(stories.edit.newHeadline).waitFor();
    await page.text(/^Saved$/).waitFor();
    return { headline: await page.heading(stories.edit.newHeadline).content() };
  });

  await step('an editor sees no approve button, and the API refuses her approval', async () => {
    const buttons = await page.buttonsNamed(/^Approve/);
    // As the desk's own scripts call the API: from the page, with the session's cookie and the desk's header.
    const apiStatus = await page.evaluate(async (id) => {
      const story = await fetch(`/api/stories/${id}`);
      const refused = await fetch(`/api/stories/${id}/approve`, { method: 'POST',
        headers: { 'X-Newsroom-Desk': '1', 'If-Match': story.headers.get('ETag') } });
      return refused.status;
    }, stories.edit.id);
    await page.goto(`${desk}/desk/`);
    await page.text(/(story|stories) shown/).waitFor();
    const inQueue = await page.buttonsNamed(/^Approve/);
    result.seen.editorApproveButtons = buttons + inQueue;
    result.seen.editorApproveStatus = apiStatus;
    return { approveButtons: buttons + inQueue, apiStatus };
  });

  await step('two editors change the same story: the second gets the conflict view', async () => {
    const other = await signedIn('olga', 'editor');
    await openBySearch(editor, stories.find, stories.edit.newHeadline);
    await openBySearch(other, stories.find, stories.edit.newHeadline);
    await other.field('Byline').fill(stories.conflict.theirs);
    await other.button('Save changes').click();
    await other.text(/^Saved$/).waitFor();
    page = editor;
    await editor.field('Byline').fill(stories.conflict.mine);
    await editor.button('Save changes').click();
    const conflict = editor.region('Someone changed this story');
    await conflict.waitFor();
    await conflict.text(stories.conflict.theirs).waitFor();
    await conflict.text(stories.conflict.mine).waitFor();
    await audit('conflict', editor);
    const byline = await editor.field('Byline').value();
    await other.close();
    return { kept: byline };
  });

  const chief = await signedIn('chris', 'chief-editor');
  page = chief;
  await step('a story ingested while the queue is open is announced there', async () => {
    await page.goto(`${desk}/desk/`);
    await page.text(/(story|stories) shown/).waitFor();
    const pushed = await fetch(`${request.ingest}/api/items`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${request.ingestToken}` },
      body: JSON.stringify(stories.arriving.item),
    });
    if (pushed.status !== 201) {
      throw new Error(`ingest answered ${pushed.status} to the pushed item`);
    }
    await page.button('1 new story — show').click({ timeout: 60_000 });
    await storyLink(page, stories.arriving.item.headline).waitFor();
    return { announced: stories.arriving.item.headline };
  });
  await step('a chief editor approves four stories from the queue', async () => {
    await page.goto(`${desk}/desk/?q=${encodeURIComponent(stories.search)}&primaryOnly=false`);
    for (const headline of stories.approve) {
      await page.button(`Approve “${headline}”`).click();
      await page.text(`Approved: ${headline}`).waitFor();
    }
    return { approved: stories.approve };
  });
  const lifecycle = request.lifecycle;
  const storyPage = (id) => `${desk}/desk/story.html?id=${encodeURIComponent(id)}`;
  /** Opens the story until it shows what the pipeline is doing in the background (a publication, a source update). */
  async function reopenUntil(id, shown, what) {
    const deadline = Date.now() + 60_000;
    for (;;) {
      await page.goto(storyPage(id));
      try {
        return await shown().waitFor({ timeout: 2_000 });
      } catch (notYet) {
        if (Date.now() > deadline) {
          throw new Error(`${what}: not shown within 60 s`);
        }
      }
    }
  }
  async function sendSourceUpdate(item) {
    const pushed = await fetch(`${request.ingest}/api/items`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${request.ingestToken}` },
      body: JSON.stringify(item),
    });
    if (pushed.status !== 200) {
      throw new Error(`ingest answered ${pushed.status} to the source's update`);
    }
  }
  await step('a story is submitted for review; a chief editor rejects it, giving the reason, which its history keeps',
    async () => {
      const { id, headline, reason } = lifecycle.reject;
      await page.goto(storyPage(id));
      await page.heading(headline).waitFor();
      await page.button('Submit for review').click();
      await page.said('Submitted for review').waitFor();
      await page.field('Reason for rejecting').fill(reason);
      await page.button('Reject').click();
      await page.said('Rejected').waitFor();
      await page.text(`“${reason}”`).waitFor();
      return { rejected: headline };
    });
  await step('a chief editor schedules a story; the source\'s later update is held for her and she applies it',
    async () => {
      const { id, headline, at, update } = lifecycle.schedule;
      await page.goto(storyPage(id));
      await page.heading(headline).waitFor();
      await page.field('Publish at (optional; now if empty)').fill(at);
      await page.button('Approve').click();
      await page.said(/^Approved, scheduled for /).waitFor();
      await sendSourceUpdate(update);
      await reopenUntil(id, () => page.button('Apply the update'), 'the held source update');
      await page.button('Apply the update').click();
      await page.said('Source update applied').waitFor();
      return { scheduled: at, applied: update.summary };
    });
  await step('a chief editor approves a story, discards the source\'s update of the published story, corrects it '
    + 'and then kills it', async () => {
    const { id, headline, update, correction, summary, kill } = lifecycle.publish;
    await page.goto(storyPage(id));
    await page.heading(headline).waitFor();
    await page.button('Approve').click();
    await page.said(/^Approved$/).waitFor();
    await reopenUntil(id, () => page.button('Publish the correction'), 'the publication');
    await sendSourceUpdate(update);
    await reopenUntil(id, () => page.button('Discard it'), 'the held source update');
    await page.button('Discard it').click();
    await page.said('Source update discarded').waitFor();
    await page.field('Correction note').fill(correction);
    await page.field('Corrected summary').fill(summary);
    await page.button('Publish the correction').click();
    await page.said('Corrected').waitFor();
    await page.field('Reason for killing').fill(kill);
    await page.button('Kill').click();
    await page.said('Killed').waitFor();
    return { corrected: summary, killed: kill };
  });
  await step('a chief editor makes another story of a cluster its primary', async () => {
    const { id, headline } = lifecycle.primary;
    await page.goto(storyPage(id));
    await page.heading(headline).waitFor();
    await page.button('Make this the primary').click();
    await page.said('This story now leads its cluster').waitFor();
    await page.text('This story leads its cluster.').waitFor();
    return { primary: headline };
  });
  const edition = request.edition;
  const briefName = (position, headline) => `Brief ${position} of ${edition.briefs.length}: ${headline}`;
  const brief = (position, headline) => page.item(briefName(position, headline));
  const moved = (headline, position) =>
    page.text(`Moved “${headline}” to position ${position} of ${edition.briefs.length}. The order is saved.`);
  await step('the chief editor composes the edition: the lead, its note and three briefs found by search', async () => {
    await page.goto(`${desk}/desk/edition.html`);
    await page.heading('New edition').waitFor();
    await page.field('Title').fill(edition.title);
    await page.field('Date').fill(edition.date);
    await page.field('Search approved and published stories').fill(stories.search);
    await page.button('Search').click();
    await page.button(`Use as lead: ${edition.lead}`).click();
    await page.field("Editor's note (frames the lead for readers)").fill(edition.note);
    for (const headline of edition.briefs) {
      await page.button(`Add as brief: ${headline}`).click();
    }
    await page.button('Save').click();
    await page.text(`Edition “${edition.title}” created.`).waitFor();
    return { briefs: edition.briefs };
  });

  await step(`the chief editor reorders the briefs ${browser.drags ? 'by drag and drop' : 'with the Move buttons'}, `
    + 'then by keyboard', async () => {
    const [first, second, third] = edition.briefs;
    if (browser.drags) {
      await brief(3, third).dragTo(brief(1, first));
    } else {
      await page.button(`Move up: ${third}`).click();
      await moved(third, 2).waitFor();
      await page.button(`Move up: ${third}`).click();
    }
    await moved(third, 1).waitFor();
    await brief(3, second).focus();
    await page.press('Alt+ArrowUp');
    await moved(second, 2).waitFor();
    await brief(1, third).waitFor();
    await brief(2, second).waitFor();
    await brief(3, first).waitFor();
    await audit('composer');
    return { order: [third, second, first] };
  });

  await step('the chief editor previews the edition page and the newsletter through their own templates', async () => {
    const seen = {};
    for (const [button, kind] of [['Preview the edition page', 'page'], ['Preview the newsletter', 'newsletter']]) {
      await page.button(button).click();
      seen[kind] = await page.preview(kind, edition.lead);
      // A screenshot only: axe-core never returns from a sandboxed frame, and what the frame shows is publish's page
      // and notify's email, which the readers' site test audits.
      await page.screenshot(join(request.reports, `desk-${engine}-preview-${kind}.png`));
    }
    result.seen.previews = seen;
    return { previewed: Object.keys(seen) };
  });

  await step('the chief editor approves the edition', async () => {
    // By keyboard: a click is aimed at coordinates, and a preview loading above can move the button under it.
    await page.button('Approve the edition').focus();
    await page.press('Enter');
    await page.text(/^Edition approved/).waitFor();
    await page.text('An approved edition no longer changes.').waitFor();
    return { approved: edition.title };
  });

  await step('the letters inbox shows a reader\'s letter', async () => {
    await page.goto(`${desk}/desk/letters.html`);
    await page.heading(`From ${request.letter.name}`).waitFor();
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
