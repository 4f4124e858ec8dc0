// Editors signing in to the desk through the organisation's identity provider, in Chromium, as
// DeskOidcLoginBrowserTest describes it: one JSON document on stdin, one on stdout. Each session is a fresh browser
// context (a fresh profile): the desk's sign-in page, its "Sign in with …" link, the provider's login form filled in
// as that user, back to the desk; then the session's calls to the API, made by that context (its cookies, as the
// desk's own scripts would send them); and, if asked, signing out and in again.
//
// Request: {editorial: "http://127.0.0.1:…", sessions: [{username, password, calls: [{method, path, headers}],
//           signOut: true|false}]}
// Answer:  {browser, sessions: [{landed, landedStatus, navigations: [urls], authorization: url, cookie: {…}, cookieNames,
//           calls: [{status, contentType, body}], signedOut: url, cookieNamesAfterSignOut, askedAgain: true|false,
//           failed: {what, message, url, screenshot}}]}
import { launchChromium } from './chromium.mjs';
import { readFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

const TIMEOUT = 30_000;
const COOKIE = 'newsroom_desk';

const request = JSON.parse(readFileSync(0, 'utf8'));
mkdirSync(request.reports, { recursive: true });
const editorial = new URL(request.editorial);

const result = { browser: null, sessions: [] };
const browser = await launchChromium(request.chromium);
result.browser = `Chromium ${browser.version()}`;
try {
  for (const [index, session] of request.sessions.entries()) {
    result.sessions.push(await signIn(session, index));
  }
} finally {
  await browser.close();
}
process.stdout.write(JSON.stringify(result));

async function signIn(session, index) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  context.setDefaultTimeout(TIMEOUT);
  const page = await context.newPage();
  const seen = { navigations: [], authorization: null, calls: [] };
  let step = 'open the sign-in page';
  page.on('request', (r) => {
    if (r.isNavigationRequest() && r.frame() === page.mainFrame()) {
      seen.navigations.push(r.url());
      if (!seen.authorization && new URL(r.url()).host !== editorial.host) {
        seen.authorization = r.url();
      }
    }
  });
  try {
    await page.goto(new URL('/desk/session/login', editorial).href);
    step = 'follow "Sign in with …"';
    await page.getByRole('link', { name: /^Sign in with / }).click();
    step = "fill the provider's login form";
    await page.locator('#username').waitFor();
    await page.locator('#username').fill(session.username);
    await page.locator('#password').fill(session.password);
    step = 'sign in and come back to the desk';
    const back = page.waitForURL((url) => url.host === editorial.host && url.pathname === '/desk/');
    const landing = page.waitForResponse((r) => r.url() === new URL('/desk/', editorial).href);
    await page.locator('#kc-login').click();
    await back;
    const landed = await landing;
    seen.landed = page.url();
    seen.landedStatus = landed.status();
    const cookies = await context.cookies(editorial.href);
    seen.cookieNames = cookies.map((c) => c.name);
    const cookie = cookies.find((c) => c.name === COOKIE);
    seen.cookie = cookie
      ? { value: cookie.value, httpOnly: cookie.httpOnly, sameSite: cookie.sameSite, secure: cookie.secure,
        path: cookie.path, expiresInSeconds: Math.round(cookie.expires - Date.now() / 1000) }
      : null;
    for (const call of session.calls) {
      step = `${call.method} ${call.path}`;
      const response = await context.request.fetch(new URL(call.path, editorial).href,
        { method: call.method, headers: call.headers || {}, maxRedirects: 0 });
      seen.calls.push({ status: response.status(), contentType: response.headers()['content-type'] || null,
        body: await response.text() });
    }
    if (session.signOut) {
      await signOutAndBackIn(page, context, seen, (now) => { step = now; });
    }
  } catch (error) {
    const screenshot = join(request.reports, `desk-login-failed-${index}.png`);
    seen.failed = {
      what: step,
      message: error.message.split('\n')[0],
      url: page.url(),
      screenshot: await page.screenshot({ path: screenshot, fullPage: true }).then(() => screenshot).catch(() => null),
    };
  } finally {
    await context.close();
  }
  return seen;
}

/**
 * The desk's "Sign out", through the provider's end-session page (Keycloak asks to confirm, as the desk keeps no ID
 * token to name the session by) back to the sign-in page; then "Sign in with …" again, which either shows the
 * provider's login form (its session ended) or lands straight on the desk (it did not).
 */
async function signOutAndBackIn(page, context, seen, stepping) {
  const onDesk = (path) => (url) => url.host === editorial.host && url.pathname === path;
  stepping('sign out');
  await page.goto(new URL('/desk/', editorial).href);
  await page.getByRole('button', { name: 'Sign out' }).click();
  const confirm = page.locator('#kc-logout');
  await Promise.race([confirm.waitFor(), page.waitForURL(onDesk('/desk/session/login'))]);
  if (await confirm.isVisible()) {
    await confirm.click();
  }
  await page.waitForURL(onDesk('/desk/session/login'));
  seen.signedOut = page.url();
  seen.cookieNamesAfterSignOut = (await context.cookies(editorial.href)).map((c) => c.name);
  stepping('sign in again');
  await page.getByRole('link', { name: /^Sign in with / }).click();
  await Promise.race([page.locator('#username').waitFor(), page.waitForURL(onDesk('/desk/'))]);
  seen.askedAgain = await page.locator('#username').isVisible();
}
