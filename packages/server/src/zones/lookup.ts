import type {
  Ambiguity,
  AmbiguityReason,
  Confidence,
  Coverage,
  FieldError,
  LookupChoice,
  LookupQueryEcho,
  Match,
  MatchedBy,
  MatchPlace,
  MunicipalityRef,
  ProblemPlace,
} from '@carezone/contract';
import type { CoverageRow, LocalityRow } from '../packs/pack-types.js';
import type { DirectoryModel, MunicipalityEntry } from './directory-model.js';
import { normalizeText } from './normalize.js';
import type { LookupOutcome, LookupRequest } from './zone-directory.js';

// The lookup follows the zone pack format's three steps (its specification is the README of the
// reference pack, `shared/zonepacks/belgium-2025/`, beside this repository, never copied into it):
// 1. the places the query names: a postcode's municipalities, or a municipality's postcodes;
// 2. per layer, each place's coverage rows: the zones of that municipality, whole or in part;
// 3. per layer, one match per zone, and how sure the answer is (certain, probable, choose, unknown).

/** A place the query names: a municipality, or its part within one postcode. */
interface QueryPlace {
  municipality: MunicipalityEntry;
  postcode: string | null;
}

interface ZoneCover {
  coverage: Coverage;
  confidence: Confidence;
}

/**
 * A part of the asked place, as finely as the coverage rows of one layer divide it, and how each
 * zone of that layer covers it. No zone: the layer covers the municipality, but not this part.
 */
interface Part {
  municipality: MunicipalityRef | null;
  postcode: string | null;
  zones: Map<string, ZoneCover>;
}

interface LayerFindings {
  parts: Part[];
  matchedBy: MatchedBy;
  border: boolean;
  /** A point's part is not a place that can be asked alone, so it offers no choice. */
  choosable: boolean;
}

type PlacesOrProblem =
  | { places: QueryPlace[] }
  | { places?: undefined; detail: string; errors: FieldError[] };

const CONFIDENCE_ORDER: Record<Confidence, number> = { documented: 0, likely: 1, ambiguous: 2 };

/** How many known names an "unknown locality" problem lists: enough to spot a typo, not a dump. */
const KNOWN_NAMES_SHOWN = 12;

/** Adds a zone to a part, or merges it: two rows of one zone for one part, the strongest says most. */
function addZone(part: Part, zoneId: string, cover: ZoneCover): void {
  const known = part.zones.get(zoneId);
  if (!known) {
    part.zones.set(zoneId, { ...cover });
    return;
  }
  if (CONFIDENCE_ORDER[cover.confidence] < CONFIDENCE_ORDER[known.confidence]) {
    known.confidence = cover.confidence;
  }
  if (cover.coverage === 'whole') known.coverage = 'whole';
}

function byCode(a: string | null, b: string | null): number {
  return (a ?? '').localeCompare(b ?? '');
}

/**
 * Steps 2 and 3 (above) for one place and one layer's rows. A postcode is one part. A
 * whole municipality is one part, unless a row of the layer is about some of its postcodes: then it
 * is split into its postcodes, so that each can be offered as a choice and answered on its own.
 */
function partsOf(rows: readonly CoverageRow[], place: QueryPlace): Part[] {
  if (rows.length === 0) return [];
  const { municipality, postcode } = place;
  let codes: (string | null)[] = [postcode];
  if (postcode === null && rows.some((row) => row.postcodes.length > 0)) {
    codes = [...new Set([...municipality.postcodes, ...rows.flatMap((row) => row.postcodes)])].sort(byCode);
  }
  return codes.map((code) => {
    const part: Part = { municipality: municipality.ref, postcode: code, zones: new Map() };
    for (const row of rows) {
      if (code !== null && row.postcodes.length > 0 && !row.postcodes.includes(code)) continue;
      addZone(part, row.zoneId, { coverage: row.coverage, confidence: row.confidence });
    }
    return part;
  });
}

function problemPlace(place: QueryPlace): ProblemPlace {
  const { ref } = place.municipality;
  return { nis: ref.nis, name: ref.name, postcode: place.postcode, region: ref.region };
}

function municipalityName(ref: MunicipalityRef): string {
  const { name } = ref;
  return name.nl && name.fr && name.nl !== name.fr ? `${name.nl} / ${name.fr}` : (name.nl ?? name.fr ?? '');
}

function placeName(place: QueryPlace): string {
  return municipalityName(place.municipality.ref);
}

/** What a part answers in its layer, so parts with the same answer are told apart from the others. */
function signature(part: Part): string {
  return [...part.zones]
    .map(([id, cover]) => `${id}:${cover.coverage}:${cover.confidence}`)
    .sort()
    .join(' ');
}

