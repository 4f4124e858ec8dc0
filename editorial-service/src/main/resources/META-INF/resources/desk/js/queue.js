// The queue: filters, full-text search, clusters collapsed with their alternates, keyset pages, counts per status
// and new stories announced as they arrive. Keyboard: j/k move, e (or Enter) edits, a approves (chief editors), /
// searches.
import { api, isChief } from './api.js';
import { attempt, el, isShortcut, navigation, say, when } from './ui.js';

const STATUSES = ['NEW', 'IN_REVIEW', 'APPROVED', 'REJECTED', 'PUBLISHED', 'CORRECTED', 'KILLED'];
const FLAGS = {
  sourceChanged: 'Source changed after editing',
  sourceUpdatePending: 'Source update waiting',
  killProposed: 'Withdrawn by the source: kill proposed',
  withdrawn: 'Withdrawn by the source',
};
const label = (status) => status.charAt(0) + status.slice(1).toLowerCase().replace('_', ' ');

const main = document.getElementById('main');
let chief = false;
let next = null;
let current = -1;
const shown = new Set();

function filterForm() {
  const query = new URLSearchParams(window.location.search);
  const field = (id, text, control, hint) => el('div', { class: 'field' },
    el('label', { for: id }, text, hint ? el('span', { class: 'hint' }, ` ${hint}`) : null), control);
  const select = (id, name, options) => el('select', { id, name },
    el('option', { value: '' }, 'Any'),
    Object.entries(options).map(([value, text]) =>
      el('option', { value, selected: query.get(name) === value }, text)));
  // After a search the keys move in the results: the focus leaves the field for the list.
  return el('form', { class: 'filters', role: 'search', onsubmit: async (event) => {
    event.preventDefault();
    await filter();
    list().focus();
  } },
    field('q', 'Search stories', el('input', { id: 'q', name: 'q', type: 'search', value: query.get('q') ?? '' }),
      '(press /)'),
    field('f-status', 'Status', select('f-status', 'status', Object.fromEntries(STATUSES.map((s) => [s, label(s)])))),
    field('section', 'Section', el('input', { id: 'section', name: 'section', value: query.get('section') ?? '' })),
    field('source', 'Source', el('input', { id: 'source', name: 'source', value: query.get('source') ?? '' })),
    field('assignee', 'Assignee', el('input', { id: 'assignee', name: 'assignee', value: query.get('assignee') ?? '' })),
    field('flag', 'Needs attention', select('flag', 'flag', FLAGS)),
    el('div', { class: 'field' },
      el('span', {}, el('input', { id: 'primaryOnly', name: 'primaryOnly', type: 'checkbox',
        checked: query.get('primaryOnly') !== 'false' }),
      ' ', el('label', { for: 'primaryOnly' }, 'Collapse clusters'))),
    el('button', { type: 'submit', class: 'primary' }, 'Filter'));
}

function currentQuery() {
  const form = new FormData(main.querySelector('form.filters'));
  const query = new URLSearchParams();
  for (const name of ['q', 'status', 'section', 'source', 'assignee', 'flag']) {
    if (form.get(name)) {
      query.set(name, form.get(name));
    }
  }
  query.set('primaryOnly', form.get('primaryOnly') ? 'true' : 'false');
  return query;
}

async function filter() {
  const query = currentQuery();
  window.history.replaceState(null, '', `?${query}`);
  list().replaceChildren();
  shown.clear();
  current = -1;
  next = null;
  await load(query);
}

const list = () => document.getElementById('stories');

async function load(query) {
  const page = new URLSearchParams(query);
  page.set('limit', '25');
  if (next) {
    page.set('after', next);
  }
  const answer = await attempt(() => api(`/api/stories?${page}`));
  if (!answer) {
    return;
  }
  next = answer.next;
  answer.data.forEach((story) => list().append(entry(story)));
  document.getElementById('more').hidden = !next;
  const count = list().children.length;
  say(count ? `${count} ${count === 1 ? 'story' : 'stories'} shown` : 'No story matches these filters');
}

function entry(story) {
  shown.add(story.id);
  const flags = Object.keys(FLAGS).filter((flag) => story[flag] || (flag === 'withdrawn' && story.withdrawnAt));
  const item = el('li', { 'data-id': story.id },
    el('div', {},
      el('a', { href: `/desk/story.html?id=${story.id}`, class: 'headline' }, story.headline),
      el('p', { class: 'meta' },
        el('span', { class: 'badge' }, label(story.status)),
        flags.map((flag) => el('span', { class: 'badge' }, FLAGS[flag])),
        [story.source, (story.sections || []).join(', '), story.assignee ? `assigned to ${story.assignee}` : null,
          when(story.createdAt)].filter(Boolean).join(' · ')),
      story.alternateCount > 0 ? alternates(story) : null),
    el('div', { class: 'actions' },
      el('a', { href: `/desk/story.html?id=${story.id}`, class: 'button',
        'aria-label': `Edit “${story.headline}”` }, 'Edit'),
      chief && story.allowedTransitions.includes('APPROVED') && !story.withdrawnAt
        ? el('button', { type: 'button', onclick: () => approve(story, item),
          'aria-label': `Approve “${story.headline}”` }, 'Approve')
        : null));
  return item;
}

