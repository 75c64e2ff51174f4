/**
 * The parties a responsibility (RACI) table can name, in column order. The two teams and the
 * joint forum are always shown; privacy & legal and the product owner only when a practice
 * gives them a role. The joint forum (the sync meeting, a review board) can be responsible,
 * consulted or informed, never accountable: accountability sits with one team or role.
 */
export const RACI_PARTIES = ['security', 'dataScience', 'privacyLegal', 'productOwner', 'shared'] as const;
export type RaciParty = (typeof RACI_PARTIES)[number];

export const RACI_CODES = ['R', 'A', 'C', 'I', 'R/A', '-'] as const;
export type RaciCode = (typeof RACI_CODES)[number];

/** What each code means, as the table's tooltips and the search index say it. */
export const RACI_CODE_NAMES: Record<RaciCode, string> = {
  R: 'responsible',
  A: 'accountable',
  C: 'consulted',
  I: 'informed',
  'R/A': 'responsible and accountable',
  '-': 'no role',
};

export const RACI_PARTY_LABELS: Record<RaciParty, string> = {
  security: 'Security',
  dataScience: 'Data science',
  privacyLegal: 'Privacy & legal',
  productOwner: 'Product owner',
  shared: 'Joint forum',
};

/** Parties shown in every table, whether or not they have a role. */
const ALWAYS_SHOWN: readonly RaciParty[] = ['security', 'dataScience', 'shared'];

/** A row once parsed: the schema gives the optional roles "-" (no role) when left out. */
export type RaciRow = Record<RaciParty, RaciCode>;

export const isAccountable = (code: RaciCode) => code === 'A' || code === 'R/A';

/** The parties a row makes accountable; a valid row has exactly one. */
export const accountableParties = (row: RaciRow): RaciParty[] =>
  RACI_PARTIES.filter((p) => isAccountable(row[p]));

/** The columns a practice's table shows: the two teams and the forum, plus any role in use. */
export const raciColumns = (rows: readonly RaciRow[]): RaciParty[] =>
  RACI_PARTIES.filter((p) => ALWAYS_SHOWN.includes(p) || rows.some((r) => r[p] !== '-'));
