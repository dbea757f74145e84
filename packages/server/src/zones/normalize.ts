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
