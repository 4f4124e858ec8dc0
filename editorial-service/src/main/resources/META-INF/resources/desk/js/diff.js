// A word diff: what changed from one text to another, word by word (longest common subsequence), as elements.
import { el } from './ui.js';

const words = (text) => (text ?? '').split(/(\s+)/).filter((part) => part !== '');

/** The pieces of `to`, each kept, added or (from `from`) removed, in reading order. */
export function wordDiff(from, to) {
  const a = words(from);
  const b = words(to);
  const lengths = Array.from({ length: a.length + 1 }, () => new Uint16Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lengths[i][j] = a[i] === b[j] ? lengths[i + 1][j + 1] + 1 : Math.max(lengths[i + 1][j], lengths[i][j + 1]);
    }
  }
  const pieces = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      pieces.push(['same', a[i++]]);
      j++;
    } else if (j < b.length && (i === a.length || lengths[i][j + 1] > lengths[i + 1][j])) {
      pieces.push(['added', b[j++]]);
    } else {
      pieces.push(['removed', a[i++]]);
    }
  }
  return pieces;
}

/** The diff as text with <ins>/<del> marks. */
export function diffElement(from, to) {
  let previous = 'same';
  return el('span', {}, wordDiff(from, to).flatMap(([kind, text]) => {
    // A word replaced by another reads "old new", not "oldnew".
    const gap = previous === 'removed' && kind === 'added' ? ' ' : '';
    previous = kind;
    if (kind === 'same') {
      return text;
    }
    return kind === 'added' ? [gap, el('ins', { class: 'diff' }, text)] : el('del', { class: 'diff' }, text);
  }));
}
