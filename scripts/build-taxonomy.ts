/**
 * Generates src/data/taxonomy.json from the MITRE ATLAS data file and the OWASP / NIST /
 * regulation identifiers in ../shared/reference/taxonomies.yaml.
 *
 * Only identifiers and names are stored (facts); MITRE's descriptions are not copied.
 * Output is stable, pretty, newline-terminated JSON so a re-run with no change is
 * byte-identical.
 *
 * Usage: npm run taxonomy -- [--atlas FILE] [--reference FILE] [--out FILE]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parse } from 'yaml';
import { buildTaxonomy } from '../src/lib/taxonomy-build.ts';

const { values } = parseArgs({
  options: {
    atlas: { type: 'string', default: '../shared/reference/atlas/ATLAS.yaml' },
    reference: { type: 'string', default: '../shared/reference/taxonomies.yaml' },
    out: { type: 'string', default: 'src/data/taxonomy.json' },
  },
});

const atlas = parse(readFileSync(values.atlas, 'utf8'));
const reference = parse(readFileSync(values.reference, 'utf8'));
const taxonomy = buildTaxonomy(atlas, reference);
writeFileSync(values.out, JSON.stringify(taxonomy, null, 2) + '\n');
const counts = Object.entries(taxonomy.schemes).map(([k, s]) => `${k}: ${s.entries.length}`);
console.log(`Wrote ${values.out} (${counts.join(', ')})`);
