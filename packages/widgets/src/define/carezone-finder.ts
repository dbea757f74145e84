// Entry of `carezone-finder.js`: the zone finder and the zone card, for pages that need nothing more.
// First, so that the page's language starts downloading before the rest of the bundle runs.
import '../localization/preload.js';
import { CarezoneFinder } from '../finder/finder.js';
import { defineElement } from '../internal/define.js';
import { CarezoneZoneCard } from '../zone-card/zone-card.js';

defineElement('carezone-finder', CarezoneFinder);
defineElement('carezone-zone-card', CarezoneZoneCard);
