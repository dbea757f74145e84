import type { Place, PlaceKind } from '@carezone/contract';
import type { DirectoryModel } from './directory-model.js';
import { normalizeText } from './normalize.js';

interface Entry {
  kind: PlaceKind;
  label: string;
  postcode: string | null;
  nis: string;
}

const KIND_ORDER: Record<PlaceKind, number> = {
  postcode: 0,
  municipality: 1,
  'former-municipality': 2,
  locality: 3,
};

/** Lower is better: exact code, exact name, prefix of the whole name, prefix of a later word. */
const RANK_EXACT_CODE = 0;
const RANK_EXACT_NAME = 1;
const RANK_PREFIX = 2;
const RANK_WORD = 3;
/** A NIS code is typed whole; its prefixes ("1") would only push real names down. */
const RANK_CODE_PREFIX = 4;

interface Key {
  text: string;
  entry: number;
  whole: boolean;
  code: boolean;
  nis?: boolean;
}

function buildEntries(model: DirectoryModel): Entry[] {
  const entries: Entry[] = [];
  const municipalityNames = new Map<string, Set<string>>();
  for (const [nis, municipality] of model.municipalities) {
    const names = new Set<string>();
    for (const name of [municipality.ref.name.nl, municipality.ref.name.fr, municipality.ref.name.de]) {
      const key = name ? normalizeText(name) : '';
      if (!name || key === '' || names.has(key)) continue;
      names.add(key);
      entries.push({ kind: 'municipality', label: name, postcode: null, nis });
    }
    municipalityNames.set(nis, names);
    for (const postcode of municipality.postcodes)
      entries.push({ kind: 'postcode', label: postcode, postcode, nis });
  }
  const localities = new Map<string, Entry>();
  for (const row of model.localities) {
    const key = normalizeText(row.name);
    const postcodes = model.municipalities.get(row.nis)?.postcodes;
    // A municipality's own name under its only postcode would just repeat the municipality.
    const single = postcodes?.size === 1 && (row.postcode === null || postcodes.has(row.postcode));
    if (key === '' || (single && municipalityNames.get(row.nis)?.has(key))) continue;
    const id = [key, row.nis, row.postcode].join('\t');
    const known = localities.get(id);
    if (known && KIND_ORDER[known.kind] <= KIND_ORDER[row.kind]) continue;
    localities.set(id, { kind: row.kind, label: row.name, postcode: row.postcode, nis: row.nis });
  }
  entries.push(...localities.values());
  return entries;
}

function compareEntries(a: Entry, b: Entry): number {
  const left = normalizeText(a.label);
  const right = normalizeText(b.label);
  return (
    left.length - right.length ||
    (left < right ? -1 : left > right ? 1 : 0) ||
    KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
    (a.postcode ?? '').localeCompare(b.postcode ?? '') ||
    a.nis.localeCompare(b.nis)
  );
}

/**
 * Autocomplete over every place name and code. All keys (whole names, codes, and the name from
 * each later word on) are sorted once, so a query is a binary search plus a walk over the keys
 * that start with it, keeping only the best `limit` places.
 */
export class PlaceSearchIndex {
  readonly #places: Place[];
  readonly #keys: string[];
  readonly #keyEntry: Int32Array;
  /** Per key: its rank when the query equals it, then when the query is a proper prefix. */
  readonly #exactRank: Uint8Array;
  readonly #prefixRank: Uint8Array;

  constructor(model: DirectoryModel) {
    const entries = buildEntries(model).sort(compareEntries);
    this.#places = entries.map((entry) => {
      const municipality = model.municipalities.get(entry.nis);
      if (!municipality) throw new Error(`place ${entry.label} names unknown municipality ${entry.nis}`);
      return {
        kind: entry.kind,
        label: entry.label,
        postcode: entry.postcode,
        municipality: municipality.ref,
      };
    });
    const keys: Key[] = [];
    entries.forEach((entry, index) => {
      if (entry.kind === 'postcode') {
        keys.push({ text: entry.label, entry: index, whole: true, code: true });
        return;
      }
      const words = normalizeText(entry.label).split(' ');
      words.forEach((_, at) => {
        keys.push({ text: words.slice(at).join(' '), entry: index, whole: at === 0, code: false });
      });
    });
    // A NIS code finds the municipality under its first name.
    const seenNis = new Set<string>();
    entries.forEach((entry, index) => {
      if (entry.kind !== 'municipality' || seenNis.has(entry.nis)) return;
      seenNis.add(entry.nis);
      keys.push({ text: entry.nis, entry: index, whole: true, code: true, nis: true });
    });
    keys.sort((a, b) => (a.text < b.text ? -1 : a.text > b.text ? 1 : a.entry - b.entry));
    this.#keys = keys.map((key) => key.text);
    this.#keyEntry = Int32Array.from(keys, (key) => key.entry);
    this.#exactRank = Uint8Array.from(keys, (key) =>
      key.code ? RANK_EXACT_CODE : key.whole ? RANK_EXACT_NAME : RANK_WORD,
    );
    this.#prefixRank = Uint8Array.from(keys, (key) =>
      key.nis ? RANK_CODE_PREFIX : key.whole ? RANK_PREFIX : RANK_WORD,
    );
  }

  search(query: string, limit: number): Place[] {
    const needle = normalizeText(query);
    if (needle === '' || limit < 1) return [];
    const keys = this.#keys;
    let low = 0;
    let high = keys.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((keys[middle] ?? '') < needle) low = middle + 1;
      else high = middle;
    }
    const size = this.#places.length;
    // The best `limit` distinct places so far, ordered by score (rank, then entry order).
    const best: { entry: number; score: number }[] = [];
    for (let at = low; at < keys.length; at++) {
      const key = keys[at] ?? '';
      if (!key.startsWith(needle)) break;
      const entry = this.#keyEntry[at] ?? 0;
      const rank = key.length === needle.length ? this.#exactRank[at] : this.#prefixRank[at];
      const score = (rank ?? RANK_CODE_PREFIX) * size + entry;
      const known = best.findIndex((item) => item.entry === entry);
      if (known !== -1) {
        if ((best[known]?.score ?? 0) <= score) continue;
        best.splice(known, 1);
      } else if (best.length >= limit && score >= (best[best.length - 1]?.score ?? 0)) {
        continue;
      }
      let position = best.length;
      while (position > 0 && (best[position - 1]?.score ?? 0) > score) position--;
      best.splice(position, 0, { entry, score });
      if (best.length > limit) best.pop();
    }
    return best.map((item) => this.#places[item.entry] as Place);
  }
}
