// Entry of `carezone-finder.js`: the zone finder and the zone card, for pages that need nothing more.
import { CarezoneFinder } from '../finder/finder.js';
import { defineElement } from '../internal/define.js';
import { CarezoneZoneCard } from '../zone-card/zone-card.js';

defineElement('carezone-finder', CarezoneFinder);
defineElement('carezone-zone-card', CarezoneZoneCard);
