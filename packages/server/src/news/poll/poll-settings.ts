import { type IntegerSetting, integerSettingFromEnv } from '../../settings/integer-setting.js';

/** One feed the server polls, and the zones every item of it belongs to. */
export interface NewsSource {
  /** The feed's URL, normalised (`new URL().href`), so one feed spelled twice is one source. */
  url: string;
  zones: readonly string[];
}

export interface NewsPollSettings {
  sources: readonly NewsSource[];
  /** Time between two polls of a source that answered. */
  intervalMs: number;
}

export const DEFAULT_NEWS_POLL_MINUTES = 30;
/** A week: anything longer is almost certainly a typo (minutes taken for hours or seconds). */
const MAX_NEWS_POLL_MINUTES = 7 * 24 * 60;
const ZONE_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function feedUrl(text: string, entry: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`CAREZONE_NEWS_SOURCES: "${entry}" does not hold a URL after the "="`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`CAREZONE_NEWS_SOURCES: "${entry}": a feed URL starts with https:// or http://`);
  }
  // fetch() refuses such URLs, and the URL is logged and stored: credentials have no place in it.
  if (url.username !== '' || url.password !== '') {
    throw new Error(`CAREZONE_NEWS_SOURCES: the URL of ${url.host} holds a user name or password`);
  }
  return url.href;
}

/**
 * `bxl-sud=https://a.example/feed.xml,bxl-nord=https://a.example/feed.xml,elz-x=https://b.example/rss`:
 * one source per URL, with every zone it is listed for. Entries are split on commas, so a comma in
 * a URL must be written `%2C`; the zone is what comes before the first `=`, so a URL's query may
 * hold more. Throws on anything else, naming the entry.
 */
export function parseNewsSources(text: string): NewsSource[] {
  const zonesByUrl = new Map<string, string[]>();
  for (const raw of text.split(',')) {
    const entry = raw.trim();
    if (entry === '') continue;
    const split = entry.indexOf('=');
    const zone = entry.slice(0, Math.max(split, 0)).trim();
    const location = entry.slice(split + 1).trim();
    if (split < 0 || !ZONE_ID.test(zone) || location === '' || /\s/.test(location)) {
      throw new Error(`CAREZONE_NEWS_SOURCES: "${entry}" is not zone=URL`);
    }
    const url = feedUrl(location, entry);
    const zones = zonesByUrl.get(url) ?? [];
    if (!zones.includes(zone)) zones.push(zone);
    zonesByUrl.set(url, zones);
  }
  return [...zonesByUrl].map(([url, zones]) => ({ url, zones }));
}

/** `CAREZONE_NEWS_POLL_MINUTES`: a whole number of minutes, 1 to a week. */
const POLL_MINUTES: IntegerSetting = {
  name: 'CAREZONE_NEWS_POLL_MINUTES',
  min: 1,
  max: MAX_NEWS_POLL_MINUTES,
  unit: 'minutes',
};

/**
 * Reads `CAREZONE_NEWS_SOURCES` and `CAREZONE_NEWS_POLL_MINUTES` (default 30). Throws on a malformed
 * value, so the server refuses to start rather than silently polling nothing.
 */
export function newsPollSettingsFromEnv(env: NodeJS.ProcessEnv): NewsPollSettings {
  const minutes = integerSettingFromEnv(env, POLL_MINUTES) ?? DEFAULT_NEWS_POLL_MINUTES;
  return {
    sources: parseNewsSources(env.CAREZONE_NEWS_SOURCES ?? ''),
    intervalMs: minutes * 60_000,
  };
}

/**
 * Throws when a source names a zone the loaded packs do not have: its items would be filed under a
 * zone no list shows. Checked at start, once the packs are loaded.
 */
export function checkNewsSourceZones(settings: NewsPollSettings, knownZones: ReadonlySet<string>): void {
  for (const source of settings.sources) {
    const unknown = source.zones.filter((zone) => !knownZones.has(zone));
    if (unknown.length > 0) {
      throw new Error(
        `CAREZONE_NEWS_SOURCES: unknown zone ${unknown.join(', ')} for ${source.url} ` +
          '(see GET /v1/zones for the ids of the loaded packs)',
      );
    }
  }
}
