/** Where the script writes the gazetteer by default: packages/server/gazetteer/belgium-2025.json. */
export const DEFAULT_OUTPUT: string;

export interface GazetteerSources {
  municipalities: {
    nis: string;
    /** Dutch, French and German, as Statbel writes them. */
    names: [string, string, string];
    region: 'flanders' | 'wallonia' | 'brussels';
    postcodes: Set<string>;
  }[];
  mergers: { oldNis: string; names: [string, string, string]; nis: string }[];
  mergersEffective: string | null;
}

/** Reads the three Statbel tables of `dataDir` and checks that they agree; throws on any mismatch. */
export function readGazetteerSources(dataDir: string): GazetteerSources;

/** The gazetteer file's text, deterministic for the same inputs. */
export function buildGazetteer(dataDir: string): string;
