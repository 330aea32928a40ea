// Typed keys: a misspelt or missing string is a type error, not a blank label.
import 'i18next';
import type { resources } from './index.js';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: (typeof resources)['en'];
  }
}
