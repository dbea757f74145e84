// Entry of `carezone.js`: every Carezone widget. The news feed joins here.
import { CarezoneFinder } from '../finder/finder.js';
import { defineElement } from '../internal/define.js';
import { CarezoneSessionRequest } from '../session-request/session-request.js';
import { CarezoneZoneCard } from '../zone-card/zone-card.js';

defineElement('carezone-finder', CarezoneFinder);
defineElement('carezone-zone-card', CarezoneZoneCard);
defineElement('carezone-session-request', CarezoneSessionRequest);
