const LIGATURES: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd' };

/**
 * The search key of a text: lower case, accents and punctuation gone, words separated by one
 * space. `Sint-Jans-Molenbeek`, `sint jans molenbeek` and `SINT JANS-MOLENBEEK` share one key.
 */
export function normalizeText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[ßæœøłđ]/g, (char) => LIGATURES[char] ?? char)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * Stands for every way of writing "saint" in a search key. `normalizeText` never leaves it, so
 * the key of `Saint-Gilles` in this form cannot be taken for a name that starts with `st`.
 */
export const SAINT = '~';

/** A query already in the form of a key: lower-case letters and digits only. */
const PLAIN = /^[a-z0-9]+$/;

/** "Saint" in Dutch, French and German, in full and abbreviated (`St.` loses its dot first). */
const SAINT_WORDS: ReadonlySet<string> = new Set(['sint', 'saint', 'sainte', 'sankt', 'st', 'ste']);

/** Word runs written in full in some names and abbreviated by people, and their abbreviation. */
const ABBREVIATIONS: readonly (readonly [words: readonly string[], short: string])[] = [
  // Onze-Lieve-Vrouw-Waver, -Lombeek, -Olen: "OLV-Waver" on signs and in speech.
  [['onze', 'lieve', 'vrouw'], 'olv'],
];

/** The words of a text with every "saint" as `SAINT` and the abbreviations above applied. */
function canonicalWords(words: readonly string[]): string[] {
  const out: string[] = [];
  for (let at = 0; at < words.length; at++) {
    const word = words[at] ?? '';
    const abbreviation = ABBREVIATIONS.find(([run]) => run.every((part, i) => words[at + i] === part));
    if (abbreviation) {
      out.push(abbreviation[1]);
      at += abbreviation[0].length - 1;
    } else {
      out.push(SAINT_WORDS.has(word) ? SAINT : word);
    }
  }
  return out;
}

/** One key of a name: the name from one of its words on, without spaces. */
export interface NameKey {
  key: string;
  /** The key starts at a later word (`molenbeek` of `Sint-Jans-Molenbeek`), not at the first. */
  tail: boolean;
}

/**
 * The keys a name is found by. Spaces, hyphens and apostrophes are left out, so `Saint Josse`,
 * `saint-josse` and `saintjosse` are one key; each key exists as written and with every "saint"
 * as one word (`Sint-Gillis` is also found as `St Gillis` or `Saint-Gillis`); and every later
 * word starts a key too (`molenbeek` finds `Sint-Jans-Molenbeek`).
 */
export function nameKeys(name: string): NameKey[] {
  const written = normalizeText(name).split(' ');
  if (written[0] === '') return [];
  const canonical = canonicalWords(written);
  const keys = new Map<string, boolean>();
  for (const words of [written, canonical]) {
    for (let at = 0; at < words.length; at++) {
      const key = words.slice(at).join('');
      const tail = at > 0;
      if (!keys.has(key) || keys.get(key) === true) keys.set(key, tail);
    }
  }
  return [...keys].map(([key, tail]) => ({ key, tail }));
}

/**
 * The forms a query is searched in: as typed, and with every "saint" as one word when that
 * differs, both without spaces. A last word that is still being typed stays as it is in the
 * first form, so `st` still finds `Stavelot` while `st ` and `st g` find the saints.
 */
export function queryKeys(query: string): string[] {
  // Most queries are one word being typed in lower case: no need to take them apart.
  if (PLAIN.test(query)) return SAINT_WORDS.has(query) ? [query, SAINT] : [query];
  const written = normalizeText(query).split(' ');
  if (written[0] === '') return [];
  const forms = [written.join('')];
  const canonical = canonicalWords(written).join('');
  if (canonical !== forms[0]) forms.push(canonical);
  return forms;
}
