/** Text formats of the zone-pack format; the contract has the same rules for the API. */
export const NIS_PATTERN = /^\d{5}$/;
export const POSTCODE_PATTERN = /^\d{4}$/;
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A real calendar date written `YYYY-MM-DD` (rejects 2025-02-30, which the pattern alone accepts). */
export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** Splits a multi-valued cell; `undefined` when the separators are not single spaces. */
export function splitValues(cell: string): string[] | undefined {
  if (cell === '') return [];
  const values = cell.split(' ');
  return values.every((value) => value !== '') ? values : undefined;
}