function alternates(story) {
  const box = el('div', { class: 'alternates' });
  const button = el('button', { type: 'button', 'aria-expanded': 'false',
    onclick: async () => {
      if (button.getAttribute('aria-expanded') === 'true') {
        button.setAttribute('aria-expanded', 'false');
        box.querySelector('ul')?.remove();
        return;
      }
      const answer = await attempt(() => api(`/api/stories?cluster=${story.clusterId}&limit=50`));
      if (answer) {
        button.setAttribute('aria-expanded', 'true');
        box.append(el('ul', {}, answer.data.filter((s) => s.id !== story.id).map((s) => el('li', {},
          el('a', { href: `/desk/story.html?id=${s.id}` }, s.headline), ` — ${s.source} (${label(s.status)})`))));
      }
    } }, `${story.alternateCount} more in its cluster`);
  box.append(button);
  return box;
}

async function approve(story, item) {
  const answer = await attempt(() => api(`/api/stories/${story.id}/approve`,
    { method: 'POST', etag: story.etag }));
  if (answer) {
    say(`Approved: ${story.headline}`);
    item.replaceWith(entry(answer.data));
    await counts();
  }
}

async function counts() {
  const answer = await attempt(() => api('/api/stories/counts'));
  if (answer) {
    document.getElementById('counts').replaceChildren(...STATUSES.map((status) => el('li', {},
      el('a', { href: `?status=${status}&primaryOnly=false` }, `${label(status)}: ${answer.data[status]}`))));
  }
}

function listen() {
  const arrivals = new EventSource('/api/stories/live');
  const fresh = new Set();
  const banner = document.getElementById('live');
  arrivals.onmessage = (message) => {
    const story = JSON.parse(message.data);
    if (shown.has(story.id)) {
      return;
    }
    fresh.add(story.id);
    banner.replaceChildren(el('button', { type: 'button', onclick: async () => {
      fresh.clear();
      banner.replaceChildren();
      await filter();
      await counts();
    } }, `${fresh.size} new ${fresh.size === 1 ? 'story' : 'stories'} — show`));
  };
}

function move(by) {
  const items = [...list().children];
  if (!items.length) {
    return;
  }
  items[current]?.removeAttribute('aria-current');
  current = Math.max(0, Math.min(items.length - 1, current + by));
  items[current].setAttribute('aria-current', 'true');
  items[current].querySelector('a.headline').focus();
}

function shortcuts(event) {
  if (event.key === 'Escape' && !isShortcut(event)) {
    list().focus();
    return;
  }
  if (event.key === '/' && isShortcut(event)) {
    event.preventDefault();
    document.getElementById('q').focus();
    return;
  }
  if (!isShortcut(event)) {
    return;
  }
  const item = list().children[current];
  if (event.key === 'j') {
    move(1);
  } else if (event.key === 'k') {
    move(-1);
  } else if (event.key === 'e' && item) {
    window.location.assign(`/desk/story.html?id=${item.dataset.id}`);
  } else if (event.key === 'a' && item) {
    item.querySelector('button[aria-label^="Approve"]')?.click();
  }
}

async function start() {
  await navigation('/desk/');
  chief = await isChief();
  main.append(
    filterForm(),
    el('ul', { id: 'counts', class: 'counts', 'aria-label': 'Stories by status' }),
    el('div', { id: 'live', class: 'live', 'aria-live': 'polite' }),
    el('p', { class: 'hint' }, 'Keys: ', el('kbd', {}, 'j'), '/', el('kbd', {}, 'k'), ' move, ',
      el('kbd', {}, 'Esc'), ' leaves a field, ',
      el('kbd', {}, 'e'), ' edit, ', chief ? [el('kbd', {}, 'a'), ' approve, '] : null, el('kbd', {}, '/'), ' search'),
    el('ul', { id: 'stories', class: 'queue', 'aria-label': 'Stories', tabindex: '-1' }),
    el('button', { id: 'more', type: 'button', hidden: true, onclick: () => load(currentQuery()) }, 'More stories'));
  document.addEventListener('keydown', shortcuts);
  await Promise.all([load(currentQuery()), counts()]);
  listen();
}

start();
