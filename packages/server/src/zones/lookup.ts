import type {
  Ambiguity,
  AmbiguityReason,
  Confidence,
  Coverage,
  LookupQueryEcho,
  Match,
  MatchedBy,
  MunicipalityRef,
  ProblemPlace,
} from '@carezone/contract';
import type { CoverageRow } from '../packs/pack-types.js';
import type { DirectoryModel, MunicipalityEntry } from './directory-model.js';
import type { LookupOutcome, LookupRequest } from './zone-directory.js';

interface QueryPlace {
  municipality: MunicipalityEntry;
  postcode: string | null;
}

interface Candidate {
  layer: string;
  zoneId: string;
  municipality: MunicipalityRef | null;
  postcode: string | null;
  matchedBy: MatchedBy;
  coverage: Coverage;
  confidence: Confidence;
}

interface LayerFindings {
  candidates: Candidate[];
  unresolved: { municipality: MunicipalityRef; postcode: string | null }[];
  border: boolean;
}

const CONFIDENCE_ORDER: Record<Confidence, number> = { documented: 0, likely: 1, ambiguous: 2 };

/** Adds a candidate, or merges it with the one already found for the same (layer, zone, place). */
function addCandidate(findings: LayerFindings, candidate: Candidate): void {
  const known = findings.candidates.find(
    (other) =>
      other.zoneId === candidate.zoneId &&
      other.municipality?.nis === candidate.municipality?.nis &&
      other.postcode === candidate.postcode,
  );
  if (!known) {
    findings.candidates.push(candidate);
    return;
  }
  // Two rows of one zone for one place: the zone surely covers what the strongest row says.
  if (CONFIDENCE_ORDER[candidate.confidence] < CONFIDENCE_ORDER[known.confidence]) {
    known.confidence = candidate.confidence;
  }
  if (candidate.coverage === 'whole') known.coverage = 'whole';
}

/** Steps 2 and 3 of the README for one place: its coverage rows in one layer. */
function collectByPlace(
  findings: LayerFindings,
  rows: readonly CoverageRow[],
  place: QueryPlace,
  matchedBy: MatchedBy,
): void {
  if (rows.length === 0) return;
  const { postcode, municipality } = place;
  const applicable =
    postcode === null
      ? rows
      : rows.filter((row) => row.postcodes.length === 0 || row.postcodes.includes(postcode));
  if (postcode !== null && applicable.length === 0) {
    findings.unresolved.push({ municipality: municipality.ref, postcode });
    return;
  }
  for (const row of applicable) {
    addCandidate(findings, {
      layer: row.layer,
      zoneId: row.zoneId,
      municipality: municipality.ref,
      postcode,
      matchedBy,
      // Asked for a whole municipality, a row about some of its postcodes covers only a part of it.
      coverage: postcode === null && row.postcodes.length > 0 ? 'partial' : row.coverage,
      confidence: row.confidence,
    });
  }
  if (postcode === null && !rows.some((row) => row.postcodes.length === 0)) {
    const covered = new Set(rows.flatMap((row) => row.postcodes));
    for (const code of municipality.postcodes) {
      if (!covered.has(code)) findings.unresolved.push({ municipality: municipality.ref, postcode: code });
    }
  }
}

function problemPlace(place: QueryPlace): ProblemPlace {
  const { ref } = place.municipality;
  return { nis: ref.nis, name: ref.name, postcode: place.postcode, region: ref.region };
}

function placeName(place: QueryPlace): string {
  const { name } = place.municipality.ref;
  return name.nl && name.fr && name.nl !== name.fr ? `${name.nl} / ${name.fr}` : (name.nl ?? name.fr ?? '');
}

export class ZoneLookup {
  readonly #model: DirectoryModel;
  readonly #layerOrder: Map<string, number>;

  constructor(model: DirectoryModel) {
    this.#model = model;
    this.#layerOrder = new Map([...model.layers.keys()].map((id, index) => [id, index]));
  }

