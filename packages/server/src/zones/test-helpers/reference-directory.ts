import assert from 'node:assert/strict';
import { LookupResult, type ProblemPlace } from '@carezone/contract';
import type { LookupOutcome, ZoneDirectory } from '../zone-directory.js';

/** A lookup that must be found; also checks the result against the contract. */
export function found(
  directory: ZoneDirectory,
  request: Parameters<ZoneDirectory['lookup']>[0],
): LookupResult {
  const outcome: LookupOutcome = directory.lookup(request);
  assert.equal(outcome.kind, 'found', JSON.stringify(outcome));
  if (outcome.kind !== 'found') throw new Error('unreachable');
  const parsed = LookupResult.safeParse(outcome.result);
  assert.ok(parsed.success, JSON.stringify(parsed.error?.issues));
  return outcome.result;
}

/** `zone@nis/postcode` of each place of each match, for short assertions. */
export function matchKeys(result: LookupResult): string[] {
  return result.matches.flatMap((match) =>
    match.places.map(
      (place) => `${match.zone.id}@${place.municipality?.nis ?? '-'}/${place.postcode ?? '-'}`,
    ),
  );
}

export function zoneIds(result: LookupResult, layer: string): string[] {
  return [
    ...new Set(result.matches.filter((match) => match.layer === layer).map((match) => match.zone.id)),
  ].sort();
}

export function outOfCoverage(
  directory: ZoneDirectory,
  request: Parameters<ZoneDirectory['lookup']>[0],
): ProblemPlace[] {
  const outcome = directory.lookup(request);
  assert.equal(outcome.kind, 'out-of-coverage', JSON.stringify(outcome));
  return outcome.kind === 'out-of-coverage' ? outcome.places : [];
}
