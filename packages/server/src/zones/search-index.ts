import {
  LANGUAGES,
  type Language,
  type MunicipalityRef,
  type Place,
  type PlaceKind,
  type PlaceMatch,
} from '@carezone/contract';
import type { DirectoryModel } from './directory-model.js';
import { LOCALITY_NAMES, MUNICIPALITY_NAMES, nameFallback, type PlaceNames } from './exonyms.js';
import { KeyIndex } from './key-index.js';
import { nameKeys, normalizeText, queryKeys } from './normalize.js';
import type { PlaceHit } from './zone-directory.js';

/**
 * Before the name's length and the place's order: a municipality (or a postcode), then the
 * locality that carries its name under one of its postcodes, then a former municipality, then
 * any other locality. So `molenbeek` gives Sint-Jans-Molenbeek before the hamlet Molenbeek-Wersbeek.
 */
const IMPORTANCE = { municipality: 0, postcode: 0, main: 1, 'former-municipality': 2, locality: 3 } as const;

/**
 * How a name matched, best first. The first counts most in a score: an exact name always comes
 * before a prefix, and a prefix before a typing error, whatever the places.
 */
const TIER = {
  exact: 0,
  /** The query is the name from a later word on (`molenbeek`, `Sint-Jans-Molenbeek`). */
  exactTail: 1,
  prefix: 2,
  prefixTail: 3,
  /** A NIS code is typed whole; its prefixes ("1") would only push real names down. */
  codePrefix: 4,
  /** Then 5 to 12: one error before two, the whole name before a prefix, the first word before a later one. */
  fuzzy: 5,
} as const;

/** Fewest letters for one typing error allowed, and for two. */
const ONE_EDIT_FROM = 4;
const TWO_EDITS_FROM = 7;

const LENGTH_STEPS = 64;
const IMPORTANCE_STEPS = 4;
/**
 * Within a tier, a match of the query as typed comes before one found only with every "saint" as
 * one word: `sint-` lists the Sint- names before the Saint- ones.
 */
const FORM_STEPS = 2;

const FLAG_TAIL = 1;
const FLAG_NIS = 2;
/** Codes are typed whole or as a prefix, never corrected. */
const DIGIT = /\d/;

/** A tier that leaves the posting out. */
const SKIP = -1;

interface PlaceRecord {
  kind: PlaceKind;
  postcode: string | null;
  municipality: MunicipalityRef;
  importance: number;
  /** Name ids, the first being the label when a code matched and nobody said a language. */
  names: number[];
  labels: Readonly<Record<Language, string>>;
}

interface NameRecord {
  place: number;
  text: string;
  /** Length of its key: among names that match alike, the shorter comes first. */
  length: number;
  /** A postcode or NIS code rather than a name. */
  code: boolean;
}

/** A place's names by language, as far as they are known. */
type NamesByLanguage = Partial<Record<Language, string>>;

function chooseLabels(
  known: NamesByLanguage,
  fallback: readonly Language[],
  otherwise: string,
): Record<Language, string> {
  const pick = (lang: Language): string =>
    known[lang] ?? fallback.map((other) => known[other]).find((name) => name !== undefined) ?? otherwise;
  return { nl: pick('nl'), fr: pick('fr'), en: pick('en'), de: pick('de') };
}

/** The names of a table entry that label it in some language, the pack's order of languages. */
function languageNames(entry: PlaceNames | undefined): string[] {
  return entry ? [entry.nl, entry.fr, entry.de, entry.en].filter((name) => name !== undefined) : [];
}

/**
 * Autocomplete over every place: postcodes, municipalities (by NIS code too), localities and
 * former municipalities, each once, found by any of its names (the packs' and those of
 * `exonyms.ts`), with typing errors forgiven. See `search` for the order.
 *
 * Our own index rather than a library, by measurement (December 2026, reference pack, the same
 * 4,527 places with the same names, the ranking test's 131 queries and the bench's fuzzy ones, in
 * process): this index put the place meant first for 100 % of them, 65 µs a query on average,
 * p99 0.25 ms; MiniSearch 7.2 (prefix, fuzzy 1 edit from 4 letters and 2 from 7 as here, kinds
 * boosted) 86 %, 184 µs, p99 2.7 ms: its scores mix the edits with term frequency, so a hamlet's
 * exact name and a typo of a town rank by chance; Fuse.js 7.5 (threshold 0.3) 57 %, 8 ms, p99 30
 * ms. The queries were collected while this index was tuned, which favours it on ranking, not on
 * time. The tiers it needs (exact, prefix, fuzzy; one edit before two) come out of one pass here.
 */
