// What every desk page shares: building elements without HTML strings (text is always text), the navigation, the
// place errors and confirmations are announced, and dates as editors read them.
import { me, Problem } from './api.js';

/** An element: attributes (on* are listeners, `text` its text) and children (strings become text). */
export function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) {
      continue;
    }
    if (name.startsWith('on')) {
      element.addEventListener(name.slice(2).toLowerCase(), value);
    } else if (name === 'text') {
      element.textContent = value;
    } else {
      element.setAttribute(name, value === true ? '' : value);
    }
  }
  element.append(...children.flat(Infinity).filter((child) => child !== undefined && child !== null && child !== false));
  return element;
}

const PAGES = [
  ['/desk/', 'Queue'],
  ['/desk/edition.html', 'Compose an edition'],
  ['/desk/letters.html', 'Letters'],
];

/** The top bar: the desk's pages, who is signed in, signing out. */
export async function navigation(current) {
  const editor = await me();
  const bar = document.getElementById('top');
  bar.replaceChildren(
    el('a', { href: '#main', class: 'skip' }, 'Skip to the content'),
    el('nav', { 'aria-label': 'Desk' },
      el('ul', {}, PAGES.map(([href, label]) => el('li', {},
        el('a', { href, 'aria-current': href === current ? 'page' : undefined }, label))))),
    el('p', { class: 'who' }, `Signed in as ${editor.name} (${editor.roles.join(', ')})`),
    el('form', { method: 'post', action: '/desk/session/logout', class: 'sign-out' },
      el('button', { type: 'submit' }, 'Sign out')));
  return editor;
}

/** Says something to the editor (and to screen readers) in the page's status line. */
export function say(message) {
  const status = document.getElementById('status');
  status.classList.remove('error');
  status.replaceChildren(message);
}

/** Shows what went wrong: the problem's title and detail and each field it names. */
export function fail(error) {
  const status = document.getElementById('status');
  status.classList.add('error');
  if (!(error instanceof Problem)) {
    status.replaceChildren(el('p', {}, `Something went wrong: ${error.message}`));
    return;
  }
  const problem = error.problem;
  status.replaceChildren(
    el('p', {}, el('strong', {}, problem.title || `HTTP ${error.status}`), problem.detail ? ` — ${problem.detail}` : ''),
    problem.errors?.length
      ? el('ul', {}, problem.errors.map((e) => el('li', {}, `${e.field}: ${e.message}`)))
      : null);
}

/** Runs an action, showing its failure instead of throwing it. */
export async function attempt(action) {
  try {
    return await action();
  } catch (error) {
    fail(error);
    return undefined;
  }
}

export function when(instant) {
  return instant ? new Date(instant).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' }) : '';
}

export function param(name) {
  return new URLSearchParams(window.location.search).get(name);
}

/** A datetime-local field's value as an ISO instant, or null when empty. */
export function instant(localValue) {
  return localValue ? new Date(localValue).toISOString() : null;
}

/** Whether a key press was meant for the page, not typed into a field. */
export function isShortcut(event) {
  const target = event.target;
  return !event.ctrlKey && !event.metaKey && !event.altKey
    && !(target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement
      || target instanceof HTMLSelectElement || target.isContentEditable);
}
