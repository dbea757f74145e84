// Entry of `carezone.js`: every Carezone widget.
import { CarezoneFinder } from '../finder/finder.js';
import { defineElement } from '../internal/define.js';
import { CarezoneNews } from '../news/news.js';
import { CarezoneSessionRequest } from '../session-request/session-request.js';
import { CarezoneZoneCard } from '../zone-card/zone-card.js';

defineElement('carezone-finder', CarezoneFinder);
defineElement('carezone-zone-card', CarezoneZoneCard);
defineElement('carezone-session-request', CarezoneSessionRequest);
defineElement('carezone-news', CarezoneNews);
