/**
 * Hedging and negation cues. A claim is hedged when the text attributes it to a source or marks
 * it uncertain ("U.S. officials say", "according to", "reportedly", "alleged", "calling him");
 * negated when it says the relation does not hold or reports a denial ("has not imposed",
 * "never added", "imposed no penalties", "denied financing", "no evidence that").
 */

/** Cues that hedge what follows them in their clause. */
export const HEDGE_BEFORE =
  /\b(?:according to|says?|said|say|claims?|claimed|alleges?|alleged|accused|accuses|suggested|suggests|believed|believes|reportedly|allegedly|suspected|suspects|purportedly|apparently|possibly|probably|likely|may|might|could|calling|called|saying|described|describes|named [^,.;]* as|reports?|reported that|is thought|are thought|is said|are said|charged that|testified|told)\b/i;

/** Cues right at the claim ("alleged leaders", "reportedly bought", "suspected of"). */
export const HEDGE_NEAR =
  /\b(?:reportedly|allegedly|alleged|suspected|purported|apparently|possibly|presumably|may have|might have|could have|believed to|said to|thought to|accused of)\b/i;

/** Negation between the subject and the verb, or right after the verb ("imposed no"). */
export const NEGATION_BEFORE =
  /\b(?:not|never|no longer|n't|neither|nor|denied|denies|deny|denying|refused to|declined to|failed to|without)\b/i;
export const NEGATION_AFTER = /^\s*(?:no|none of|neither)\b/i;
/** A clause that says a relation has no evidence behind it. */
export const NEGATION_CLAUSE =
  /\b(?:no evidence (?:that|of)|there is no (?:sign|indication|evidence)|did not find|found no|rejected (?:claims|allegations|reports) that|(?:denied|denies|deny|denying) that)\b/i;
