// Loaded on search intent by search-intent.ts: defines the two search elements, which upgrade in place.
import './search-box.ts';
import './search-page.ts';
