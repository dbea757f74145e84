import type { ErrorCode } from '@carezone/sdk';

/**
 * Every text a widget shows. One object per language (`nl.ts`, `fr.ts`, `en.ts`, `de.ts`); the
 * type makes a missing key a compile error and the catalogue test a failing test. Texts with a
 * value in them are functions, so that each language places and inflects the value itself.
 */
export interface Translation {
  loading: string;
  retry: string;
  offline: string;
  /** Shown for an error code the widget does not know (a newer server). */
  unexpectedError: string;
  errors: Record<ErrorCode, string>;
  networkError: string;
  timeout: string;
  /** A zone's details, shown by the zone card and by the finder's results. */
  zone: {
    layer: string;
    municipality: string;
    team: string;
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
}
