// The Carezone elements in JSX: React's own HTML attributes, the widgets' properties (typed by their
// classes) and, for the finder, its event. A .ts file, not a .d.ts: `skipLibCheck` would hide its errors.
import type { CarezoneFinder, CarezoneNews, ZoneChangeEvent } from '@carezone/widgets';
import type { HTMLAttributes, RefAttributes } from 'react';

type CarezoneProps<E extends HTMLElement, Properties extends keyof E> = HTMLAttributes<E> &
  RefAttributes<E> &
  Partial<Pick<E, Properties>>;

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'carezone-finder': CarezoneProps<
        CarezoneFinder,
        'api' | 'layer' | 'postcode' | 'nis' | 'placeholder' | 'remember' | 'headingLevel'
      > & { 'oncarezone-zone-change'?: (event: ZoneChangeEvent) => void };
      'carezone-news': CarezoneProps<
        CarezoneNews,
        'api' | 'zone' | 'layer' | 'topic' | 'newsLang' | 'limit' | 'layout' | 'headingLevel'
      >;
    }
  }
}