function unknownPlace(detail: string, path: string, code: string): PlacesOrProblem {
  return { detail, errors: [{ path, code, message: detail }] };
}

export class ZoneLookup {
  readonly #model: DirectoryModel;
  readonly #layerOrder: Map<string, number>;
  /** Locality rows by normalised name, for `locality=`. */
  readonly #localitiesByName = new Map<string, LocalityRow[]>();
  /** Distinct locality names of a municipality (`nis`) or of its part in a postcode (`nis postcode`). */
  readonly #localityNames = new Map<string, string[]>();

  constructor(model: DirectoryModel) {
    this.#model = model;
    this.#layerOrder = new Map([...model.layers.keys()].map((id, index) => [id, index]));
    const names = new Map<string, Set<string>>();
    const addName = (key: string, name: string) => {
      const set = names.get(key) ?? new Set();
      set.add(name);
      names.set(key, set);
    };
    for (const row of model.localities) {
      const key = normalizeText(row.name);
      if (key === '') continue;
      const rows = this.#localitiesByName.get(key);
      if (rows) rows.push(row);
      else this.#localitiesByName.set(key, [row]);
      addName(row.nis, row.name);
      if (row.postcode !== null) addName(`${row.nis} ${row.postcode}`, row.name);
    }
    for (const [key, set] of names)
      this.#localityNames.set(
        key,
        [...set].sort((a, b) => a.localeCompare(b)),
      );
  }

  lookup(request: LookupRequest): LookupOutcome {
    const layers =
      request.layer === undefined
        ? [...this.#model.layers.keys()]
        : [request.layer].filter((id) => this.#model.layers.has(id));
    const echo: LookupQueryEcho = request.layer === undefined ? {} : { layer: request.layer };
    if (request.by === 'point')
      return this.#byPoint(request.lat, request.lon, layers, { ...echo, lat: request.lat, lon: request.lon });

    const postcode = request.by === 'postcode' ? request.postcode : undefined;
    const { nis, locality } = request;
    const resolved = this.#places(postcode, nis, locality);
    if (!resolved.places) return { kind: 'unknown-place', detail: resolved.detail, errors: resolved.errors };
    const { places } = resolved;
    const matchedBy: MatchedBy =
      locality !== undefined ? 'locality' : postcode !== undefined ? 'postcode' : 'nis';
    const findings = new Map<string, LayerFindings>();
    for (const layer of layers) {
      const parts = places.flatMap((place) => partsOf(this.#rows(place.municipality.ref.nis, layer), place));
      findings.set(layer, { parts, matchedBy, border: false, choosable: true });
    }
    const queryEcho: LookupQueryEcho = {
      ...echo,
      ...(postcode === undefined ? {} : { postcode }),
      ...(nis === undefined ? {} : { nis }),
      ...(locality === undefined ? {} : { locality }),
    };
    const asked = [
      postcode === undefined ? '' : `postcode ${postcode}`,
      nis === undefined ? '' : `NIS code ${nis}`,
      locality === undefined ? '' : `locality "${locality}"`,
    ]
      .filter(Boolean)
      .join(', ');
    return this.#decide(queryEcho, findings, places, `${asked} (${places.map(placeName).join(', ')})`);
  }

  #rows(nis: string, layer: string): CoverageRow[] {
    return (this.#model.coverageByNis.get(nis) ?? []).filter((row) => row.layer === layer);
  }

  /**
   * Step 1 (above), narrowed by every parameter given: a postcode gives its
   * municipalities, `nis` keeps that one, `locality` keeps the (municipality, postcode) pairs that
   * have a locality of that name (compared as the search compares names: case, accents and
   * punctuation aside). A combination that names no place is an unknown place, said per parameter.
   */
  #places(
    postcode: string | undefined,
    nis: string | undefined,
    locality: string | undefined,
  ): PlacesOrProblem {
    const { municipalities, postcodeNis } = this.#model;
    const postcodeMunicipalities = postcode === undefined ? undefined : postcodeNis.get(postcode);
    if (postcode !== undefined && !postcodeMunicipalities) {
      return unknownPlace(`no place is known for postcode ${postcode}`, 'postcode', 'unknown_postcode');
    }
    const municipality = nis === undefined ? undefined : municipalities.get(nis);
    if (nis !== undefined && !municipality) {
      return unknownPlace(`no municipality is known with NIS code ${nis}`, 'nis', 'unknown_nis');
    }
    if (municipality && postcode !== undefined && !postcodeMunicipalities?.includes(municipality.ref.nis)) {
      const others = (postcodeMunicipalities ?? [])
        .map((code) => {
          const other = municipalities.get(code);
          return other ? `${municipalityName(other.ref)} (${code})` : code;
        })
        .join(', ');
      return unknownPlace(
        `${municipalityName(municipality.ref)} (${municipality.ref.nis}) has no postcode ${postcode}; ` +
          `postcode ${postcode} is in ${others}`,
        'nis',
        'not_in_postcode',
      );
    }
    let places: QueryPlace[] = (
      municipality ? [municipality.ref.nis] : [...(postcodeMunicipalities ?? [])].sort()
    ).flatMap((code) => {
      const entry = municipalities.get(code);
      return entry ? [{ municipality: entry, postcode: postcode ?? null }] : [];
    });
    if (locality === undefined) return { places };

    const rows = (this.#localitiesByName.get(normalizeText(locality)) ?? []).filter(
      (row) =>
        (postcode === undefined || row.postcode === postcode) &&
        places.some((place) => place.municipality.ref.nis === row.nis),
    );
    if (rows.length === 0) {
      const scope = [
        postcode === undefined ? '' : `postcode ${postcode}`,
        nis === undefined ? '' : `NIS code ${nis}`,
      ]
        .filter(Boolean)
        .join(', ');
      const known = [
        ...new Set(
          places.flatMap(
            (place) =>
              this.#localityNames.get(
                place.postcode === null
                  ? place.municipality.ref.nis
                  : `${place.municipality.ref.nis} ${place.postcode}`,
              ) ?? [],
          ),
        ),
      ];
      const shown =
        known.length === 0
          ? 'it has none'
          : `its localities are ${known.slice(0, KNOWN_NAMES_SHOWN).join(', ')}${known.length > KNOWN_NAMES_SHOWN ? ', …' : ''}`;
      return unknownPlace(`no locality "${locality}" in ${scope}; ${shown}`, 'locality', 'unknown_locality');
    }
    const seen = new Set<string>();
    places = rows.flatMap((row) => {
      const key = `${row.nis} ${row.postcode ?? ''}`;
      const entry = municipalities.get(row.nis);
      if (seen.has(key) || !entry) return [];
      seen.add(key);
      // A locality without a postcode (a former municipality bpost spells otherwise) can only say
      // which municipality it lies in.
      return [{ municipality: entry, postcode: row.postcode }];
    });
    return { places };
  }

  #byPoint(lat: number, lon: number, layers: string[], echo: LookupQueryEcho): LookupOutcome {
    const { municipalities, municipalityShapes, zoneShapes } = this.#model;
    const places: QueryPlace[] = municipalityShapes.containing(lon, lat).flatMap((nis) => {
      const municipality = municipalities.get(nis);
      return municipality ? [{ municipality, postcode: null }] : [];
    });
    const hits = zoneShapes.containing(lon, lat);
    const findings = new Map<string, LayerFindings>();
    for (const layer of layers) {
      const layerHits = hits.filter((hit) => hit.layer === layer);
      if (layerHits.length === 0) {
        const parts = places.flatMap((place) =>
          partsOf(this.#rows(place.municipality.ref.nis, layer), place),
        );
        findings.set(layer, { parts, matchedBy: 'municipality-polygon', border: false, choosable: true });
        continue;
      }
      const municipality = places[0]?.municipality.ref ?? null;
      const part: Part = { municipality, postcode: null, zones: new Map() };
      const rows = municipality ? this.#rows(municipality.nis, layer) : [];
      for (const hit of layerHits) {
        // The polygon places the point; the surest row of that zone in that municipality says how
        // well the pack knows the zone there (a likely zone stays likely, a sector-drawn one is not
        // made doubtful by the postcode rows it shares with other zones).
        const confidence = rows
          .filter((row) => row.zoneId === hit.zoneId)
          .map((row) => row.confidence)
          .sort((a, b) => CONFIDENCE_ORDER[a] - CONFIDENCE_ORDER[b])[0];
        addZone(part, hit.zoneId, { coverage: 'whole', confidence: confidence ?? 'documented' });
      }
      findings.set(layer, {
        parts: [part],
        matchedBy: 'point',
        border: part.zones.size > 1,
        choosable: false,
      });
    }
    const where = places.length > 0 ? ` (${places.map(placeName).join(', ')})` : '';
    return this.#decide(echo, findings, places, `the point ${lat}, ${lon}${where}`);
  }

  /** Step 3 (above): per layer, one match per zone, and how sure the layer's answer is. */
  #decide(
    query: LookupQueryEcho,
    findings: Map<string, LayerFindings>,
    places: QueryPlace[],
    described: string,
  ): LookupOutcome {
    const matches: Match[] = [];
    const ambiguities: Ambiguity[] = [];
    const versions: string[] = [];
    for (const [layer, found] of findings) {
      const { parts } = found;
      if (parts.length === 0) continue;
      const entry = this.#model.layers.get(layer);
      if (entry) versions.push(entry.pack.dataVersion);
      const layerMatches: Match[] = [];
      for (const zoneId of new Set(parts.flatMap((part) => [...part.zones.keys()]))) {
        const zone = this.#model.zones.get(zoneId);
        if (zone) layerMatches.push(this.#match(layer, zone.summary, parts, found.matchedBy));
      }
      layerMatches.sort(
        (a, b) =>
          CONFIDENCE_ORDER[a.confidence] - CONFIDENCE_ORDER[b.confidence] ||
          a.zone.id.localeCompare(b.zone.id),
      );
      matches.push(...layerMatches);
      const ambiguity = this.#ambiguity(layer, found, layerMatches);
      if (ambiguity) ambiguities.push(ambiguity);
    }
    if (versions.length === 0) {
      return {
        kind: 'out-of-coverage',
        detail: `${described} is outside every zone layer`,
        places: places.map(problemPlace),
      };
    }
    // Stable: the layers keep their order, each already sorted by confidence and zone.
    matches.sort((a, b) => (this.#layerOrder.get(a.layer) ?? 0) - (this.#layerOrder.get(b.layer) ?? 0));
    ambiguities.sort((a, b) => (this.#layerOrder.get(a.layer) ?? 0) - (this.#layerOrder.get(b.layer) ?? 0));
    const ambiguous = ambiguities.some((ambiguity) => ambiguity.certainty === 'choose');
    const dataVersion = versions.sort().at(-1) ?? '';
    return { kind: 'found', result: { query, ambiguous, dataVersion, matches, ambiguities } };
  }

  #match(layer: string, zone: Match['zone'], parts: readonly Part[], matchedBy: MatchedBy): Match {
    const places: MatchPlace[] = [];
    for (const part of parts) {
      const cover = part.zones.get(zone.id);
      if (cover) places.push({ municipality: part.municipality, postcode: part.postcode, ...cover });
    }
    const whole = parts.every((part) => part.zones.get(zone.id)?.coverage === 'whole');
    const weakest = places.reduce<Confidence>(
      (worst, place) =>
        CONFIDENCE_ORDER[place.confidence] > CONFIDENCE_ORDER[worst] ? place.confidence : worst,
      'documented',
    );
    return { layer, zone, matchedBy, coverage: whole ? 'whole' : 'partial', confidence: weakest, places };
  }

  #ambiguity(layer: string, found: LayerFindings, matches: readonly Match[]): Ambiguity | undefined {
    const { parts } = found;
    const unresolved = parts.filter((part) => part.zones.size === 0);
    const reasons: AmbiguityReason[] = [];
    if (matches.length > 1) reasons.push(found.border ? 'border' : 'several-zones');
    const unsure = parts.some((part) =>
      [...part.zones.values()].some(
        (cover) => cover.coverage === 'partial' || cover.confidence !== 'documented',
      ),
    );
    if (unsure) reasons.push('uncertain');
    if (unresolved.length > 0) reasons.push('unknown-part');
    if (reasons.length === 0) return undefined;

    const certainty: Ambiguity['certainty'] =
      matches.length === 0 ? 'unknown' : matches.length > 1 || unresolved.length > 0 ? 'choose' : 'probable';
    // Worth asking only when the parts answer differently: one of them then narrows the answer.
    const narrowable = found.choosable && new Set(parts.map(signature)).size > 1;
    const order = new Map(matches.map((match, index) => [match.zone.id, index]));
    const choices: LookupChoice[] = narrowable
      ? parts.flatMap((part) => {
          const { municipality, postcode } = part;
          if (!municipality) return [];
          const key = postcode === null ? municipality.nis : `${municipality.nis} ${postcode}`;
          return [
            {
              municipality,
              postcode,
              localities: this.#localityNames.get(key) ?? [],
              zones: [...part.zones.keys()].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0)),
              query: postcode === null ? { nis: municipality.nis } : { nis: municipality.nis, postcode },
            },
          ];
        })
      : [];
    return {
      layer,
      certainty,
      reasons,
      unresolved: unresolved.map(({ municipality, postcode }) => ({ municipality, postcode })),
      narrowable,
      choices,
    };
  }
}
