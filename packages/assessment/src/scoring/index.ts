/**
 * Pure scoring for `@hearth/assessment/scoring`: no Lit, no DOM, no I/O. It runs in browsers and in
 * Node, where the lead receiver re-scores submitted answers with it.
 *
 * Every rule here is the published one (see the citation on each export); Hearth adds only the
 * missing-item policy for the PCL-5 (incomplete, never a partial sum), because the VA publishes
 * none. Invalid input throws a `RangeError` whose message names the item and the value, so bad
 * data is never scored silently.
 *
 * @module
 */
import { pcPtsd5Instrument } from '../instruments/pc-ptsd-5.js';
import { pcl5Instrument } from '../instruments/pcl-5.js';
import { phq9Item9Instrument } from '../instruments/phq9-item9.js';
import { gad7Items, gad7Scoring, phq9Items, phq9Scoring } from '../instruments/bands.js';
import type {
  CountYesScoring,
  InstrumentDefinition,
  InstrumentScoring,
  SafetyTriggerScoring,
  SumBandsScoring,
  SumScoring,
} from '../instruments/types.js';

// So a partner can type a definition for `scoreInstrument()` from this subpath alone.
export type {
  ChangeThresholds,
  ClusterRule,
  CountYesScoring,
  InstrumentDefinition,
  InstrumentGate,
  InstrumentItem,
  InstrumentOption,
  InstrumentScoring,
  OptionValueFor,
  SafetyTriggerScoring,
  ScoreBand,
  SumBandsScoring,
  SumScoring,
  TranslationKey,
} from '../instruments/types.js';
export { gad7Scoring, phq9Scoring };
// The registry of instruments by id: the receiver re-scores any registered instrument with it.
export { instrumentIds } from '../instruments/registry.js';
export { definitionProblems, registerInstrument, scoringShapeById, type ScoringShape } from '../instruments/check.js';

// ---------------------------------------------------------------------------------------------
// Public types
// ---------------------------------------------------------------------------------------------

/** Options shared by the screens that have a configurable cut point. */
export interface CutPointOptions {
  /** Overrides the instrument's default cut point. Inclusive: a score equal to it is positive. */
  readonly cutPoint?: number;
}

/**
 * PC-PTSD-5 answers (Prins et al. 2016): the trauma-exposure gate and items 1–5 in order,
 * `true` for "Yes". When `exposure` is `false` the items are ignored.
 */
export interface PcPtsd5Answers {
  readonly exposure: boolean;
  readonly items: readonly boolean[];
}

/**
 * Result of a count-of-yes screen (PC-PTSD-5, Prins et al. 2016). Binary by design: positive or
 * negative, never a severity band.
 */
export interface CountYesResult {
  /** Count of "yes" answers to the items; 0 when the gate was answered "no". */
  readonly score: number;
  /** `score >= cutPoint`. */
  readonly positive: boolean;
  /** The cut point that was applied. */
  readonly cutPoint: number;
}

/** Result of `scorePcPtsd5` (Prins et al. 2016). */
export type PcPtsd5Result = CountYesResult;

/** One PCL-5 answer: a rating 0 (Not at all) to 4 (Extremely), or `null`/`undefined` if unanswered. */
export type Pcl5Answer = number | null | undefined;

/** DSM-5 symptom clusters on the PCL-5: B items 1–5, C 6–7, D 8–14, E 15–20. */
export type Pcl5Cluster = 'B' | 'C' | 'D' | 'E';

/**
 * A scored, complete PCL-5 (VA National Center for PTSD PCL-5 scoring). The provisional diagnosis
 * and probable PTSD are separate outcomes; report both.
 */
