/**
 * How much a link is worth as evidence (docs/design-network.md): a list relationship 1.0, an
 * accepted claim 0.7, a proposed one 0.4; a hedged claim counts ×0.6; a negated claim is no link.
 * A path's weight is the sum of −ln(strength) over its steps, so the strongest path is the one
 * with the smallest weight, and a path of list links weighs 0.
 */
export const LIST_STRENGTH = 1.0;
export const ACCEPTED_STRENGTH = 0.7;
export const PROPOSED_STRENGTH = 0.4;
export const HEDGED_FACTOR = 0.6;

export function claimStrength(claim: { status: string; hedged: boolean; negated: boolean }): number {
  if (claim.negated) return 0;
  const base =
    claim.status === 'accepted' ? ACCEPTED_STRENGTH : claim.status === 'proposed' ? PROPOSED_STRENGTH : 0;
  return claim.hedged ? base * HEDGED_FACTOR : base;
}

export function strengthWeight(strength: number): number {
  return -Math.log(strength);
}
