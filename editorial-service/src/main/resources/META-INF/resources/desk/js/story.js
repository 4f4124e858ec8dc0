// One story: the edited copy beside the source copy (word diff), the edit form (a concurrent change shows both
// versions, never overwrites), the workflow the editor's role allows, its cluster, a held source update, readers'
// grades and the history. Every action is a call of editorial's API with the ETag last read.
import { api, isChief, Problem } from './api.js';
import { diffElement } from './diff.js';
import { attempt, el, fail, instant, navigation, param, say, when } from './ui.js';

const id = param('id');
const main = document.getElementById('main');
const EDITABLE = ['NEW', 'IN_REVIEW', 'REJECTED'];
const FIELDS = [
  ['headline', 'Headline', 'input'],
  ['summary', 'Summary', 'textarea', '1 to 3 paragraphs, separated by a blank line'],
  ['byline', 'Byline', 'input'],
  ['editorsNote', "Editor's note", 'textarea'],
  ['sections', 'Sections', 'input', 'comma-separated'],
  ['dateline', 'Dateline', 'input'],
  ['authorBio', 'Author bio', 'textarea'],
  ['outlet', 'Outlet', 'input'],
  ['outletUrl', 'Outlet link', 'input'],
  ['imageCaption', 'Photo caption', 'input'],
  ['imageCredit', 'Photo credit', 'input'],
  ['rights', 'Rights line', 'input'],
  ['assignee', 'Assignee', 'input'],
];
/** What the source and the editors each have a copy of, side by side. */
const COPY = [['headline', 'Headline'], ['summary', 'Summary'], ['byline', 'Byline'], ['outlet', 'Outlet'],
  ['imageCaption', 'Photo caption'], ['imageCredit', 'Photo credit'], ['rights', 'Rights line']];
let story;
let etag;
let chief = false;

const value = (s, name) => (name === 'sections' ? (s.sections || []).join(', ') : s[name] ?? '');

function fromForm(form) {
  const patch = {};
  for (const [name] of FIELDS) {
    const text = form.elements[name].value.trim();
    const typed = name === 'sections' ? text.split(',').map((s) => s.trim()).filter(Boolean) : text || null;
    if (JSON.stringify(typed ?? '') !== JSON.stringify(name === 'sections' ? story.sections || [] : story[name] || '')) {
      patch[name] = typed;
    }
  }
  return patch;
}

async function load() {
  const answer = await attempt(() => api(`/api/stories/${id}`));
  if (!answer) {
    return false;
  }
  story = answer.data;
  etag = answer.etag;
  render();
  return true;
}

async function act(description, call) {
  const answer = await attempt(call);
  if (answer) {
    await load();
    say(description);
  }
}

function section(title, ...content) {
  const heading = title.toLowerCase().replace(/[^a-z]+/g, '-');
  return el('section', { 'aria-labelledby': heading }, el('h2', { id: heading }, title), ...content);
}

function render() {
  document.title = `${story.headline} — the desk`;
  document.getElementById('headline').textContent = story.headline;
  const status = document.getElementById('status');
  main.replaceChildren(...[main.querySelector('h1'), status,
    el('p', { class: 'meta' }, el('span', { class: 'badge' }, story.status),
      [story.source, story.outlet, story.embargoedUntil ? `embargoed until ${when(story.embargoedUntil)}` : null,
        story.publishAt ? `scheduled for ${when(story.publishAt)}` : null].filter(Boolean).join(' · '),
      story.publicationUrl ? [' · ', el('a', { href: story.publicationUrl }, 'published page')] : null),
    copies(),
    EDITABLE.includes(story.status) ? editor() : null,
    workflow(),
    story.pendingSourceUpdate ? sourceUpdate() : null,
    story.clusterId ? cluster() : null,
    readers(),
    history()].filter(Boolean));
}

function copies() {
  const source = story.sourceCopy || {};
  const row = (name, text) => [el('dt', {}, text), el('dd', {}, diffElement(source[name], story[name]))];
  return section('Copy', el('div', { class: 'side-by-side' },
    el('div', { class: 'copy' }, el('h3', {}, 'Edited copy (changes from the source marked)'),
      el('dl', {}, COPY.flatMap(([name, text]) => row(name, text)))),
    el('div', { class: 'copy' }, el('h3', {}, 'Source copy'),
      el('dl', {}, COPY.flatMap(([name, text]) => [el('dt', {}, text), el('dd', {}, source[name] ?? '')])),
      source.url ? el('p', {}, el('a', { href: source.url }, 'The original')) : null)));
}

