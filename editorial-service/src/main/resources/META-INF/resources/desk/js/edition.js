// The edition composer: the recent editions to open, and one edition — title, date, sections, the lead with its
// editor's note, the numbered briefs found by search and put in order (drag and drop, or Alt+Arrow keys, or the
// Move buttons), previews through publish's and notify's own templates, and approval by a chief editor.
// Every rule stays the API's: the page sends what the editor chose and shows what the API answers.
import { api, isChief, Problem } from './api.js';
import { attempt, el, fail, instant, navigation, param, say, when } from './ui.js';

const composer = document.getElementById('composer');
const SEARCHABLE = 'APPROVED,PUBLISHED';

/** The edition as last answered by the API (null while a new one is unsaved) and its ETag. */
let saved = null;
let etag = null;
/** What the editor is composing: the lead and the briefs ({storyId, headline}), in order. */
let lead = null;
let briefs = [];
let chief = false;

// ---- the list of recent editions -------------------------------------------------------------------------------

function recentEditions() {
  const list = el('ul', { class: 'results', id: 'recent' });
  const older = el('button', { type: 'button', hidden: true }, 'Older editions');
  let next = null;
  async function load() {
    const answer = await api(next ? `/api/editions?limit=20&after=${encodeURIComponent(next)}` : '/api/editions?limit=20');
    next = answer.next;
    older.hidden = !next;
    list.append(...answer.data.map((edition) => el('li', {},
      el('a', { href: `/desk/edition.html?id=${encodeURIComponent(edition.id)}` }, `${edition.date} — ${edition.title}`),
      el('span', { class: 'hint' }, edition.status === 'APPROVED' ? 'approved' : `draft, ${edition.briefCount} briefs`))));
    if (!list.children.length) {
      list.append(el('li', { class: 'hint' }, 'No editions yet.'));
    }
  }
  older.addEventListener('click', () => attempt(load));
  attempt(load);
  return el('section', { 'aria-labelledby': 'recent-heading' },
    el('h2', { id: 'recent-heading' }, 'Recent editions'),
    list, older,
    el('p', {}, el('a', { href: '/desk/edition.html', class: 'button' }, 'New edition')));
}

// ---- one edition -----------------------------------------------------------------------------------------------

function field(id, label, control, hint) {
  control.id = id;
  return el('div', { class: 'field' },
    el('label', { for: id }, label, hint ? el('span', { class: 'hint' }, ` (${hint})`) : null),
    control);
}

function leadView() {
  return el('p', { id: 'lead' }, lead
    ? [el('strong', {}, 'Lead: '), lead.headline]
    : el('span', { class: 'hint' }, 'No lead chosen yet: find a story below and use it as the lead.'));
}

function renderLead() {
  document.getElementById('lead').replaceWith(leadView());
}

/** One brief of the list: draggable, focusable, moved by Alt+ArrowUp/Down or its buttons. */
function briefItem(brief, index, frozen) {
  const name = brief.headline;
  const item = el('li', { 'data-story': brief.storyId },
    el('span', { class: 'number' }, `${index + 1}.`),
    el('span', { class: 'title' }, name));
  if (frozen) {
    return item;
  }
  item.setAttribute('draggable', 'true');
  item.setAttribute('tabindex', '0');
  item.setAttribute('aria-label', `Brief ${index + 1} of ${briefs.length}: ${name}`);
  item.setAttribute('aria-describedby', 'reorder-hint');
  item.append(
    el('button', { type: 'button', 'aria-label': `Move up: ${name}`, disabled: index === 0,
      onclick: () => move(index, index - 1) }, 'Move up'),
    el('button', { type: 'button', 'aria-label': `Move down: ${name}`, disabled: index === briefs.length - 1,
      onclick: () => move(index, index + 1) }, 'Move down'),
    el('button', { type: 'button', class: 'danger', 'aria-label': `Remove: ${name}`,
      onclick: () => remove(index) }, 'Remove'));
  item.addEventListener('keydown', (event) => {
    if (event.target !== item || !event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) {
      return;
    }
    event.preventDefault();
    move(index, event.key === 'ArrowUp' ? index - 1 : index + 1);
  });
  item.addEventListener('dragstart', (event) => {
    event.dataTransfer.setData('text/plain', brief.storyId);
    event.dataTransfer.effectAllowed = 'move';
    item.classList.add('dragging');
  });
  item.addEventListener('dragend', () => item.classList.remove('dragging'));
  item.addEventListener('dragover', (event) => {
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
  });
  item.addEventListener('drop', (event) => {
    event.preventDefault();
    const from = briefs.findIndex((b) => b.storyId === event.dataTransfer.getData('text/plain'));
    if (from >= 0) {
      move(from, index);
    }
  });
  return item;
}

