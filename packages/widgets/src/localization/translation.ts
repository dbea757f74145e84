import type { ErrorCode, PlaceKind } from '@carezone/sdk';

/**
 * The error codes any read may meet, worded alike for every widget. The others answer only what a
 * widget sends (the form) or a staff call: their texts are in the form's catalogue, so that a page
 * with only a finder does not download them.
 */
export type ReadErrorCode = Extract<ErrorCode, 'NOT_READY' | 'INTERNAL'>;
/**
 * Codes a widget words itself where it meets them, never through `errorMessage`: the finder says
 * which place it does not understand, know or cover (`finder.invalid`, `unknown`, `outside`; its
 * input never sends a search the API refuses), the zone card that its zone does not exist
 * (`zoneCard.unknownZone`), and no widget asks for a polygon. Met anywhere else (a news widget
 * with a malformed `zone`, a mistake of the page), they read as `unexpectedError`.
 */
export type OwnErrorCode = Extract<
  ErrorCode,
  'INVALID_QUERY' | 'UNKNOWN_PLACE' | 'OUT_OF_COVERAGE' | 'NOT_FOUND' | 'NO_GEOMETRY'
>;
/** The error codes only a write (or a staff call) answers: texts in the form's catalogue. */
export type SendErrorCode = Exclude<ErrorCode, ReadErrorCode | OwnErrorCode>;

/**
 * Every text a widget shows. One object per language (`nl.ts`, `fr.ts`, `en.ts`, `de.ts`); the
 * type makes a missing key a compile error and the catalogue test a failing test. Texts with a
 * value in them are functions, so that each language places and inflects the value itself.
 */
export interface Translation {
  loading: string;
  retry: string;
  offline: string;
  /** Shown for an error code the widget has no text for (a newer server). */
  unexpectedError: string;
  errors: Record<ReadErrorCode, string>;
  networkError: string;
  timeout: string;
  /** A zone's details, shown by the zone card and by the finder's results. */
  zone: {
    layer: string;
    municipality: string;
    team: string;
    /** Labels of the contact lines, with the colon as the language writes it ("Site web :"). */
    website: string;
    email: string;
    phone: string;
    /** The packs leave a team's contact empty when it is not public: say so, never guess. */
    contactUnknown: string;
    validFrom: string;
    municipalities: string;
    /** A municipality of which the zone covers only some postcodes. */
    partly: (postcodes: string) => string;
  };
  zoneCard: {
    /** The page gave no `zone` attribute. */
    noZone: string;
    unknownZone: (id: string) => string;
  };
  /** `<carezone-finder>`: the place search and its result. */
  finder: {
    label: string;
    submit: string;
    locate: string;
    /**
     * The live region after a search; `count` 0 means nothing was found. At most 8, written alike
     * in every Belgian locale, so it needs no number formatting.
     */
    found: (count: number) => string;
    /** The live region when nothing matched as typed but `place` is close: "Did you mean …?". */
    didYouMean: (place: string) => string;
    /** Shown under a suggestion (a postcode needs no word). */
    kinds: Record<Exclude<PlaceKind, 'postcode'>, string>;
    /**
     * Name what was asked in `outside` and `unknown`, each followed by its value: "postcode
     * 9999", "le code postal 9999", "die Postleitzahl 9999" (with the article the sentences need).
     */
    postcode: string;
    nisCode: string;
    here: string;
    /**
     * The three states of an answer; `place` is what was asked ("1050", "Schaarbeek", "1040
     * Etterbeek"). `probable`: the note in the one zone's card; `choose`: the question above the
     * parts of the place to choose from; `cannotTell`: the data cannot tell the candidates apart.
     */
    probable: (place: string) => string;
    choose: (place: string) => string;
    /** Beside a part of the place that no known zone covers. */
    unknownPart: string;
    cannotTell: (place: string) => string;
    /** The button in a candidate's card; `zone` is its name. */
    pick: (zone: string) => string;
    /** The note in the card of a zone the visitor picked. */
    picked: string;
    /** No zone of the layer is known for the place. */
    noZone: (place: string) => string;
    /** 404 OUT_OF_COVERAGE: the place was understood but lies outside every layer. */
    outside: (place: string) => string;
    /** 404 UNKNOWN_PLACE; `query` reads "postcode 9999". */
    unknown: (query: string) => string;
    /** 400 INVALID_QUERY: the typed text. */
    invalid: (text: string) => string;
    geoDenied: string;
    geoFailed: string;
  };
}
