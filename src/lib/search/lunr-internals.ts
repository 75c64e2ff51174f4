/**
 * The parts of lunr 2.3 this feature uses that @types/lunr declares wrongly (TokenSet's
 * factories as instance methods) or not at all (an index's token set and search pipeline).
 * Checked against node_modules/lunr/lunr.js; typed here once instead of cast at each use.
 */
import lunr from 'lunr';

export const TokenSet = lunr.TokenSet as unknown as {
  fromString(pattern: string): lunr.TokenSet;
  fromFuzzyString(word: string, editDistance: number): lunr.TokenSet;
  fromArray(sortedWords: readonly string[]): lunr.TokenSet;
};

interface IndexInternals {
  tokenSet: lunr.TokenSet;
  pipeline: lunr.Pipeline;
}

/** Every term of the index, as a set to intersect with a pattern. */
export const tokenSetOf = (index: lunr.Index): lunr.TokenSet => (index as unknown as IndexInternals).tokenSet;
/** The pipeline lunr runs query terms through (the stemmer). */
export const searchPipelineOf = (index: lunr.Index): lunr.Pipeline =>
  (index as unknown as IndexInternals).pipeline;