function renderBriefs(focusStory) {
  const frozen = saved?.status === 'APPROVED';
  const list = document.getElementById('briefs');
  list.replaceChildren(...briefs.map((brief, index) => briefItem(brief, index, frozen)));
  if (!briefs.length) {
    list.append(el('li', { class: 'hint' }, 'No briefs yet: find stories below and add them as briefs.'));
  }
  if (focusStory) {
    list.querySelector(`li[data-story="${CSS.escape(focusStory)}"]`)?.focus();
  }
}

/** The brief at position `from` goes to position `to`; a saved edition keeps the new order at once. */
function move(from, to) {
  if (to < 0 || to >= briefs.length || from === to) {
    return;
  }
  const [brief] = briefs.splice(from, 1);
  briefs.splice(to, 0, brief);
  renderBriefs(brief.storyId);
  saveBriefs(`Moved “${brief.headline}” to position ${to + 1} of ${briefs.length}.`, brief.storyId);
}

function remove(index) {
  const [brief] = briefs.splice(index, 1);
  renderBriefs();
  document.getElementById('briefs-heading').focus();
  saveBriefs(`Removed “${brief.headline}” from the briefs.`);
}

function addBrief(story) {
  if (briefs.some((b) => b.storyId === story.id)) {
    say(`“${story.headline}” is a brief already.`);
    return;
  }
  briefs.push({ storyId: story.id, headline: story.headline });
  renderBriefs();
  saveBriefs(`Added “${story.headline}” as brief ${briefs.length}.`);
}

function useAsLead(story) {
  lead = { storyId: story.id, headline: story.headline };
  renderLead();
  say(saved ? `“${story.headline}” is the lead once you save.` : `“${story.headline}” is the lead.`);
}

/** Changes of a saved edition go one after the other, each with the ETag the previous one answered. */
let changes = Promise.resolve();
/** How many are waiting: while more follow, the briefs on the page are newer than the API's last answer. */
let queued = 0;

/** A saved draft keeps its briefs' order as soon as it changes; a new edition keeps it until it is saved. */
function saveBriefs(done, focusStory) {
  if (!saved) {
    say(done);
    return changes;
  }
  queued++;
  changes = changes.then(() => change(() => ({ briefs: briefs.map((b) => b.storyId) }),
    `${done} The order is saved.`, focusStory)).finally(() => queued--);
  return changes;
}

/** PATCH (the patch made when it is sent) with the ETag last read: on 412 the editor is told and sees the edition as it is now, never overwriting. */
async function change(patch, done, focusStory) {
  try {
    const answer = await api(`/api/editions/${saved.id}`, { method: 'PATCH', body: patch(), etag });
    if (queued > 1) {
      saved = answer.data;
      etag = answer.etag;
    } else {
      accept(answer);
      renderBriefs(focusStory);
    }
    say(done);
  } catch (error) {
    await refused(error);
  }
}

async function refused(error) {
  if (error instanceof Problem && error.status === 412) {
    await open(saved.id);
    say('Someone changed this edition since you opened it: it has been reloaded as it is now. '
      + 'Make your change again.');
    document.getElementById('status').classList.add('error');
    return;
  }
  fail(error);
}

function accept(answer) {
  saved = answer.data;
  etag = answer.etag;
  // Once approved, the edition is what approval froze, whatever its stories' copy has become since.
  const shown = saved.approvedSnapshot ?? saved;
  lead = { storyId: shown.lead.storyId, headline: shown.lead.headline, editorsNote: shown.lead.editorsNote };
  briefs = shown.briefs.map((b) => ({ storyId: b.storyId, headline: b.headline }));
}

function draft() {
  const value = (id) => document.getElementById(id).value;
  const sections = value('sections').split(',').map((s) => s.trim()).filter(Boolean);
  return {
    title: value('title'),
    date: value('date') || null,
    leadStoryId: lead?.storyId ?? null,
    leadNote: value('lead-note').trim() || null,
    briefs: briefs.map((b) => b.storyId),
    sections,
  };
}

