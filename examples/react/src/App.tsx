// Defines <carezone-finder> (and <carezone-zone-card>) and <carezone-news>, once, as a side effect.
import '@carezone/widgets/define/carezone-finder';
import '@carezone/widgets/define/carezone-news';
import { pickText } from '@carezone/sdk';
import type { ZoneChangeEvent } from '@carezone/widgets';
import { useState } from 'react';

/** The Carezone server; set VITE_CAREZONE_API when you build (`npm start` serves it on port 3000). */
const API: string = import.meta.env.VITE_CAREZONE_API ?? 'http://localhost:3000';
const LANG = 'en';

export function App() {
  const [match, setMatch] = useState<ZoneChangeEvent['detail']>(null);
  return (
    <main>
      <h1>Find your care zone</h1>
      {/*
        React 19 sets `api`, `lang` and `layer` as properties of the element, and adds a prop named
        `on` + the event's exact name as a listener of that event: `oncarezone-zone-change`.
        The event's `detail` is null while there is no zone (another place is on its way, or the
        visitor has to choose between zones): forget the zone then.
      */}
      <carezone-finder
        api={API}
        lang={LANG}
        layer="bxl-care-zones"
        oncarezone-zone-change={(event) => setMatch(event.detail)}
      />
      <p id="your-zone" aria-live="polite">
        {match ? `Your zone: ${pickText(match.zone.name, LANG)}` : 'Look up your place to see your zone.'}
      </p>
      <h2>News</h2>
      {/* The state goes back into a widget as a property: the news of the chosen zone, else of all. */}
      <carezone-news api={API} lang={LANG} zone={match?.zone.id} layout="compact" limit={3} />
    </main>
  );
}