function editor() {
  const form = el('form', { id: 'edit', onsubmit: (event) => { event.preventDefault(); save(form); } },
    FIELDS.map(([name, text, kind, hint]) => el('div', { class: 'field' },
      el('label', { for: `f-${name}` }, text, hint ? el('span', { class: 'hint' }, ` (${hint})`) : null),
      kind === 'textarea'
        ? el('textarea', { id: `f-${name}`, name, text: value(story, name) })
        : el('input', { id: `f-${name}`, name, value: value(story, name) }))),
    el('button', { type: 'submit', class: 'primary' }, 'Save changes'));
  return section('Edit', form);
}

async function save(form, over = etag) {
  const patch = fromForm(form);
  if (!Object.keys(patch).length) {
    say('Nothing to save: the copy is as it was');
    return;
  }
  try {
    const answer = await api(`/api/stories/${id}`,
      { method: 'PATCH', body: patch, etag: over, contentType: 'application/merge-patch+json' });
    story = answer.data;
    etag = answer.etag;
    render();
    say('Saved');
  } catch (error) {
    if (error instanceof Problem && error.status === 412) {
      await conflict(form, patch);
    } else {
      fail(error);
    }
  }
}

/** Someone saved the story since it was read: show both versions; the editor chooses, nothing is lost. */
async function conflict(form, patch) {
  const answer = await attempt(() => api(`/api/stories/${id}`));
  if (!answer) {
    return;
  }
  const theirs = answer.data;
  const box = el('section', { class: 'conflict', 'aria-labelledby': 'conflict' },
    el('h2', { id: 'conflict' }, 'Someone changed this story'),
    el('p', {}, `${theirs.updatedBy ?? 'Someone'} saved it at ${when(theirs.updatedAt)}, after you opened it. `
      + 'Your changes are not saved. Compare the versions and choose.'),
    el('table', {},
      el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Field'), el('th', { scope: 'col' }, 'Your version'),
        el('th', { scope: 'col' }, 'Their version (now saved)'))),
      el('tbody', {}, Object.keys(patch).map((name) => el('tr', {},
        el('th', { scope: 'row' }, name),
        el('td', {}, Array.isArray(patch[name]) ? patch[name].join(', ') : patch[name] ?? ''),
        el('td', {}, diffElement(value(story, name), value(theirs, name))))))),
    el('div', { class: 'toolbar' },
      el('button', { type: 'button', class: 'primary', onclick: async () => {
        story = theirs;
        box.remove();
        await save(form, answer.etag);
      } }, 'Save my version over theirs'),
      el('button', { type: 'button', onclick: () => {
        story = theirs;
        etag = answer.etag;
        render();
        say('Their version is shown; your changes were dropped');
      } }, 'Keep their version')));
  form.before(box);
  say('Not saved: someone changed this story since you opened it. Compare the versions below.');
  box.querySelector('h2').setAttribute('tabindex', '-1');
  box.querySelector('h2').focus();
}

function reasonForm(label, button, action, { withSummary = false, danger = false } = {}) {
  const key = label.toLowerCase().replace(/[^a-z]+/g, '-');
  const form = el('form', { class: 'toolbar', onsubmit: (event) => { event.preventDefault(); action(form); } },
    el('div', { class: 'field' }, el('label', { for: key }, label), el('textarea', { id: key, name: 'reason', required: true })),
    withSummary ? el('div', { class: 'field' }, el('label', { for: `${key}-summary` }, 'Corrected summary'),
      el('textarea', { id: `${key}-summary`, name: 'summary', text: story.summary ?? '' })) : null,
    el('button', { type: 'submit', class: danger ? 'danger' : undefined }, button));
  return form;
}

