// Entry of `carezone-news.js`: the news feed only. A feed that follows a finder (`zone-source`)
// needs the finder's own script too, or `carezone.js`, which has both.
// First, so that the page's language starts downloading before the rest of the bundle runs.
import '../localization/preload.js';
import { defineElement } from '../internal/define.js';
import { CarezoneNews } from '../news/news.js';

defineElement('carezone-news', CarezoneNews);
