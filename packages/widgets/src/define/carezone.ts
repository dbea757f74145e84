// Entry of `carezone.js`: every Carezone widget. The session request form and the news feed join here.
import { CarezoneFinder } from '../finder/finder.js';
import { defineElement } from '../internal/define.js';
import { CarezoneZoneCard } from '../zone-card/zone-card.js';

defineElement('carezone-finder', CarezoneFinder);
defineElement('carezone-zone-card', CarezoneZoneCard);
