import { delimiter } from 'node:path';
import { VERSION } from '../version.js';

/** The text of `carezone --help`, and of a usage error. */
export const USAGE = `carezone ${VERSION}

Usage:
  carezone serve [--port 3000] [--host 127.0.0.1] [--zonepack DIR]... [--data DIR]
                 [--widgets DIR] [--examples DIR] [--public-url https://…]
  carezone config [--json] [--port …] [--zonepack DIR]... [--data DIR] [the other flags of serve]
  carezone check-pack DIR...
  carezone token create (--zone ZONE | --all-zones) [--label TEXT] [--zonepack DIR]... [--data DIR]
  carezone token list [--data DIR]
  carezone token revoke ID [--data DIR]
  carezone requests export --zone ZONE [--status STATUS] [--spam exclude|only|include]
                           [--format csv] [--output FILE] [--delimiter ,|;]
                           [--language nl|fr|en|de] [--data DIR]
  carezone requests purge [--older-than DAYS] [--data DIR]
  carezone news import FILE|URL [--zone ZONE]... [--language nl|fr|en|de] [--zonepack DIR]... [--data DIR]
  carezone backup --to FILE [--data DIR]
  carezone --help | --version

Settings    Every command reads its settings the same way: a flag first, then the environment
            variable, then a .env file in the working directory (NAME=value lines; a variable set in
            the environment, even empty, wins over .env; an empty one counts as unset), then the
            default. So a pack or data folder (or DATABASE_URL) set once is the one serve and every
            command use.

serve       Serves the API, its docs and the widgets. Without --zonepack it loads the built-in
            Brussels pack. Environment: PORT, HOST, CAREZONE_ZONEPACK (folders separated by '${delimiter}'),
            CAREZONE_DATA_DIR (SQLite folder, default .carezone), DATABASE_URL (postgres://… to use
            PostgreSQL), LOG_LEVEL (default info), CAREZONE_WIDGETS_DIR (the built bundles served
            at /widgets/, default the repository's packages/widgets/dist/cdn), CAREZONE_EXAMPLES_DIR
            (pages served at /examples/, default none), CAREZONE_PUBLIC_URL (the origin the public
            reaches the server at, like https://zorgzones.example.be: absolute links in feeds and docs
            use it; default the address a request came in on, never its Host header).
            Session requests: CAREZONE_TOPICS (a JSON file of topics [{ id, label: { nl, fr, en, de } }],
            checked at start; default a built-in list), CAREZONE_ALLOWED_ORIGINS (comma-separated
            origins whose pages may POST, or *; unset: this server's pages only, or any origin with
            NODE_ENV=development|test), CAREZONE_RATE_LIMIT_IP (default 30/hour) and CAREZONE_RATE_LIMIT_ZONE
            (default 120/hour), and staff sign-ins per address CAREZONE_RATE_LIMIT_SIGN_IN (default
            10/15min), like 5/min or off, counted in PostgreSQL for every process on it (in
            memory on SQLite); CAREZONE_TRUST_PROXY (reverse proxies in front whose X-Forwarded-For
            gives the client address, default 0).
            Mail (the outbox): CAREZONE_SMTP_URL (smtp://user:pass@host:port or smtps://…; unset:
            each e-mail is written as an .eml file to CAREZONE_MAIL_DIR, default <data>/outbox-mail),
            CAREZONE_MAIL_FROM (sender; required with SMTP), CAREZONE_ZONE_INBOXES (zone=address,…;
            wins over the pack's e-mail; unknown zones stop the start), CAREZONE_NOTIFY_TO (fallback inbox of the network).
            CAREZONE_RETENTION_DAYS (default 365): requests older than that are purged daily.
            News: CAREZONE_NEWS_SOURCES (zone=URL,…: feeds to poll; a URL listed for several zones is
            one feed with all of them; unknown zones stop the start), CAREZONE_NEWS_POLL_MINUTES
            (default 30): conditional requests (ETag, Last-Modified); a failing feed backs off up to 12 h.
config      Prints each setting, its value and where it came from (flag, environment, .env or
            default), with passwords and secrets masked; --json prints the same as JSON. Exits 1,
            naming the setting, when a value is bad.
check-pack  Validates zone packs; prints each problem as file:line:column and exits 1 on any error.
token       Staff bearer tokens. create prints the token once (only its hash is stored); --all-zones
            makes a network-wide token. revoke ends a token at once.
requests    export writes one zone's requests as CSV (UTF-8 with BOM, for Excel; header and
            labels in --language, default nl; a cell with a line break or tab is quoted, and a
            cell or a line in it that a spreadsheet would run as a formula starts with '); purge
            deletes requests stored more than DAYS ago (default CAREZONE_RETENTION_DAYS, else 365),
            with their history, queued e-mails and idempotency keys, and prints the counts.
news        import reads an RSS 2.0, Atom 1.0 or JSON Feed 1.1 file or URL (at most 10 MB, 30 s) and
            stores its items with sanitised HTML; items imported before (by their feed id) are updated,
            never duplicated. Zones: those the JSON Feed extension _carezone.zones suggests, plus every
            --zone; an item left without any zone fails the import. --language is the items' language
            where the feed does not say. Any problem: one line on stderr, exit code 1, nothing stored.
backup      Copies the SQLite database to FILE, safely while the server runs (SQLite's online
            backup); the file holds personal data and is made readable by its owner only. With
            PostgreSQL (DATABASE_URL) it says to use pg_dump instead.
Exit codes: 0 done; 1 failed (a bad value is one line naming the setting or flag); 2 bad usage,
            printed with this text.
`;
