/**
 * Named scoring algorithms, listed like yente's `/algorithms`: each has a description, a default
 * threshold, and features with default weights. Weights may be overridden per call; an unknown
 * algorithm or feature name is an error (yente answers 400).
 *
 * Main features: the result's base score is the best of them (feature score × weight).
 * Qualifiers: added to (negative: taken from) the base score; the result is clamped to [0, 1].
 */
import { UsageError } from '../errors.js';

export type FeatureRole = 'main' | 'qualifier';

export interface FeatureDefinition {
  readonly description: string;
  readonly weight: number;
  readonly role: FeatureRole;
}

export interface AlgorithmDefinition {
  readonly name: string;
  readonly description: string;
  readonly threshold: number;
  readonly features: Readonly<Record<string, FeatureDefinition>>;
}

const NAME_FEATURES = {
  name_match: {
    role: 'main',
    weight: 1,
    description:
      'Best similarity between any query name and any candidate name (name, alias, previous name): name parts aligned regardless of order, across scripts, with initials, spelling variants and run-together words; unmatched query words count fully, unmatched candidate words lightly.',
  },
  weak_alias_match: {
    role: 'main',
    weight: 0.8,
    description:
      'Best similarity against a weak alias of the candidate (low-quality a.k.a.); counts at most 0.8.',
  },
  number_mismatch: {
    role: 'qualifier',
    weight: -0.4,
    description:
      'The best-matching names carry different numbers ("SEA PRIDE 2" vs "SEA PRIDE 5", "Fund I" vs "Fund").',
  },
  legal_form_mismatch: {
    role: 'qualifier',
    weight: -0.35,
    description: 'The best-matching names carry legal forms of different families (AG vs GmbH, LLC vs ANO).',
  },
} as const satisfies Record<string, FeatureDefinition>;

const ALGORITHMS: readonly AlgorithmDefinition[] = [
  {
    name: 'tangle-v1',
    description:
      'Name-part alignment with transliteration and consonant skeletons for non-Latin scripts, legal forms and titles set aside, numbers compared; identifiers as strong evidence; birth date, country and gender disagreements as penalties.',
    threshold: 0.7,
    features: {
      ...NAME_FEATURES,
      identifier_match: {
        role: 'main',
        weight: 0.95,
        description: 'A unique identifier agrees (IMO, MMSI, LEI, SWIFT/BIC, INN, OGRN, ISIN, ICAO, DUNS…).',
      },
      identifier_generic_match: {
        role: 'main',
        weight: 0.85,
        description:
          'Another identifier value agrees (passport, national ID, tax or registration number…), whichever property holds it.',
      },
      identifier_mismatch: {
        role: 'qualifier',
        weight: -0.35,
        description: 'Both carry a unique identifier of the same kind (e.g. IMO) and the values differ.',
      },
      dob_year_disjoint: {
        role: 'qualifier',
        weight: -0.15,
        description: 'Both have birth dates and no year agrees.',
      },
      dob_day_disjoint: {
        role: 'qualifier',
        weight: -0.25,
        description: 'Both have full birth dates and none agrees (day and month may be swapped).',
      },
      country_mismatch: {
        role: 'qualifier',
        weight: -0.25,
        description:
          'Both have countries (country, nationality, citizenship, jurisdiction, flag) and none agrees.',
      },
      gender_mismatch: {
        role: 'qualifier',
        weight: -0.2,
        description: 'Both have a gender and they differ.',
      },
    },
  },
  {
    name: 'name-only',
    description:
      'Only the names: the tangle-v1 name comparison without identifiers, dates, countries or gender.',
    threshold: 0.7,
    features: { ...NAME_FEATURES },
  },
  {
    name: 'jaro-winkler',
    description:
      'Baseline: Jaro-Winkler similarity of the normalised names with words sorted, best over all name pairs; no transliteration beyond ASCII folding, no other evidence.',
    threshold: 0.9,
    features: {
      name_jaro_winkler: {
        role: 'main',
        weight: 1,
        description: 'Jaro-Winkler similarity of sorted, normalised names.',
      },
    },
  },
];

export const DEFAULT_ALGORITHM = 'tangle-v1';
export const BEST_ALGORITHM = 'tangle-v1';

export function getAlgorithm(name: string = DEFAULT_ALGORITHM): AlgorithmDefinition {
  const key = name === 'best' || name === 'default' ? BEST_ALGORITHM : name;
  const algo = ALGORITHMS.find((a) => a.name === key);
  if (!algo) {
    throw new UsageError(`unknown algorithm "${name}"; known: ${ALGORITHMS.map((a) => a.name).join(', ')}`);
  }
  return algo;
}

/** The list in the shape of yente's GET /algorithms. */
export function listAlgorithms(): {
  algorithms: {
    name: string;
    description: string;
    threshold: number;
    features: Record<string, { description: string; weight: number; role: FeatureRole }>;
  }[];
  default: string;
  best: string;
} {
  return {
    algorithms: ALGORITHMS.map((a) => ({
      name: a.name,
      description: a.description,
      threshold: a.threshold,
      features: Object.fromEntries(Object.entries(a.features).map(([k, f]) => [k, { ...f }])),
    })),
    default: DEFAULT_ALGORITHM,
    best: BEST_ALGORITHM,
  };
}

/**
 * What is wrong with overriding a feature's weight with `value`, if anything. Main features add
 * evidence and qualifiers take it away: a weight of the other sign would turn a match into a
 * penalty or a disagreement into a bonus.
 */
export function weightProblem(
  algo: AlgorithmDefinition,
  feature: string,
  value: unknown,
): string | undefined {
  const f = Object.hasOwn(algo.features, feature) ? algo.features[feature] : undefined;
  if (!f)
    return `algorithm ${algo.name} has no feature "${feature}"; features: ${Object.keys(algo.features).join(', ')}`;
  if (typeof value !== 'number' || !Number.isFinite(value)) return 'must be a finite number';
  if (f.role === 'main' && value < 0)
    return `must be ≥ 0 (${feature} adds evidence; its default is ${f.weight})`;
  if (f.role === 'qualifier' && value > 0)
    return `must be ≤ 0 (${feature} is a penalty; its default is ${f.weight})`;
  return undefined;
}

/** Feature weights of an algorithm with overrides applied; unknown feature names are an error. */
export function resolveWeights(
  algo: AlgorithmDefinition,
  overrides?: Readonly<Record<string, number>>,
): Record<string, number> {
  const weights: Record<string, number> = {};
  for (const [k, f] of Object.entries(algo.features)) weights[k] = f.weight;
  for (const [k, v] of Object.entries(overrides ?? {})) {
    const problem = weightProblem(algo, k, v);
    if (problem)
      throw new UsageError(problem.startsWith('algorithm') ? problem : `weight of "${k}" ${problem}`);
    weights[k] = v;
  }
  return weights;
}