export interface Pcl5CompleteResult {
  readonly complete: true;
  /** Sum of the 20 items, 0–80. */
  readonly total: number;
  /** Cluster severities: B 0–20, C 0–8, D 0–28, E 0–24. */
  readonly clusters: Readonly<Record<Pcl5Cluster, number>>;
  /** DSM-5 cluster rule on items rated 2 or more: at least 1 B, 1 C, 2 D and 2 E. */
  readonly provisionalDiagnosis: boolean;
  /** `total >= cutPoint`. */
  readonly probablePtsd: boolean;
  /** The cut point that was applied. */
  readonly cutPoint: number;
}

/** A sum-scored instrument with unanswered items: not scored, never a partial sum (Hearth policy). */
export interface IncompleteResult {
  readonly complete: false;
  /** How many items were answered. */
  readonly answered: number;
}

/** Result of `scorePcl5`, discriminated on `complete`. */
export type Pcl5Result = Pcl5CompleteResult | IncompleteResult;

/** A scored, complete sum instrument (the generic form of `Pcl5CompleteResult`). */
export interface SumCompleteResult {
  readonly complete: true;
  readonly total: number;
  /** Severity (sum) of each cluster declared by the items, in order of first appearance. */
  readonly clusters: Readonly<Record<string, number>>;
  /** Whether the definition's `clusterRule` is met; `null` when it declares none. */
  readonly clusterRuleMet: boolean | null;
  /** `total >= cutPoint`. */
  readonly positive: boolean;
  readonly cutPoint: number;
}

/** Result of a sum instrument, discriminated on `complete`. */
export type SumResult = SumCompleteResult | IncompleteResult;

/** A scored, complete `sum-bands` instrument (PHQ-9, GAD-7, or a partner's). */
export interface SumBandsCompleteResult<Severity extends string = string> {
  readonly complete: true;
  /** Sum of the items. */
  readonly total: number;
  /** The id of the band the total falls in. */
  readonly severity: Severity;
  /** `total >= cutPoint`. */
  readonly positive: boolean;
  /** The cut point that was applied. */
  readonly cutPoint: number;
}

/** Result of a `sum-bands` instrument, discriminated on `complete`: never a partial sum. */
export type SumBandsResult<Severity extends string = string> = SumBandsCompleteResult<Severity> | IncompleteResult;

/** PHQ-9 severity (Kroenke et al. 2001): totals 0–4, 5–9, 10–14, 15–19, 20–27. */
export type Phq9Severity = 'none-minimal' | 'mild' | 'moderate' | 'moderately-severe' | 'severe';

/** A complete PHQ-9: the total, its severity, the screen and item 9 (the safety item). */
export interface Phq9CompleteResult extends SumBandsCompleteResult<Phq9Severity> {
  /** The answer to item 9, 0–3: any answer above 0 is a safety trigger, whatever the total. */
  readonly item9: number;
}

/** Result of `scorePhq9`, discriminated on `complete`. */
export type Phq9Result = Phq9CompleteResult | IncompleteResult;

/** GAD-7 severity (Spitzer et al. 2006): totals 0–4, 5–9, 10–14, 15–21. */
export type Gad7Severity = 'minimal' | 'mild' | 'moderate' | 'severe';

/** Result of `scoreGad7`, discriminated on `complete`. */
export type Gad7Result = SumBandsResult<Gad7Severity>;

/** One PHQ-9 or GAD-7 answer: 0 Not at all … 3 Nearly every day, or `null`/`undefined` if unanswered. */
export type FourPointAnswer = number | null | undefined;

/** Thresholds for `comparePcl5`; defaults 5 and 10 (VA National Center for PTSD). */
export interface Pcl5ChangeOptions {
  /** A drop of at least this many points is a response; a rise of at least this many is worsening. */
  readonly response?: number;
  /** A drop of at least this many points is clinically meaningful. */
  readonly meaningful?: number;
}

/** Change between two PCL-5 administrations. Improvement is a decrease. */
export interface Pcl5Change {
  /** `followUp - baseline`; negative means fewer symptoms. */
  readonly change: number;
  /** `change < 0`. */
  readonly improved: boolean;
  /** Dropped by at least the response threshold. */
  readonly response: boolean;
  /** Dropped by at least the clinically meaningful threshold. */
  readonly clinicallyMeaningful: boolean;
  /** Rose by at least the response threshold. */
  readonly worsened: boolean;
}