export class PlaceSearchIndex {
  readonly #places: PlaceRecord[] = [];
  readonly #names: NameRecord[] = [];
  /** Per NIS code, the municipality's names, for its main localities. */
  readonly #municipalities = new Map<
    string,
    { names: readonly string[]; aliases: readonly string[]; labels: Readonly<Record<Language, string>> }
  >();
  /** Per place, its rank among all places by label: the last tie-break, so answers are stable. */
  readonly #order: Int32Array;
  readonly #keys: KeyIndex;
  /** Postings of key `k`: `#postingName[#postingStart[k] .. #postingStart[k + 1]]`. */
  readonly #postingStart: Int32Array;
  readonly #postingName: Int32Array;
  readonly #postingFlags: Uint8Array;
  readonly #postingPlace: Int32Array;
  /**
   * The part of a posting's score that does not depend on the query: its place's importance, its
   * name's length and its place's order. A score is `rank * #rankUnit + rest`, lower is better.
   */
  readonly #postingRest: Float64Array;
  readonly #rankUnit: number;
  // Scratch space of one search (searches are synchronous, so one set serves them all). A place's
  // or name's entry counts only when its stamp is the current search's.
  readonly #placeScore: Float64Array;
  readonly #placeStamp: Uint32Array;
  readonly #nameTier: Uint8Array;
  readonly #nameStamp: Uint32Array;
  #stamp = 0;

