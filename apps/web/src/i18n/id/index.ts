// Indonesian, the default language. One file per feature, so features grow without stepping on each other;
// the first screen's text (first.ts) is bundled, the rest (rest.ts) comes with the first page after it.
import first from './first';
import rest from './rest';

const id = { ...first, ...rest };
export default id;