/** PHQ-9 item 9 answer: 0 Not at all, 1 Several days, 2 More than half the days, 3 Nearly every day. */
export type Phq9Item9Answer = 0 | 1 | 2 | 3;

/** Result of a safety question. A trigger, not a risk score. */
export interface SafetyResult {
  /** Show the crisis resources first and flag the lead for urgent follow-up. */
  readonly triggered: boolean;
}

/**
 * Answers to any instrument, keyed by item id (and by `gate.id` for a gated screen): booleans for
 * a count-yes instrument, numbers otherwise; `null` or `undefined` when unanswered. Keys that are
 * not in the definition are ignored.
 */
export type InstrumentAnswers<Scoring extends InstrumentScoring = InstrumentScoring> = Readonly<
  Record<string, Scoring extends CountYesScoring ? boolean | null | undefined : number | null | undefined>
>;

/** The result `scoreInstrument` returns for a scoring rule. */
export type InstrumentResult<Scoring extends InstrumentScoring = InstrumentScoring> = Scoring extends CountYesScoring
  ? CountYesResult
  : Scoring extends SumScoring
    ? SumResult
    : Scoring extends SafetyTriggerScoring
      ? SafetyResult
      : Scoring extends SumBandsScoring
        ? SumBandsResult
        : never;

// ---------------------------------------------------------------------------------------------
// Typed wrappers for the built-in instruments
// ---------------------------------------------------------------------------------------------

/**
 * Scores the PC-PTSD-5 (Prins et al. 2016; VA National Center for PTSD).
 *
 * - The score is the count of "yes" answers to items 1–5 (0–5).
 * - The exposure question is a gate, never a point: exposure `false` scores 0 whatever the items.
 * - Positive when `score >= cutPoint` (inclusive). Default 3, the VA public self-screen's; current
 *   VA text calls 4 the best balance overall. Published range 3–4.
 *
 * @throws {RangeError} if `cutPoint` is not an integer from 3 to 4, if `exposure` is not a boolean,
 *   or, when `exposure` is `true`, if `items` is not exactly 5 booleans.
 */
export function scorePcPtsd5(
  answers: PcPtsd5Answers,
  { cutPoint = pcPtsd5Instrument.scoring.cutPoint }: CutPointOptions = {},
): PcPtsd5Result {
  const definition = pcPtsd5Instrument;
  const scoring: CountYesScoring = { ...definition.scoring, cutPoint };
  return scoreCountYes(definition, scoring, answers.exposure, () => {
    if (!Array.isArray(answers.items)) {
      throw new RangeError(`${definition.abbreviation} items must be an array of 5 booleans; got ${show(answers.items)}`);
    }
    return answers.items;
  });
}

/**
 * Scores the PCL-5 (Weathers et al. 2013; VA National Center for PTSD PCL-5 scoring).
 *
 * - Total: the sum of the 20 items (0–80); cluster severities B 1–5, C 6–7, D 8–14, E 15–20.
 * - Provisional DSM-5 diagnosis: items rated 2 ("Moderately") or higher are endorsed; it needs at
 *   least 1 B, 1 C, 2 D and 2 E, independent of the total.
 * - Probable PTSD: `total >= cutPoint` (inclusive); default 33 (the VA gives 31–33).
 * - Missing items (`null`/`undefined`): `{ complete: false, answered }`, never a partial sum. The VA
 *   publishes no missing-item rule; this is Hearth's policy.
 *
 * @throws {RangeError} if `items` is not 20 long, if an answer is not an integer from 0 to 4 (the
 *   message names the item number and value), or if `cutPoint` is not an integer from 31 to 33.
 */
