// d3's own package is marked free of side effects, so a production build that imports
// `select` from 'd3' drops the `.transition()`/`.interrupt()` methods that d3-transition
// adds to every selection. Importing d3-transition here, for its side effect, keeps them.
// Every `select` in the app comes from this module (eslint enforces it).
import 'd3-transition';

export { select, selectAll } from 'd3';