function workflow() {
  const allowed = story.allowedTransitions || [];
  const post = (path, body) => api(`/api/stories/${id}/${path}`, { method: 'POST', body, etag });
  const parts = [];
  if (allowed.includes('IN_REVIEW')) {
    parts.push(el('button', { type: 'button', onclick: () => act('Submitted for review', () => post('submit')) },
      'Submit for review'));
  }
  if (chief && allowed.includes('APPROVED')) {
    const form = el('form', { class: 'toolbar', onsubmit: (event) => {
      event.preventDefault();
      const publishAt = instant(form.elements.publishAt.value);
      act(publishAt ? `Approved, scheduled for ${when(publishAt)}` : 'Approved',
        () => post('approve', publishAt ? { publishAt } : undefined));
    } },
    el('div', { class: 'field' }, el('label', { for: 'publishAt' }, 'Publish at',
      el('span', { class: 'hint' }, story.embargoedUntil
        ? ` (optional; embargoed until ${when(story.embargoedUntil)}: not before it)` : ' (optional; now if empty)')),
      el('input', { id: 'publishAt', name: 'publishAt', type: 'datetime-local' })),
    el('button', { type: 'submit', class: 'primary' }, 'Approve'));
    parts.push(form);
  }
  if (chief && allowed.includes('REJECTED')) {
    parts.push(reasonForm('Reason for rejecting', 'Reject', (form) => act('Rejected',
      () => post('reject', { reason: form.elements.reason.value }))));
  }
  if (chief && allowed.includes('CORRECTED')) {
    parts.push(reasonForm('Correction note', 'Publish the correction', (form) => act('Corrected',
      () => post('correct', { note: form.elements.reason.value, summary: form.elements.summary.value })),
    { withSummary: true }));
  }
  if (chief && allowed.includes('KILLED')) {
    parts.push(reasonForm('Reason for killing', 'Kill', (form) => act('Killed',
      () => post('kill', { reason: form.elements.reason.value })), { danger: true }));
  }
  if (!parts.length) {
    parts.push(el('p', {}, chief ? 'Nothing to do here in this status.'
      : 'A chief editor approves, rejects, corrects or kills this story.'));
  }
  return section('Workflow', ...parts);
}

function sourceUpdate() {
  const update = story.pendingSourceUpdate;
  const call = (method, description) => act(description,
    () => api(`/api/stories/${id}/source-update`, { method, etag }));
  return section('Source update waiting',
    el('p', {}, `The source sent version ${update.sourceVersion} at ${when(update.receivedAt)}.`),
    el('dl', {}, Object.entries(update.changes).flatMap(([name, change]) =>
      [el('dt', {}, name), el('dd', {}, diffElement(String(change.from ?? ''), String(change.to ?? '')))])),
    el('div', { class: 'toolbar' },
      el('button', { type: 'button', onclick: () => call('POST', 'Source update applied') }, 'Apply the update'),
      el('button', { type: 'button', onclick: () => call('DELETE', 'Source update discarded') }, 'Discard it')));
}

function cluster() {
  return section('Cluster',
    story.primary ? el('p', {}, 'This story leads its cluster.')
      : el('button', { type: 'button', onclick: () => act('This story now leads its cluster',
        () => api(`/api/stories/${id}/primary`, { method: 'POST', etag })) }, 'Make this the primary'),
    (story.alternates || []).length
      ? el('ul', {}, story.alternates.map((a) => el('li', {},
        el('a', { href: `/desk/story.html?id=${a.id}` }, a.headline),
        ` — ${a.source} (${a.status})${a.primary ? ', primary' : ''}`)))
      : el('p', {}, 'No other story in its cluster.'));
}

function readers() {
  const grades = story.grades || { count: 0 };
  return section('Readers',
    el('p', {}, grades.count
      ? `${grades.count} ${grades.count === 1 ? 'grade' : 'grades'}, average ${grades.average.toFixed(1)} of 5`
      : 'No grades yet.'),
    el('p', {}, el('a', { href: '/desk/letters.html' }, 'Letters from readers')));
}

function history() {
  return section('History', el('ol', { class: 'history' }, (story.history || []).map((entry) => el('li', {},
    el('strong', {}, entry.action), ` by ${entry.actor}, ${when(entry.at)}`,
    entry.fromStatus !== entry.toStatus ? ` (${entry.fromStatus ? `${entry.fromStatus} → ` : ''}${entry.toStatus})` : '',
    entry.reason ? ` — “${entry.reason}”` : '',
    Object.keys(entry.changes || {}).length
      ? el('ul', {}, Object.entries(entry.changes).map(([name, change]) => el('li', {}, `${name}: `,
        diffElement(String(change?.from ?? ''), String(change?.to ?? '')))))
      : null))));
}

async function start() {
  await navigation(null);
  chief = await isChief();
  if (!id) {
    fail(new Error('no story named: open one from the queue'));
    return;
  }
  await load();
}

start();