export function scorePcl5(items: readonly Pcl5Answer[], { cutPoint = pcl5Instrument.scoring.cutPoint }: CutPointOptions = {}): Pcl5Result {
  const definition = pcl5Instrument;
  if (!Array.isArray(items)) {
    throw new RangeError(`${definition.abbreviation} items must be an array; got ${show(items)}`);
  }
  const result = scoreSum(definition, { ...definition.scoring, cutPoint }, items);
  if (!result.complete) return result;
  const cluster = (id: Pcl5Cluster): number => {
    const severity = result.clusters[id];
    // The PCL-5 definition declares all four clusters; reaching this is a definition bug.
    if (severity === undefined) throw new Error(`PCL-5 definition has no cluster ${id}`);
    return severity;
  };
  return {
    complete: true,
    total: result.total,
    clusters: {
      B: cluster('B'),
      C: cluster('C'),
      D: cluster('D'),
      E: cluster('E'),
    },
    provisionalDiagnosis: result.clusterRuleMet === true,
    probablePtsd: result.positive,
    cutPoint: result.cutPoint,
  };
}

/**
 * Compares two PCL-5 totals (VA National Center for PTSD PCL-5 scoring). Improvement is a
 * decrease: a drop of 5 or more is the usual minimum for a response, and a drop of 10 or more is
 * clinically meaningful. Both thresholds are configurable, as newer studies suggest larger ones.
 * A rise of at least the response threshold is reported as `worsened`.
 *
 * @throws {RangeError} if a total is not an integer from 0 to 80, or a threshold is not an integer
 *   from 1 to 80.
 */
export function comparePcl5(
  baselineTotal: number,
  followUpTotal: number,
  { response = pcl5Instrument.scoring.change.response, meaningful = pcl5Instrument.scoring.change.meaningful }: Pcl5ChangeOptions = {},
): Pcl5Change {
  const max = pcl5Instrument.items.length * pcl5Instrument.scoring.itemMax;
  assertIntegerIn(baselineTotal, 0, max, 'PCL-5 baseline total');
  assertIntegerIn(followUpTotal, 0, max, 'PCL-5 follow-up total');
  // A threshold of 0 would call "no change" a response.
  assertIntegerIn(response, 1, max, 'PCL-5 response threshold');
  assertIntegerIn(meaningful, 1, max, 'PCL-5 clinically meaningful threshold');
  const change = followUpTotal - baselineTotal;
  return {
    change,
    improved: change < 0,
    response: -change >= response,
    clinicallyMeaningful: -change >= meaningful,
    worsened: change >= response,
  };
}

/**
 * Evaluates PHQ-9 item 9 as a safety question (Kroenke et al. 2001; Hearth clinical reference).
 * Any answer above 0 ("Not at all") triggers the crisis resources. It is a trigger, not a risk
 * score.
 *
 * @throws {RangeError} if the answer is not 0, 1, 2 or 3.
 */
export function evaluateSafety(phq9Item9: Phq9Item9Answer): SafetyResult {
  return scoreSafety(phq9Item9Instrument, phq9Item9Instrument.scoring, [phq9Item9]);
}

/**
 * Scores the PHQ-9 (Kroenke K, Spitzer RL, Williams JBW. J Gen Intern Med 2001;16(9):606–613).
 *
 * - Total: the sum of the nine items, each 0–3 (0–27).
 * - Severity: 0–4 `none-minimal`, 5–9 `mild`, 10–14 `moderate`, 15–19 `moderately-severe`,
 *   20–27 `severe`.
 * - Positive when `total >= cutPoint` (inclusive); default 10, published range 8–12.
 * - `item9` is the answer to item 9, the safety item: any answer above 0 triggers the crisis
 *   resources whatever the total (see `evaluateSafety`).
 * - Any item unanswered (`null`/`undefined`): `{ complete: false, answered }`, never a partial sum.
 *
 * @throws {RangeError} if `items` is not an array of 9, if an answer is not an integer from 0 to 3
 *   (the message names the item and value), or if `cutPoint` is not an integer from 8 to 12.
 */
