// The letters inbox: readers' letters to the editor, newest first, a page at a time ("Older letters" follows the
// API's X-Next-Cursor). Each letter says who wrote, how to answer, when, what it is about, and its text as written.
import { api } from './api.js';
import { attempt, el, navigation, say, when } from './ui.js';

const PAGE = 50;
const list = document.getElementById('letters');
const older = document.getElementById('older');
let next = null;

function about(letter) {
  if (letter.story) {
    return el('p', { class: 'about' }, 'About ',
      el('a', { href: `/desk/story.html?id=${encodeURIComponent(letter.story.id)}` }, letter.story.headline),
      letter.story.publicationUrl ? [' (', el('a', { href: letter.story.publicationUrl }, 'as published'), ')'] : null);
  }
  if (letter.publicationId) {
    return el('p', { class: 'about' }, `About publication ${letter.publicationId}`);
  }
  return el('p', { class: 'about hint' }, 'Not about a particular story');
}

function letterItem(letter) {
  return el('li', { tabindex: '-1', 'data-letter': letter.id },
    el('h2', {}, `From ${letter.name}`),
    el('p', { class: 'meta' },
      el('a', { href: `mailto:${letter.email}` }, letter.email), ' · ',
      el('time', { datetime: letter.receivedAt }, when(letter.receivedAt))),
    about(letter),
    el('blockquote', {}, letter.text));
}

async function load() {
  const path = next ? `/api/letters?limit=${PAGE}&after=${encodeURIComponent(next)}` : `/api/letters?limit=${PAGE}`;
  const answer = await api(path);
  const first = !next;
  next = answer.next;
  const items = answer.data.map(letterItem);
  list.append(...items);
  older.hidden = !next;
  if (first && items.length === 0) {
    say('No letters yet.');
  } else if (!first) {
    say(`${items.length} older letters shown.`);
    items[0]?.focus();
  }
}

older.addEventListener('click', () => attempt(load));

attempt(async () => {
  await navigation('/desk/letters.html');
  await load();
});