  lookup(request: LookupRequest): LookupOutcome {
    const layers =
      request.layer === undefined
        ? [...this.#model.layers.keys()]
        : [request.layer].filter((id) => this.#model.layers.has(id));
    const echo: LookupQueryEcho = request.layer === undefined ? {} : { layer: request.layer };
    if (request.by === 'point')
      return this.#byPoint(request.lat, request.lon, layers, { ...echo, lat: request.lat, lon: request.lon });

    const places = this.#places(request);
    const asked = request.by === 'postcode' ? `postcode ${request.postcode}` : `NIS code ${request.nis}`;
    if (places.length === 0)
      return { kind: 'unknown-place', detail: `${asked} is not in any loaded zone pack` };
    const matchedBy: MatchedBy = request.by;
    const findings = new Map<string, LayerFindings>();
    for (const layer of layers) {
      const found: LayerFindings = { candidates: [], unresolved: [], border: false };
      for (const place of places) {
        const rows = (this.#model.coverageByNis.get(place.municipality.ref.nis) ?? []).filter(
          (row) => row.layer === layer,
        );
        collectByPlace(found, rows, place, matchedBy);
      }
      findings.set(layer, found);
    }
    const queryEcho =
      request.by === 'postcode' ? { ...echo, postcode: request.postcode } : { ...echo, nis: request.nis };
    return this.#decide(queryEcho, findings, places, `${asked} (${places.map(placeName).join(', ')})`);
  }

  #places(request: { by: 'postcode'; postcode: string } | { by: 'nis'; nis: string }): QueryPlace[] {
    const { municipalities, postcodeNis } = this.#model;
    if (request.by === 'nis') {
      const municipality = municipalities.get(request.nis);
      return municipality ? [{ municipality, postcode: null }] : [];
    }
    return (postcodeNis.get(request.postcode) ?? []).flatMap((nis) => {
      const municipality = municipalities.get(nis);
      return municipality ? [{ municipality, postcode: request.postcode }] : [];
    });
  }

  #byPoint(lat: number, lon: number, layers: string[], echo: LookupQueryEcho): LookupOutcome {
    const { municipalities, municipalityShapes, zoneShapes, coverageByNis } = this.#model;
    const places: QueryPlace[] = municipalityShapes.containing(lon, lat).flatMap((nis) => {
      const municipality = municipalities.get(nis);
      return municipality ? [{ municipality, postcode: null }] : [];
    });
    const hits = zoneShapes.containing(lon, lat);
    const findings = new Map<string, LayerFindings>();
    for (const layer of layers) {
      const found: LayerFindings = { candidates: [], unresolved: [], border: false };
      const layerHits = hits.filter((hit) => hit.layer === layer);
      for (const hit of layerHits) {
        const municipality = places[0]?.municipality.ref ?? null;
        const row = municipality
          ? coverageByNis.get(municipality.nis)?.find((r) => r.zoneId === hit.zoneId)
          : undefined;
        addCandidate(found, {
          layer,
          zoneId: hit.zoneId,
          municipality,
          postcode: null,
          matchedBy: 'point',
          coverage: 'whole',
          confidence: row?.confidence ?? 'documented',
        });
      }
      found.border = new Set(layerHits.map((hit) => hit.zoneId)).size > 1;
      if (layerHits.length === 0) {
        for (const place of places) {
          const rows = (coverageByNis.get(place.municipality.ref.nis) ?? []).filter(
            (row) => row.layer === layer,
          );
          collectByPlace(found, rows, place, 'municipality-polygon');
        }
      }
      findings.set(layer, found);
    }
    const where = places.length > 0 ? ` (${places.map(placeName).join(', ')})` : '';
    return this.#decide(echo, findings, places, `the point ${lat}, ${lon}${where}`);
  }

  #decide(
    query: LookupQueryEcho,
    findings: Map<string, LayerFindings>,
    places: QueryPlace[],
    described: string,
  ): LookupOutcome {
    const matches: Match[] = [];
    const ambiguities: Ambiguity[] = [];
    let ambiguous = false;
    const versions: string[] = [];
    for (const [layer, found] of findings) {
      if (found.candidates.length === 0 && found.unresolved.length === 0) continue;
      const entry = this.#model.layers.get(layer);
      if (entry) versions.push(entry.pack.dataVersion);
      const reasons: AmbiguityReason[] = [];
      const zones = new Set(found.candidates.map((candidate) => candidate.zoneId));
      if (zones.size > 1) reasons.push(found.border ? 'border' : 'several-zones');
      if (found.candidates.some((c) => c.coverage === 'partial' || c.confidence !== 'documented'))
        reasons.push('uncertain');
      if (found.unresolved.length > 0) reasons.push('unknown-part');
      if (reasons.length > 0) ambiguities.push({ layer, reasons, unresolved: found.unresolved });
      if (
        zones.size > 1 ||
        found.unresolved.length > 0 ||
        found.candidates.some((c) => c.confidence === 'ambiguous')
      ) {
        ambiguous = true;
      }
      for (const candidate of found.candidates) {
        const zone = this.#model.zones.get(candidate.zoneId);
        if (!zone) continue;
        matches.push({
          layer,
          zone: zone.summary,
          place: { municipality: candidate.municipality, postcode: candidate.postcode },
          matchedBy: candidate.matchedBy,
          coverage: candidate.coverage,
          confidence: candidate.confidence,
        });
      }
    }
    if (versions.length === 0) {
      return {
        kind: 'out-of-coverage',
        detail: `${described} is outside every zone layer`,
        places: places.map(problemPlace),
      };
    }
    matches.sort(
      (a, b) =>
        (this.#layerOrder.get(a.layer) ?? 0) - (this.#layerOrder.get(b.layer) ?? 0) ||
        CONFIDENCE_ORDER[a.confidence] - CONFIDENCE_ORDER[b.confidence] ||
        a.zone.id.localeCompare(b.zone.id),
    );
    const dataVersion = versions.sort().at(-1) ?? '';
    return { kind: 'found', result: { query, ambiguous, dataVersion, matches, ambiguities } };
  }
}
