// Entry of `carezone-session-request.js`: the session request form, and the finder it embeds when
// the page gives it no zone (or that another finder on the page is, for `zone-source`).
// First, so that the page's language starts downloading before the rest of the bundle runs.
import '../localization/preload.js';
import { CarezoneFinder } from '../finder/finder.js';
import { defineElement } from '../internal/define.js';
import { CarezoneSessionRequest } from '../session-request/session-request.js';

defineElement('carezone-session-request', CarezoneSessionRequest);
defineElement('carezone-finder', CarezoneFinder);
