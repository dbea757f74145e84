// Entry of `carezone.js`: every Carezone widget.
// First, so that the page's language starts downloading before the rest of the bundle runs.
import '../localization/preload.js';
import { CarezoneFinder } from '../finder/finder.js';
import { defineElement } from '../internal/define.js';
import { CarezoneNews } from '../news/news.js';
import { CarezoneSessionRequest } from '../session-request/session-request.js';
import { CarezoneZoneCard } from '../zone-card/zone-card.js';

defineElement('carezone-finder', CarezoneFinder);
defineElement('carezone-zone-card', CarezoneZoneCard);
defineElement('carezone-session-request', CarezoneSessionRequest);
defineElement('carezone-news', CarezoneNews);