export function scorePhq9(items: readonly FourPointAnswer[], { cutPoint = phq9Scoring.cutPoint }: CutPointOptions = {}): Phq9Result {
  const result = scoreSumBands(PHQ9, { ...phq9Scoring, cutPoint }, arrayOf(PHQ9, items));
  if (!result.complete) return result;
  return { ...result, severity: result.severity as Phq9Severity, item9: items[8] as number };
}

/**
 * Scores the GAD-7 (Spitzer RL, Kroenke K, Williams JBW, Löwe B. Arch Intern Med
 * 2006;166(10):1092–1097).
 *
 * - Total: the sum of the seven items, each 0–3 (0–21).
 * - Severity: 0–4 `minimal`, 5–9 `mild`, 10–14 `moderate`, 15–21 `severe`.
 * - Positive when `total >= cutPoint` (inclusive); default 10, published range 8–12.
 * - Any item unanswered: `{ complete: false, answered }`, never a partial sum.
 *
 * @throws {RangeError} if `items` is not an array of 7, if an answer is not an integer from 0 to 3,
 *   or if `cutPoint` is not an integer from 8 to 12.
 */
export function scoreGad7(items: readonly FourPointAnswer[], { cutPoint = gad7Scoring.cutPoint }: CutPointOptions = {}): Gad7Result {
  return scoreSumBands(GAD7, { ...gad7Scoring, cutPoint }, arrayOf(GAD7, items)) as Gad7Result;
}

/** What the engine needs to name an item in an error. */
interface ScoredShape {
  readonly abbreviation: string;
  readonly items: readonly { readonly id: string }[];
}

/** What the engine needs of the PHQ-9 and GAD-7 to score them and name their items in errors. */
const PHQ9: ScoredShape = { abbreviation: 'PHQ-9', items: phq9Items };
const GAD7: ScoredShape = { abbreviation: 'GAD-7', items: gad7Items };

function arrayOf(definition: ScoredShape, items: unknown): readonly unknown[] {
  if (!Array.isArray(items)) {
    throw new RangeError(`${definition.abbreviation} items must be an array of ${definition.items.length}; got ${show(items)}`);
  }
  return items;
}

// ---------------------------------------------------------------------------------------------
// Generic scoring of instrument definitions
// ---------------------------------------------------------------------------------------------

/**
 * Scores any instrument definition by its declared scoring rule, so a partner can add an
 * instrument as data without forking. The built-in wrappers share this engine, so
 * `scorePcPtsd5`, `scorePcl5` and `evaluateSafety` agree with it.
 *
 * - `count-yes` (PC-PTSD-5, Prins et al. 2016): count of `true` items; a `false` gate scores 0;
 *   positive at `score >= cutPoint`. Every item must be a boolean once the gate is passed.
 * - `sum` (PCL-5, VA National Center for PTSD scoring): total, cluster severities and optional
 *   cluster rule; `{ complete: false, answered }` if any item is unanswered.
 * - `safety-trigger` (PHQ-9 item 9): triggered when any answer is at or above `threshold`; every
 *   item must be answered with one of the definition's option values.
 *
 * To change a cut point, pass a copy: `{ ...def, scoring: { ...def.scoring, cutPoint: 4 } }`.
 *
 * @throws {RangeError} on an invalid answer or an inconsistent definition.
 * @throws {TypeError} on an unknown scoring kind or answers that are not an object.
 */
