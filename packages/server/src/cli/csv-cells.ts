/**
 * Spreadsheets run a cell that starts with = + - @ (or a tab or carriage return, which some
 * strip first) as a formula: "=HYPERLINK(…)" typed into a form would run on the zone team's
 * machine. A leading apostrophe makes it text, and shows the value otherwise unchanged (OWASP's
 * advice for CSV injection). Phone numbers like "+32 …" get it too: harmless, and safer than
 * guessing which ones are numbers.
 */
export function neutraliseFormula(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}
