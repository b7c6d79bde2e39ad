// Short search terms (one or two characters: 华远, 远) have no whole trigram, so they narrow
// through customer_search's grams (migration 0018). Which way a list's first page is cheapest
// depends on how common the term is, and the planner cannot see that through the side table.
import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/client';

/**
 * Matches in the org above which a short term's page is read in sort order instead: walking
 * the list's index, a term in 1 of k customers fills 51 rows after about 51·k rows, while
 * fetching candidates costs one lookup each, so the two meet near √(51·N) — about 7,000 at a
 * million customers; lower, because a rep's branches each fetch the candidates again.
 */
export const SEARCH_CANDIDATES_MAX = 3000;

/**
 * The customer_search gram a short term is found by, or null: two characters, or one
 * non-ASCII character (customer_search_grams keeps exactly these; a single ASCII letter or
 * digit is in most customers, which the list finds by reading in sort order).
 */
export function searchGram(lowered: string): string | null {
  const characters = [...lowered];
  if (characters.length === 2) return lowered;
  if (characters.length === 1 && (lowered.codePointAt(0) ?? 0) > 127) return lowered;
  return null;
}

/**
 * Share of the org above which a short term's page is read in the list's order (walking it,
 * a term in 1 of k customers fills 51 rows after about 51·k rows). Below it, and above
 * SEARCH_CANDIDATES_MAX matches, the page is the matches sorted from customer_search alone
 * (narrow rows: 33,000 matches cost a few milliseconds), whatever their place in the order:
 * walking the list for 上海 (3%, mostly pool customers that sort last) read 29,000 rows.
 */
export const SEARCH_SORTED_MATCHES_MAX_SHARE = 0.1;

/**
 * How a list finds a short term's first page: 'candidates' (rare: fetch each match by primary
 * key), 'sorted' (middling: sort the matches in customer_search, when the list's order is the
 * one kept there), 'walk' (common: read in the list's order and check each row), or null
 * (not a short term: the like condition, through the trigram index for three characters or
 * more). One statement: the matches counted up to SEARCH_CANDIDATES_MAX + 1, and the term's
 * share from the index statistics (ANALYZE keeps the commonest grams' frequencies).
 */
export async function searchShape(
  db: Db,
  orgId: string,
  term: string | undefined,
): Promise<'candidates' | 'sorted' | 'walk' | null> {
  const gram = term ? searchGram(term.toLowerCase()) : null;
  if (!gram) return null;
  const [row] = await queryRows<{ n: number; share: number | null }>(
    db,
    sql`select (select count(*)::int from (select 1 from customer_search s
        where s.org_id = ${orgId} and customer_search_grams(s.search_text) @> array[${gram}]::text[]
        limit ${SEARCH_CANDIDATES_MAX + 1}) hits) as n,
      (select max(e.share) from pg_stats st,
          unnest(st.most_common_elems::text::text[], st.most_common_elem_freqs) e(gram, share)
        where st.schemaname = current_schema() and st.tablename = 'customer_search_grams_idx'
          and e.gram = ${gram}) as share`,
  );
  if ((row?.n ?? 0) <= SEARCH_CANDIDATES_MAX) return 'candidates';
  return (row?.share ?? 0) > SEARCH_SORTED_MATCHES_MAX_SHARE ? 'walk' : 'sorted';
}
