import * as z from 'zod/mini';

/** The languages every text of Carezone is available in. */
export const LANGUAGES = ['nl', 'fr', 'en', 'de'] as const;
export const Language = z.enum(LANGUAGES);
export type Language = z.infer<typeof Language>;

/**
 * A text in several languages. Any key may be missing (zone packs leave unknown names empty);
 * use `pickText` to choose one with the documented fallback.
 */
export const LangMap = z.object({
  nl: z.optional(z.string()),
  fr: z.optional(z.string()),
  en: z.optional(z.string()),
  de: z.optional(z.string()),
});
export type LangMap = z.infer<typeof LangMap>;

/** A calendar date, `YYYY-MM-DD`. */
export const IsoDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD'));
/** An instant, ISO 8601 with time zone. */
export const IsoDateTime = z
  .string()
  .check(
    z.regex(
      /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/,
      'must be an ISO 8601 date and time with time zone',
    ),
  );

/** Belgian postcode: four digits, leading zeros kept. */
export const Postcode = z.string().check(z.regex(/^\d{4}$/, 'must be a postcode of 4 digits'));
/** Statbel REFNIS municipality code: five digits. */
export const NisCode = z.string().check(z.regex(/^\d{5}$/, 'must be a NIS code of 5 digits'));
/**
 * Lowercase slug used for zone and layer ids (`bxl-nord`, `elz-gent`), of at most 100 characters.
 * The length is in the pattern (a lookahead) rather than a `maxLength` check: the widgets validate
 * every zone id of every answer with this schema, and that one check would bring zod's whole
 * length checking (about 175 B gzip) into the finder's bundle for ids that never come near it.
 */
export const Slug = z
  .string()
  .check(
    z.regex(
      /^(?=.{1,100}$)[a-z0-9]+(?:-[a-z0-9]+)*$/,
      'must be an id of at most 100 lowercase letters, digits and dashes',
    ),
  );

export const Region = z.enum(['flanders', 'wallonia', 'brussels']);
export type Region = z.infer<typeof Region>;

/**
 * Where a missing translation falls back, per visitor's language: the zone pack rule (nl, then fr),
 * except that a German reader in Belgium reads French before Dutch, and an English reader gets the
 * place's own language (Dutch in Flanders, French in Wallonia and Brussels, where English-speaking
 * residents use the French names: Ixelles, Schaerbeek).
 */
function fallbacks(lang: Language, region: string | undefined): readonly Language[] {
  if (lang === 'de' || (lang === 'en' && region !== undefined && region !== 'flanders')) {
    return ['fr', 'nl', 'de', 'en'];
  }
  return ['nl', 'fr', 'en', 'de'];
}

/**
 * The language `pickText` takes a text in: `lang` when the map has it, else the first of its
 * fallbacks that it has (a page marks a name shown in another language than its own with it).
 */
export function pickLanguage(map: LangMap, lang: Language, region?: string): Language | undefined {
  return [lang, ...fallbacks(lang, region)].find((candidate) => map[candidate]);
}

/**
 * Picks the text for `lang`, else the first present of its fallbacks (see above); `region` is the
 * place's, when the text is a place's name.
 */
export function pickText(map: LangMap, lang: Language, region?: string): string {
  const picked = pickLanguage(map, lang, region);
  return picked ? (map[picked] ?? '') : '';
}