export function scoreInstrument<Scoring extends InstrumentScoring>(
  definition: InstrumentDefinition<Scoring>,
  answers: InstrumentAnswers<Scoring>,
): InstrumentResult<Scoring> {
  const scoring: InstrumentScoring = definition.scoring;
  const general: InstrumentDefinition = definition;
  assertDefinition(general);
  if (typeof answers !== 'object' || answers === null || Array.isArray(answers)) {
    throw new TypeError(`${general.abbreviation} answers must be an object keyed by item id; got ${show(answers)}`);
  }
  const answerOf = (id: string): unknown => (Object.hasOwn(answers, id) ? answers[id] : undefined);
  const values = (): readonly unknown[] => general.items.map((item) => answerOf(item.id));
  let result: CountYesResult | SumResult | SafetyResult | SumBandsResult;
  switch (scoring.kind) {
    case 'count-yes':
      result = scoreCountYes(general, scoring, general.gate === undefined ? true : answerOf(general.gate.id), values);
      break;
    case 'sum':
      result = scoreSum(general, scoring, values());
      break;
    case 'safety-trigger':
      result = scoreSafety(general, scoring, values());
      break;
    case 'sum-bands':
      result = scoreSumBands(general, scoring, values());
      break;
    default:
      throw new TypeError(`${general.abbreviation} has an unknown scoring kind ${show((scoring as { kind: unknown }).kind)}`);
  }
  // The switch on `definition.scoring.kind` is what the conditional type expresses.
  return result as InstrumentResult<Scoring>;
}

// ---------------------------------------------------------------------------------------------
// Engine
// ---------------------------------------------------------------------------------------------

/** `values` is a thunk so that a "no" gate ignores the items entirely, whatever they are. */
function scoreCountYes(
  definition: InstrumentDefinition,
  scoring: CountYesScoring,
  gateAnswer: unknown,
  values: () => readonly unknown[],
): CountYesResult {
  const { abbreviation, gate, items } = definition;
  const { cutPoint } = scoring;
  assertCutPoint(scoring, 0, items.length, abbreviation);
  if (gate !== undefined) {
    if (typeof gateAnswer !== 'boolean') {
      throw new RangeError(`${abbreviation} ${gate.id} answer must be true or false; got ${show(gateAnswer)}`);
    }
    // Prins et al. 2016: exposure "No" means a score of 0 and the screen stops.
    if (!gateAnswer) return { score: 0, positive: 0 >= cutPoint, cutPoint };
  }
  const answers = values();
  if (answers.length !== items.length) {
    const when = gate === undefined ? '' : ` when ${gate.id} is true`;
    throw new RangeError(`${abbreviation} needs exactly ${items.length} true/false item answers${when}; got ${answers.length}`);
  }
  let score = 0;
  for (let index = 0; index < items.length; index++) {
    const answer = answers[index];
    if (typeof answer !== 'boolean') {
      throw new RangeError(`${itemLabel(definition, index)} must be true or false; got ${show(answer)}`);
    }
    if (answer) score++;
  }
  return { score, positive: score >= cutPoint, cutPoint };
}

function scoreSum(definition: InstrumentDefinition, scoring: SumScoring, answers: readonly unknown[]): SumResult {
  const { abbreviation, items } = definition;
  const { itemMin, itemMax, cutPoint, clusterRule } = scoring;
  assertCutPoint(scoring, items.length * itemMin, items.length * itemMax, abbreviation);
  if (answers.length !== items.length) {
    throw new RangeError(`${abbreviation} needs exactly ${items.length} item answers; got ${answers.length}`);
  }
  const ratings: number[] = [];
  // Indexed loop rather than forEach/map: holes in a sparse array are unanswered items too.
  for (let index = 0; index < items.length; index++) {
    const answer = answers[index];
    if (answer === null || answer === undefined) continue;
    if (!isIntegerIn(answer, itemMin, itemMax)) {
      throw new RangeError(`${itemLabel(definition, index)} must be an integer from ${itemMin} to ${itemMax}; got ${show(answer)}`);
    }
    ratings[index] = answer;
  }
  // Validate every answer before reporting incompleteness, so bad data is never masked.
  const answered = ratings.filter((rating) => rating !== undefined).length;
  if (answered < items.length) return { complete: false, answered };

  let total = 0;
  const severity = new Map<string, number>();
  const endorsed = new Map<string, number>();
  items.forEach((item, index) => {
    const rating = ratings[index] ?? 0;
    total += rating;
    if (item.cluster === undefined) return;
    severity.set(item.cluster, (severity.get(item.cluster) ?? 0) + rating);
    if (clusterRule !== undefined && rating >= clusterRule.endorsedAt) {
      endorsed.set(item.cluster, (endorsed.get(item.cluster) ?? 0) + 1);
    }
  });
  const clusterRuleMet =
    clusterRule === undefined
      ? null
      : Object.entries(clusterRule.minEndorsed).every(([cluster, minimum]) => (endorsed.get(cluster) ?? 0) >= minimum);
  return {
    complete: true,
    total,
    clusters: Object.fromEntries(severity),
    clusterRuleMet,
    positive: total >= cutPoint,
    cutPoint,
  };
}