async function save(event) {
  event.preventDefault();
  if (!saved) {
    const answer = await attempt(() => api('/api/editions', { method: 'POST', body: draft() }));
    if (answer) {
      accept(answer);
      history.replaceState(null, '', `/desk/edition.html?id=${encodeURIComponent(saved.id)}`);
      render();
      say(`Edition “${saved.title}” created.`);
    }
    return;
  }
  try {
    accept(await api(`/api/editions/${saved.id}`, { method: 'PATCH', body: draft(), etag }));
    render();
    say('Edition saved.');
  } catch (error) {
    await refused(error);
  }
}

function editionForm() {
  return el('form', { id: 'edition', novalidate: true, onsubmit: save },
    el('h2', { id: 'edition-heading' }, saved ? `Edition: ${saved.title}` : 'New edition'),
    saved ? stateLine() : null,
    field('title', 'Title', el('input', { type: 'text', value: saved?.title ?? '', required: true })),
    field('date', 'Date', el('input', { type: 'date', value: saved?.date ?? today(), required: true })),
    field('sections', 'Sections', el('input', { type: 'text', value: (saved?.sections ?? []).join(', ') }),
      'separated by commas'),
    el('h3', {}, 'Lead'),
    leadView(),
    field('lead-note', "Editor's note", el('textarea', {}, saved?.lead.editorsNote ?? ''),
      'frames the lead for readers'),
    el('h3', { id: 'briefs-heading', tabindex: '-1' }, 'Briefs'),
    el('p', { id: 'reorder-hint', class: 'hint' },
      'Drag a brief to its place, or focus it and press ', el('kbd', {}, 'Alt'), '+', el('kbd', {}, '↑'),
      ' or ', el('kbd', {}, 'Alt'), '+', el('kbd', {}, '↓'), '. In a saved edition the order is saved at once.'),
    el('ol', { id: 'briefs', class: 'briefs', 'aria-labelledby': 'briefs-heading' }),
    el('p', {}, el('button', { type: 'submit', class: 'primary' }, 'Save')));
}

/** An approved edition, frozen: what was approved, with no control to change it. */
function frozenEdition() {
  return el('section', { id: 'edition', 'aria-labelledby': 'edition-heading' },
    el('h2', { id: 'edition-heading' }, `Edition: ${saved.title}`),
    stateLine(),
    el('dl', { class: 'facts' },
      el('dt', {}, 'Date'), el('dd', {}, saved.date),
      el('dt', {}, 'Sections'), el('dd', {}, saved.sections.join(', ') || '—')),
    el('h3', {}, 'Lead'),
    leadView(),
    el('h3', {}, "Editor's note"),
    el('p', { class: 'note' }, lead.editorsNote || '—'),
    el('h3', { id: 'briefs-heading' }, 'Briefs'),
    el('ol', { id: 'briefs', class: 'briefs frozen', 'aria-labelledby': 'briefs-heading' }));
}

function stateLine() {
  if (saved.status !== 'APPROVED') {
    return el('p', { id: 'state' }, `Draft, version ${saved.version}, last changed by ${saved.updatedBy} `,
      el('time', { datetime: saved.updatedAt }, when(saved.updatedAt)), '.');
  }
  return el('p', { id: 'state', class: 'approved' },
    el('strong', {}, 'Approved'), ` by ${saved.approvedBy} `, el('time', { datetime: saved.approvedAt }, when(saved.approvedAt)),
    saved.publishAt ? [', publishes ', el('time', { datetime: saved.publishAt }, when(saved.publishAt))] : null,
    '. An approved edition no longer changes.');
}

function today() {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60000).toISOString().slice(0, 10);
}

// ---- finding stories -------------------------------------------------------------------------------------------