  constructor(model: DirectoryModel) {
    this.#addMunicipalities(model);
    this.#addLocalities(model);

    const placeCount = this.#places.length;
    const sorted = this.#places
      .map((place, id) => ({ id, key: normalizeText(this.#names[place.names[0] ?? 0]?.text ?? '') }))
      .sort((a, b) => {
        const left = this.#places[a.id] as PlaceRecord;
        const right = this.#places[b.id] as PlaceRecord;
        return (
          (a.key < b.key ? -1 : a.key > b.key ? 1 : 0) ||
          (left.postcode ?? '').localeCompare(right.postcode ?? '') ||
          left.municipality.nis.localeCompare(right.municipality.nis)
        );
      });
    this.#order = new Int32Array(placeCount);
    sorted.forEach((item, rank) => {
      this.#order[item.id] = rank;
    });

    const postings = new Map<string, { name: number; flags: number }[]>();
    const post = (key: string, name: number, flags: number) => {
      const list = postings.get(key);
      if (list) list.push({ name, flags });
      else postings.set(key, [{ name, flags }]);
    };
    this.#names.forEach((name, id) => {
      if (name.code) {
        post(name.text, id, this.#places[name.place]?.kind === 'postcode' ? 0 : FLAG_NIS);
        return;
      }
      for (const { key, tail } of nameKeys(name.text)) post(key, id, tail ? FLAG_TAIL : 0);
    });
    const keys = [...postings.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    this.#keys = new KeyIndex(keys);
    this.#postingStart = new Int32Array(keys.length + 1);
    const total = keys.reduce((sum, key) => sum + (postings.get(key)?.length ?? 0), 0);
    this.#postingName = new Int32Array(total);
    this.#postingFlags = new Uint8Array(total);
    this.#postingPlace = new Int32Array(total);
    this.#postingRest = new Float64Array(total);
    this.#rankUnit = IMPORTANCE_STEPS * LENGTH_STEPS * placeCount;
    let at = 0;
    keys.forEach((key, index) => {
      this.#postingStart[index] = at;
      for (const { name, flags } of postings.get(key) ?? []) {
        const record = this.#names[name] as NameRecord;
        const place = this.#places[record.place] as PlaceRecord;
        this.#postingName[at] = name;
        this.#postingFlags[at] = flags;
        this.#postingPlace[at] = record.place;
        this.#postingRest[at] =
          (place.importance * LENGTH_STEPS + Math.min(record.length, LENGTH_STEPS - 1)) * placeCount +
          (this.#order[record.place] ?? 0);
        at++;
      }
    });
    this.#postingStart[keys.length] = at;

    this.#placeScore = new Float64Array(placeCount);
    this.#placeStamp = new Uint32Array(placeCount);
    this.#nameTier = new Uint8Array(this.#names.length);
    this.#nameStamp = new Uint32Array(this.#names.length);
  }

  /**
   * `codes` find the place only typed whole or as a prefix; `aliases` are found like `names` but
   * never rank the place above what its first name would, nor label it.
   */
  #addPlace(
    place: Omit<PlaceRecord, 'names'>,
    names: readonly string[],
    { codes = [], aliases = [] }: { codes?: readonly string[]; aliases?: readonly string[] | undefined },
  ): void {
    const id = this.#places.length;
    const ids: number[] = [];
    const lengthOf = (text: string) => normalizeText(text).replaceAll(' ', '').length;
    const add = (text: string, length: number, code: boolean) => {
      ids.push(this.#names.length);
      this.#names.push({ place: id, text, length, code });
    };
    for (const text of new Set(names)) add(text, lengthOf(text), false);
    const first = lengthOf(names[0] ?? '');
    for (const text of new Set(aliases)) {
      if (!names.includes(text)) add(text, Math.max(first, lengthOf(text)), false);
    }
    for (const text of codes) add(text, text.length, true);
    this.#places.push({ ...place, names: ids });
  }

  #addMunicipalities(model: DirectoryModel): void {
    const table = new Map(MUNICIPALITY_NAMES.map((entry) => [entry.nis, entry]));
    for (const [nis, { ref, postcodes }] of model.municipalities) {
      const entry = table.get(nis);
      const known: NamesByLanguage = {};
      for (const lang of LANGUAGES) {
        const name = ref.name[lang] || entry?.[lang];
        if (name) known[lang] = name;
      }
      const names = [ref.name.nl, ref.name.fr, ref.name.de, ref.name.en, ...languageNames(entry)].filter(
        (name): name is string => !!name,
      );
      const labels = chooseLabels(known, nameFallback(ref.region, nis), names[0] ?? nis);
      this.#municipalities.set(nis, { names, aliases: entry?.also ?? [], labels });
      this.#addPlace(
        { kind: 'municipality', postcode: null, municipality: ref, importance: 0, labels },
        names,
        {
          codes: [nis],
          aliases: entry?.also,
        },
      );
      for (const postcode of postcodes) {
        const labels = { nl: postcode, fr: postcode, en: postcode, de: postcode };
        this.#addPlace(
          { kind: 'postcode', postcode, municipality: ref, importance: IMPORTANCE.postcode, labels },
          [],
          { codes: [postcode] },
        );
      }
    }
  }

  /**
   * Localities and former municipalities, one place per name under one postcode, except that the
   * names of one place in several languages (`Laeken`/`Laken`) make one place. A locality with its
   * municipality's name is that municipality's main locality under that postcode, and has all its
   * names; under the municipality's only postcode, it is the municipality itself, and left out.
   */
  #addLocalities(model: DirectoryModel): void {
    const tableByName = new Map<string, PlaceNames>();
    for (const entry of LOCALITY_NAMES) {
      for (const name of [...languageNames(entry), ...(entry.also ?? [])])
        tableByName.set(`${entry.nis}\t${normalizeText(name)}`, entry);
    }
    const municipalityKeys = new Map<string, Set<string>>();
    for (const [nis, { names, aliases }] of this.#municipalities)
      municipalityKeys.set(nis, new Set([...names, ...aliases].map(normalizeText)));

    interface Group {
      rows: { name: string; kind: PlaceKind }[];
      nis: string;
      postcode: string | null;
      main: boolean;
      entry: PlaceNames | undefined;
    }
    const groups = new Map<string, Group>();
    for (const row of model.localities) {
      const key = normalizeText(row.name);
      const municipality = model.municipalities.get(row.nis);
      if (key === '' || !municipality) continue;
      const main = municipalityKeys.get(row.nis)?.has(key) === true;
      // The municipality itself, unless it has several postcodes and this is one of them.
      if (main && (row.postcode === null || municipality.postcodes.size <= 1)) continue;
      const entry = main ? undefined : tableByName.get(`${row.nis}\t${key}`);
      const name = main ? '' : entry ? `#${LOCALITY_NAMES.indexOf(entry)}` : key;
      const id = `${row.nis}\t${row.postcode ?? ''}\t${name}`;
      const group = groups.get(id) ?? { rows: [], nis: row.nis, postcode: row.postcode, main, entry };
      group.rows.push({ name: row.name, kind: row.kind });
      groups.set(id, group);
    }

    for (const group of groups.values()) {
      const ref = model.municipalities.get(group.nis)?.ref;
      const municipality = this.#municipalities.get(group.nis);
      if (!ref || !municipality) continue;
      const kind: PlaceKind = group.rows.some((row) => row.kind === 'former-municipality')
        ? 'former-municipality'
        : 'locality';
      const rowNames = group.rows.map((row) => row.name);
      const place = { kind, postcode: group.postcode, municipality: ref };
      if (group.main) {
        this.#addPlace(
          { ...place, importance: IMPORTANCE.main, labels: municipality.labels },
          [...municipality.names, ...rowNames],
          { aliases: municipality.aliases },
        );
        continue;
      }
      // The pack's spelling of a name wins over the table's.
      const written = new Map(rowNames.map((name) => [normalizeText(name), name]));
      const inPack = (name: string) => written.get(normalizeText(name)) ?? name;
      const known: NamesByLanguage = {};
      for (const lang of LANGUAGES) {
        const name = group.entry?.[lang];
        if (name) known[lang] = inPack(name);
      }
      const labels = chooseLabels(known, nameFallback(ref.region, ref.nis), rowNames[0] ?? '');
      this.#addPlace(
        { ...place, importance: IMPORTANCE[kind], labels },
        [...rowNames, ...languageNames(group.entry).map(inPack)],
        { aliases: group.entry?.also },
      );
    }
  }