/**
 * `sum-bands` (PHQ-9, GAD-7): the total, its band, and the screen. Answers are checked before
 * incompleteness is reported, so bad data is never masked by a missing item.
 */
function scoreSumBands(definition: ScoredShape, scoring: SumBandsScoring, answers: readonly unknown[]): SumBandsResult {
  const { abbreviation, items } = definition;
  const { itemMin, itemMax, cutPoint, bands } = scoring;
  assertCutPoint(scoring, items.length * itemMin, items.length * itemMax, abbreviation);
  if (answers.length !== items.length) {
    throw new RangeError(`${abbreviation} needs exactly ${items.length} item answers; got ${answers.length}`);
  }
  let total = 0;
  let answered = 0;
  for (let index = 0; index < items.length; index++) {
    const answer = answers[index];
    if (answer === null || answer === undefined) continue;
    if (!isIntegerIn(answer, itemMin, itemMax)) {
      throw new RangeError(`${itemLabel(definition, index)} must be an integer from ${itemMin} to ${itemMax}; got ${show(answer)}`);
    }
    total += answer;
    answered++;
  }
  if (answered < items.length) return { complete: false, answered };
  const band = bands.find((b) => total >= b.min && total <= b.max);
  // assertDefinition checks that the bands cover every total; the built-ins are tested to.
  if (!band) throw new RangeError(`${abbreviation} has no severity band for a total of ${total}`);
  return { complete: true, total, severity: band.id, positive: total >= cutPoint, cutPoint };
}

function scoreSafety(definition: InstrumentDefinition, scoring: SafetyTriggerScoring, answers: readonly unknown[]): SafetyResult {
  const allowed = definition.options.map((option) => option.value);
  let triggered = false;
  definition.items.forEach((_, index) => {
    const answer = answers[index];
    // Unanswered is an error, not "no trigger": a safety question must never fail silently.
    if (typeof answer !== 'number' || !allowed.includes(answer)) {
      throw new RangeError(`${itemLabel(definition, index)} must be one of ${allowed.join(', ')}; got ${show(answer)}`);
    }
    if (answer >= scoring.threshold) triggered = true;
  });
  return { triggered };
}