function storySearch() {
  const results = el('ul', { class: 'results', id: 'results', 'aria-labelledby': 'find-heading' });
  const query = el('input', { type: 'search', id: 'find' });
  async function find(event) {
    event.preventDefault();
    const q = query.value.trim();
    const path = `/api/stories?status=${SEARCHABLE}&limit=20${q ? `&q=${encodeURIComponent(q)}` : ''}`;
    const answer = await attempt(() => api(path));
    if (!answer) {
      return;
    }
    results.replaceChildren(...answer.data.map((story) => el('li', {},
      el('span', { class: 'title' }, story.headline),
      el('span', { class: 'hint' }, `${story.outlet ?? ''} · ${story.status}`),
      el('button', { type: 'button', 'aria-label': `Use as lead: ${story.headline}`,
        onclick: () => useAsLead(story) }, 'Use as lead'),
      el('button', { type: 'button', 'aria-label': `Add as brief: ${story.headline}`,
        onclick: () => addBrief(story) }, 'Add as brief'))));
    say(answer.data.length ? `${answer.data.length} stories found.` : 'No approved or published story matches.');
  }
  return el('section', { 'aria-labelledby': 'find-heading' },
    el('h2', { id: 'find-heading' }, 'Find stories'),
    el('form', { class: 'toolbar', role: 'search', onsubmit: (event) => find(event) },
      el('div', { class: 'field' }, el('label', { for: 'find' }, 'Search approved and published stories'), query),
      el('button', { type: 'submit' }, 'Search')),
    results);
}

// ---- preview and approval --------------------------------------------------------------------------------------

function previews() {
  const frame = el('iframe', { sandbox: '', class: 'preview', title: 'Preview', hidden: true });
  const show = (kind, title) => () => {
    frame.title = title;
    frame.hidden = false;
    frame.src = `/api/editions/${encodeURIComponent(saved.id)}/preview/${kind}`;
    say(`${title} shown below.`);
  };
  return el('section', { 'aria-labelledby': 'preview-heading' },
    el('h2', { id: 'preview-heading' }, 'Preview'),
    el('p', { class: 'hint' }, 'As publish and notify render it, from the saved edition.'),
    el('div', { class: 'toolbar' },
      el('button', { type: 'button', onclick: show('page', 'Preview of the edition page') }, 'Preview the edition page'),
      el('button', { type: 'button', onclick: show('newsletter', 'Preview of the newsletter') }, 'Preview the newsletter')),
    frame);
}

function approval() {
  const publishAt = el('input', { type: 'datetime-local' });
  async function approve(event) {
    event.preventDefault();
    const at = instant(publishAt.value);
    try {
      accept(await api(`/api/editions/${saved.id}/approve`, { method: 'POST', body: at ? { publishAt: at } : {}, etag }));
      render();
      say(`Edition approved${saved.publishAt ? `; it publishes ${when(saved.publishAt)}` : ''}.`);
    } catch (error) {
      if (error instanceof Problem && error.status === 409 && error.problem.heldStories) {
        held(error);
        return;
      }
      await refused(error);
    }
  }
  return el('section', { 'aria-labelledby': 'approve-heading' },
    el('h2', { id: 'approve-heading' }, 'Approve'),
    el('form', { class: 'toolbar', onsubmit: approve },
      field('publish-at', 'Publish at', publishAt, 'optional; now when empty'),
      el('button', { type: 'submit', class: 'primary' }, 'Approve the edition')));
}

/** A 409 for embargoed or scheduled stories: which, until when, and the earliest time the edition may go out. */
function held(error) {
  const problem = error.problem;
  fail(error);
  document.getElementById('status').append(
    el('ul', {}, problem.heldStories.map((story) => el('li', {},
      `“${story.headline}” is ${story.hold} `, el('time', { datetime: story.holdUntil }, when(story.holdUntil))))),
    problem.earliestPublishAt
      ? el('p', {}, 'Earliest publish time: ',
        el('time', { datetime: problem.earliestPublishAt }, when(problem.earliestPublishAt)))
      : null);
}

// ---- the page --------------------------------------------------------------------------------------------------

function render() {
  const frozen = saved?.status === 'APPROVED';
  // Without an edition to open, the page starts with the recent ones; with one, with that edition.
  composer.replaceChildren(...[
    saved ? null : recentEditions(),
    frozen ? frozenEdition() : editionForm(),
    frozen ? null : storySearch(),
    saved ? previews() : null,
    saved && !frozen && chief ? approval() : null,
    saved ? recentEditions() : null,
  ].filter(Boolean));
  renderBriefs();
}

async function open(id) {
  accept(await api(`/api/editions/${encodeURIComponent(id)}`));
  render();
}

attempt(async () => {
  await navigation('/desk/edition.html');
  chief = await isChief();
  const id = param('id');
  if (id) {
    await open(id);
  } else {
    render();
  }
});
