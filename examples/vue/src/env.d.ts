/// <reference types="vite/client" />

// What a .vue file exports, for `tsc` (which does not read .vue files; vue-tsc would).
declare module '*.vue' {
  import type { DefineComponent } from 'vue';

  const component: DefineComponent;
  export default component;
}