/** Checks what the type system cannot when a definition arrives as JSON from a partner. */
function assertDefinition(definition: InstrumentDefinition): void {
  const name = typeof definition.abbreviation === 'string' ? definition.abbreviation : 'Instrument';
  if (!Array.isArray(definition.items) || definition.items.length === 0) {
    throw new RangeError(`${name} definition must have at least one item`);
  }
  const ids = new Set<string>();
  for (const { id } of [...definition.items, ...(definition.gate ? [definition.gate] : [])]) {
    if (typeof id !== 'string' || id === '' || ids.has(id)) {
      throw new RangeError(`${name} definition has a missing or duplicate id ${show(id)}`);
    }
    ids.add(id);
  }
  const { scoring } = definition;
  if (scoring.kind === 'sum') {
    const { itemMin, itemMax } = scoring;
    if (!Number.isInteger(itemMin) || !Number.isInteger(itemMax) || itemMin > itemMax) {
      throw new RangeError(`${name} itemMin and itemMax must be integers, itemMin <= itemMax; got ${show(itemMin)} and ${show(itemMax)}`);
    }
    if (scoring.clusterRule !== undefined) {
      const rule = scoring.clusterRule;
      assertIntegerIn(rule.endorsedAt, scoring.itemMin, scoring.itemMax, `${name} endorsedAt`);
      for (const [cluster, minimum] of Object.entries(rule.minEndorsed)) {
        const size = definition.items.filter((item) => item.cluster === cluster).length;
        if (size === 0) {
          throw new RangeError(`${name} cluster rule names cluster ${cluster}, which has no items`);
        }
        assertIntegerIn(minimum, 0, size, `${name} minimum endorsed in cluster ${cluster}`);
      }
    }
  } else if (scoring.kind === 'sum-bands') {
    const { itemMin, itemMax, bands, cutPointRange } = scoring;
    if (!Number.isInteger(itemMin) || !Number.isInteger(itemMax) || itemMin > itemMax) {
      throw new RangeError(`${name} itemMin and itemMax must be integers, itemMin <= itemMax; got ${show(itemMin)} and ${show(itemMax)}`);
    }
    const lowest = definition.items.length * itemMin;
    const highest = definition.items.length * itemMax;
    // The bands must tile lowest..highest in order: each starts where the previous one ended.
    let next = lowest;
    for (const band of Array.isArray(bands) ? bands : []) {
      if (typeof band.id !== 'string' || band.id === '' || band.min !== next || !Number.isInteger(band.max) || band.max < band.min) {
        throw new RangeError(
          `${name} severity bands must cover ${lowest} to ${highest} in order without gaps; band ${show(band.id)} does not`,
        );
      }
      next = band.max + 1;
    }
    if (next !== highest + 1) {
      throw new RangeError(`${name} severity bands must cover ${lowest} to ${highest} in order without gaps; they end at ${next - 1}`);
    }
    if (cutPointRange !== undefined) {
      const [low, high] = Array.isArray(cutPointRange) ? cutPointRange : [];
      assertIntegerIn(low, lowest, highest, `${name} cut point range start`);
      assertIntegerIn(high, low ?? lowest, highest, `${name} cut point range end`);
    }
  } else if (scoring.kind === 'safety-trigger') {
    if (definition.options.some((option) => typeof option.value !== 'number')) {
      throw new RangeError(`${name} safety options must have numeric values`);
    }
    if (typeof scoring.threshold !== 'number' || Number.isNaN(scoring.threshold)) {
      throw new RangeError(`${name} threshold must be a number; got ${show(scoring.threshold)}`);
    }
  }
}

function itemLabel(definition: ScoredShape, index: number): string {
  const id = definition.items[index]?.id ?? '?';
  return definition.items.length === 1 ? `${definition.abbreviation} (${id})` : `${definition.abbreviation} item ${index + 1} (${id})`;
}

function isIntegerIn(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}

function assertIntegerIn(value: unknown, min: number, max: number, what: string): void {
  if (!isIntegerIn(value, min, max)) {
    throw new RangeError(`${what} must be an integer from ${min} to ${max}; got ${show(value)}`);
  }
}

/**
 * The cut point lies in the instrument's published `cutPointRange` when it has one (PC-PTSD-5 3–4,
 * PCL-5 31–33, PHQ-9 and GAD-7 8–12), otherwise anywhere in the possible scores `min`–`max`.
 */
function assertCutPoint(
  { cutPoint, cutPointRange }: { readonly cutPoint: number; readonly cutPointRange?: readonly [number, number] | undefined },
  min: number,
  max: number,
  abbreviation: string,
): void {
  const [low, high] = cutPointRange ?? [min, max];
  assertIntegerIn(cutPoint, low, high, `${abbreviation} cut point${cutPointRange ? ' (published range)' : ''}`);
}

/** Renders a bad value for an error message: strings quoted, so `'2'` is told apart from `2`. */
function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return `an array of length ${value.length}`;
  if (typeof value === 'object' && value !== null) return 'an object';
  return String(value);
}
