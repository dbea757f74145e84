/**
 * A name as people read it: the typewriter apostrophe (') written as the typographic one (’),
 * "Braine-l’Alleud", "Bassins d’aide et de soins", "’s-Gravenbrakel". The widgets and the mails
 * compose their sentences with ’ in every language, and the sources mix both (Statbel's tables,
 * a pack's CSV, even one row of the reference pack), so every name is read through this once,
 * where it enters the server; search ignores apostrophes of either kind.
 */
export function typographicApostrophes(name: string): string {
  return name.replaceAll("'", '’');
}
