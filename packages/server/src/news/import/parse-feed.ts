import type * as FastXmlParser from 'fast-xml-parser';
import type * as Feedsmith from 'feedsmith';
import { lazyDependency } from '../../lazy-dependency.js';
import { entriesOfAtom, entriesOfJson, entriesOfRdf, entriesOfRss } from './entries-of-format.js';
import { FeedImportError } from './feed-error.js';
import type { ParsedFeed } from './parsed-feed.js';

const xmlParser = lazyDependency<typeof FastXmlParser>('fast-xml-parser');
const feedsmith = lazyDependency<typeof Feedsmith>('feedsmith');

function describeXmlError(text: string): string | undefined {
  // feedsmith reads what it can of broken XML; an import must not store half an article, so
  // well-formedness is checked first.
  const result = xmlParser().XMLValidator.validate(text, { allowBooleanAttributes: true });
  if (result === true) return undefined;
  return `${result.err.msg} (line ${result.err.line}, column ${result.err.col})`;
}

/**
 * Reads a feed's text as RSS 2.0 (and 0.9x, RDF 1.0), Atom 1.0 or JSON Feed 1.x, detected from
 * its content. `location` names the feed in error messages.
 */
export function parseFeedText(text: string, location: string): ParsedFeed {
  const trimmed = text.trimStart();
  let input: string | object = text;
  if (trimmed.startsWith('{')) {
    try {
      input = JSON.parse(trimmed) as object;
    } catch (error) {
      throw new FeedImportError(`${location} is not valid JSON: ${(error as Error).message}`);
    }
  } else if (trimmed.startsWith('<')) {
    const xmlError = describeXmlError(trimmed);
    if (xmlError !== undefined) throw new FeedImportError(`${location} is not well-formed XML: ${xmlError}`);
  } else {
    throw new FeedImportError(`${location} is neither XML nor JSON: not a feed`);
  }
  let parsed: ReturnType<typeof Feedsmith.parseFeed>;
  try {
    parsed = feedsmith().parseFeed(input);
  } catch (error) {
    throw new FeedImportError(
      `${location} is not an RSS, Atom or JSON feed: ${(error as Error).message.toLowerCase()}`,
    );
  }
  switch (parsed.format) {
    case 'rss':
      return entriesOfRss(parsed.feed);
    case 'atom':
      return entriesOfAtom(parsed.feed);
    case 'rdf':
      return entriesOfRdf(parsed.feed);
    case 'json':
      return entriesOfJson(parsed.feed, input);
  }
}