  /**
   * The best `limit` places for `query`. Order: exact names and codes, then names from a later
   * word on, then prefixes (of the name, then of a later word, then of a NIS code), then names
   * within one or two typing errors (one from 4 letters, two from 7; a swap of two letters is
   * one; the first letter must be right), looked for only when the others leave room: whole
   * names beside names that start with the query, and when none does, starts of names too (the
   * visitor may not have finished typing). Within each: municipalities and postcodes, main
   * localities, former municipalities, localities; then shorter names first. A query as typed
   * comes before the same with every "saint" as one word.
   */
  search(query: string, limit: number): PlaceHit[] {
    const forms = queryKeys(query);
    if (forms.length === 0 || limit < 1) return [];
    this.#stamp = (this.#stamp + 1) >>> 0 || 1;
    const top: number[] = [];
    const keys = this.#keys.keys;
    forms.forEach((form, penalty) => {
      for (let at = this.#keys.lowerBound(form); at < keys.length; at++) {
        const key = keys[at] ?? '';
        if (!key.startsWith(form)) break;
        if (key.length === form.length)
          this.#offerKey(at, penalty, TIER.exact, TIER.exactTail, TIER.exact, top, limit);
        else this.#offerKey(at, penalty, TIER.prefix, TIER.prefixTail, TIER.codePrefix, top, limit);
      }
    });
    if (top.length < limit && !forms.some((form) => DIGIT.test(form))) {
      // Beside names that start with the query, only whole names typed with errors, from their
      // first word: the start of a name, or a later word, with an error in it is about as likely
      // to be another name as the one the query already found.
      const wholeOnly = top.length > 0;
      forms.forEach((form, penalty) => {
        const maxEdits = form.length >= TWO_EDITS_FROM ? 2 : form.length >= ONE_EDIT_FROM ? 1 : 0;
        if (maxEdits === 0) return;
        this.#keys.fuzzy(form, maxEdits, (at, distance, whole) => {
          // Distance 0 is an exact name or a prefix, found above.
          if (distance === 0 || (wholeOnly && whole > maxEdits)) return;
          const edits = wholeOnly ? whole : distance;
          const tier = TIER.fuzzy + (edits - 1) * 4 + (whole === edits ? 0 : 2);
          if (wholeOnly) this.#offerKey(at, penalty, tier, SKIP, SKIP, top, limit);
          else this.#offerKey(at, penalty, tier, tier + 1, tier + 1, top, limit);
        });
      });
    }
    return top.map((place) => this.#hit(place));
  }

  /**
   * Offers the places of key `at`, each name at the tier for its posting: `plain`, or `tail` when
   * the key starts at a later word of it, or `nis` when it is a NIS code; none at `SKIP`.
   */
  #offerKey(
    at: number,
    penalty: number,
    plain: number,
    tail: number,
    nis: number,
    top: number[],
    limit: number,
  ): void {
    const end = this.#postingStart[at + 1] ?? 0;
    for (let posting = this.#postingStart[at] ?? 0; posting < end; posting++) {
      const flags = this.#postingFlags[posting] ?? 0;
      const tier = flags & FLAG_NIS ? nis : flags & FLAG_TAIL ? tail : plain;
      if (tier === SKIP) continue;
      const nameId = this.#postingName[posting] ?? 0;
      if (this.#nameStamp[nameId] !== this.#stamp || tier < (this.#nameTier[nameId] ?? 255)) {
        this.#nameStamp[nameId] = this.#stamp;
        this.#nameTier[nameId] = tier;
      }
      const score = (tier * FORM_STEPS + penalty) * this.#rankUnit + (this.#postingRest[posting] ?? 0);
      this.#offerPlace(this.#postingPlace[posting] ?? 0, score, top, limit);
    }
  }

  /** Keeps `top` the best `limit` places so far, best first, each once with its best score. */
  #offerPlace(place: number, score: number, top: number[], limit: number): void {
    const scores = this.#placeScore;
    let from = top.length;
    if (this.#placeStamp[place] === this.#stamp) {
      if ((scores[place] ?? 0) <= score) return;
      const known = top.indexOf(place);
      if (known !== -1) from = known;
    }
    this.#placeStamp[place] = this.#stamp;
    scores[place] = score;
    if (from === top.length && top.length >= limit) {
      if (score >= (scores[top[top.length - 1] ?? 0] ?? 0)) return;
      from = top.length - 1;
    }
    // Move the places after the new one's position down by one, over its old slot or the end.
    let position = from;
    while (position > 0 && (scores[top[position - 1] ?? 0] ?? 0) > score) {
      top[position] = top[position - 1] ?? 0;
      position--;
    }
    top[position] = place;
  }

  #hit(id: number): PlaceHit {
    const place = this.#places[id] as PlaceRecord;
    const tier = Math.floor((this.#placeScore[id] ?? 0) / this.#rankUnit / FORM_STEPS);
    let bestTier = 255;
    for (const nameId of place.names) {
      const nameTier = this.#nameTier[nameId] ?? 255;
      if (this.#nameStamp[nameId] === this.#stamp && sameMatch(nameTier, tier))
        bestTier = Math.min(bestTier, nameTier);
    }
    // The names of the best tier first, then the others that match as well to a visitor; each
    // group in the place's own order (the pack's languages first).
    const matchedNames: string[] = [];
    let label: string | undefined;
    let others = 0;
    for (const nameId of place.names) {
      const nameTier = this.#nameTier[nameId] ?? 255;
      if (this.#nameStamp[nameId] !== this.#stamp || !sameMatch(nameTier, tier)) continue;
      const name = this.#names[nameId] as NameRecord;
      if (nameTier === bestTier) {
        matchedNames.splice(matchedNames.length - others, 0, name.text);
        // A NIS code is no label: the municipality's name stands for it.
        if (!name.code || place.kind === 'postcode') label ??= name.text;
      } else {
        matchedNames.push(name.text);
        others++;
      }
    }
    label ??= this.#names[place.names[0] ?? 0]?.text ?? '';
    const hit: PlaceHit = {
      kind: place.kind,
      label,
      postcode: place.postcode,
      municipality: place.municipality,
      match: matchOf(tier),
      labels: place.labels,
      matchedNames,
    };
    if (!matchedNames.includes(label)) hit.matched = matchedNames[0];
    return hit;
  }
}

/**
 * Whether a name matched as well as the best one, as a visitor sees it: both exact, both a prefix,
 * or both as many typing errors away (`Schaerbeek` is closer to `schaerbek` than `Schaarbeek` is).
 */
function sameMatch(tier: number, best: number): boolean {
  const match = matchOf(best);
  if (matchOf(tier) !== match) return false;
  return match !== 'fuzzy' || editsOf(tier) === editsOf(best);
}

function editsOf(fuzzyTier: number): number {
  return Math.floor((fuzzyTier - TIER.fuzzy) / 4) + 1;
}

function matchOf(tier: number): PlaceMatch {
  return tier === TIER.exact ? 'exact' : tier < TIER.fuzzy ? 'prefix' : 'fuzzy';
}

/**
 * The suggestion as the API gives it: labelled in `lang` when the visitor said theirs, with the
 * name that matched beside it when that is another; otherwise labelled with the name that matched.
 */
export function placeInLanguage(hit: PlaceHit, lang: Language | undefined): Place {
  const label = lang === undefined ? hit.label : hit.labels[lang];
  const place: Place = {
    kind: hit.kind,
    label,
    postcode: hit.postcode,
    municipality: hit.municipality,
    match: hit.match,
  };
  if (!hit.matchedNames.includes(label)) place.matched = hit.matchedNames[0];
  return place;
}
