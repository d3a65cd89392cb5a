/**
 * Instruments as data. A definition is a plain, JSON-serializable object (no functions, no
 * classes, no `undefined` values), so a partner can ship a new instrument as JSON and score it with
 * `scoreInstrument()` from `@hearth/assessment/scoring` without forking.
 *
 * Wording never lives here: every user-facing string is a translation key (a dotted path into
 * `translations/<lang>.json`), because the published English must stay verbatim and each
 * translation must carry its own attribution.
 *
 * @module
 */

/** A dotted path into the assessment translation files, e.g. `pcl5.items.1`. */
export type TranslationKey = string;

/** One answer choice. `labelKey` points at its label in the translation files. */
export interface InstrumentOption<Value extends boolean | number = boolean | number> {
  readonly value: Value;
  /** Where the label lives in the translation files; omitted when `languages` holds it inline. */
  readonly labelKey?: TranslationKey;
}

/** One scored question. */
export interface InstrumentItem {
  /** Stable id, also the key of this item's answer in `InstrumentAnswers`. */
  readonly id: string;
  /** Where the wording lives in the translation files; omitted when `languages` holds it inline. */
  readonly textKey?: TranslationKey;
  /**
   * Symptom cluster the item belongs to (PCL-5: DSM-5 clusters B, C, D, E). Items sharing a
   * cluster get a cluster severity (their sum), and a `clusterRule` counts endorsements per cluster.
   */
  readonly cluster?: string;
}

/**
 * A yes/no gate asked before the items (PC-PTSD-5: the trauma-exposure question). A "yes" (`true`)
 * opens the items; a "no" (`false`) scores 0 and ends the screen. The gate is never a point.
 * It is answered with the instrument's own yes/no `options`.
 */
export interface InstrumentGate {
  /** Key of the gate answer in `InstrumentAnswers`. */
  readonly id: string;
  /** Lead-in shown before the examples, e.g. "Sometimes things happen to people…". */
  readonly introKey?: TranslationKey;
  /** Examples listed after the lead-in, in order. */
  readonly exampleKeys?: readonly TranslationKey[];
  /** The gate question itself. */
  readonly textKey: TranslationKey;
}

/**
 * Count of "yes" answers (PC-PTSD-5, Prins et al. 2016). The score runs from 0 to the number of
 * items; the screen is positive when the score is at or above `cutPoint` (inclusive).
 */
export interface CountYesScoring {
  readonly kind: 'count-yes';
  /** Default cut point, an integer from 0 to the number of items. */
  readonly cutPoint: number;
  /** The published range a site may choose its cut point from, inclusive; outside it is a config error. */
  readonly cutPointRange?: readonly [number, number];
}

/**
 * DSM-5 style cluster rule (PCL-5 provisional diagnosis): an item rated `endorsedAt` or higher
 * counts as endorsed, and each listed cluster needs at least its `minEndorsed` count.
 * It is evaluated independently of the total.
 */
export interface ClusterRule {
  readonly endorsedAt: number;
  readonly minEndorsed: Readonly<Record<string, number>>;
}

/** Default thresholds for comparing two administrations; improvement is a decrease. */
export interface ChangeThresholds {
  /** A drop of at least this many points is a response; a rise of at least this many is worsening. */
  readonly response: number;
  /** A drop of at least this many points is clinically meaningful. */
  readonly meaningful: number;
}

/**
 * Sum of item ratings (PCL-5, VA National Center for PTSD scoring). Every item must be answered
 * with an integer from `itemMin` to `itemMax`; if any is missing the result is incomplete, never
 * a partial sum (the VA publishes no missing-item rule, so Hearth does not prorate).
 */
export interface SumScoring {
  readonly kind: 'sum';
  readonly itemMin: number;
  readonly itemMax: number;
  /** Default cut point on the total, inclusive. */
  readonly cutPoint: number;
  /** The published range a site may choose its cut point from, inclusive; outside it is a config error. */
  readonly cutPointRange?: readonly [number, number];
  readonly clusterRule?: ClusterRule;
  readonly change?: ChangeThresholds;
}

/**
 * A safety question whose answer at or above `threshold` triggers the crisis resources
 * (PHQ-9 item 9). It is a trigger, not a risk score.
 */
export interface SafetyTriggerScoring {
  readonly kind: 'safety-trigger';
  readonly threshold: number;
}

/** One severity band of a `sum-bands` rule: totals from `min` to `max`, inclusive. */
export interface ScoreBand {
  /** Stable id, e.g. `moderate`; the result's `severity`, and the key of its words per language. */
  readonly id: string;
  readonly min: number;
  readonly max: number;
}

/**
 * The generic rule of the PHQ-9 (Kroenke et al. 2001) and the GAD-7 (Spitzer et al. 2006): the
 * sum of the item ratings, one severity band for the total, and positive at `total >= cutPoint`
 * (inclusive). Every item must be answered; otherwise the result is incomplete, never a partial
 * sum. The bands must cover every possible total exactly once, in order.
 */
export interface SumBandsScoring {
  readonly kind: 'sum-bands';
  readonly itemMin: number;
  readonly itemMax: number;
  /** Default cut point on the total, inclusive. */
  readonly cutPoint: number;
  /**
   * The published range a site may choose its cut point from, inclusive (PHQ-9 and GAD-7: 8–12).
   * A cut point outside it is refused, naming the range.
   */
  readonly cutPointRange?: readonly [number, number];
  readonly bands: readonly ScoreBand[];
}

/** Every scoring rule `scoreInstrument()` understands, discriminated on `kind`. */
export type InstrumentScoring = CountYesScoring | SumScoring | SafetyTriggerScoring | SumBandsScoring;

/** Answers are yes/no for a count-yes instrument and numeric ratings otherwise. */
export type OptionValueFor<Scoring extends InstrumentScoring> = Scoring extends CountYesScoring ? boolean : number;

/** `official`: the publisher's wording or its official translation, verbatim. `unvalidated`: a translation no one has validated (ours). */
export type TranslationStatus = 'official' | 'unvalidated';

/**
 * One language of an instrument: whether its wording is validated, where it comes from and,
 * for a definition that arrives as JSON, the wording itself (built-ins may keep theirs in the
 * translation files and point at it with the `…Key` fields instead).
 */
export interface InstrumentLanguage {
  readonly status: TranslationStatus;
  /** Where the wording comes from, e.g. "Pfizer, official US Spanish form" or "Hearth's own translation". */
  readonly source: string;
  /** The introduction the intro page shows: what this screen is (Hearth's own words, not the instrument's). */
  readonly title?: string;
  readonly what?: string;
  readonly instructions?: string;
  readonly stem?: string;
  /** One per item, in the order of `items`. */
  readonly items?: readonly string[];
  /** One per option, in the order of `options`. */
  readonly options?: readonly string[];
  readonly gate?: string;
  readonly followUp?: { readonly text: string; readonly options: readonly string[] };
  /** The notice the publisher requires (PHQ-9, GAD-7). */
  readonly notice?: string;
  /** Results in plain words: the band of the total, by band id (sum-bands). */
  readonly bands?: Readonly<Record<string, string>>;
  /** What the result means, positive and negative, and "a screen, not a diagnosis" for this condition. */
  readonly meansPositive?: string;
  readonly meansNegative?: string;
  readonly notDiagnosis?: string;
  /**
   * The history question about talking therapy for this condition (the built-in words are about
   * trauma-focused therapy for PTSD; an instrument with its own words gets a general question).
   */
  readonly therapy?: { readonly question: string; readonly hint: string };
  /** Candidacy sentences for this condition; `{{brand}}` is the clinic's name. */
  readonly candidacy?: { readonly 'screen-negative'?: string; readonly 'first-line'?: string };
}

/**
 * A question asked after the items and never scored (the PHQ-9's difficulty question). With
 * `askWhen: 'any-item-above-min'` it is asked only when some item was rated above the lowest
 * option, as the PHQ-9 prints it ("If you checked off any problems…").
 */
export interface InstrumentFollowUp {
  /** Key of its answer among the instrument's answers. */
  readonly id: string;
  readonly askWhen: 'always' | 'any-item-above-min';
  readonly textKey?: TranslationKey;
  readonly options: readonly InstrumentOption<number>[];
}

/**
 * A complete, JSON-serializable instrument definition.
 *
 * @typeParam Scoring - the scoring rule, so that `scoreInstrument()` can infer the answer and
 *   result types of a known definition.
 */
export interface InstrumentDefinition<Scoring extends InstrumentScoring = InstrumentScoring> {
  /** Stable id, e.g. `pcl-5`; also the key in `builtInInstruments`. */
  readonly id: string;
  /** Version of the published instrument this definition follows. */
  readonly version: string;
  /** Published name, shown with the citation under a result. */
  readonly name: string;
  /** Short name, e.g. `PCL-5`; used in error messages and compact UI. */
  readonly abbreviation: string;
  /** Bibliographic citation shown under a result. */
  readonly citation: string;
  /** Who published the wording, and whether the current language is our own translation. */
  readonly attributionKey: TranslationKey;
  /** A notice the publisher requires to be shown (PHQ-9). */
  readonly noticeKey?: TranslationKey;
  /** Instructions shown before the items. */
  readonly instructionsKey?: TranslationKey;
  readonly gate?: InstrumentGate;
  /** Stem that introduces every item, e.g. "In the past month, have you...". */
  readonly stemKey?: TranslationKey;
  readonly items: readonly InstrumentItem[];
  readonly options: readonly InstrumentOption<OptionValueFor<Scoring>>[];
  readonly scoring: Scoring;
  /** About how long it takes, in minutes (the intro says so). */
  readonly minutes?: number;
  /** The licence or permission notice, in English (per language: `languages[lang].notice`). */
  readonly licence?: string;
  /** Per language: translation status and source (a notice before the first question when `unvalidated`), and inline wording. */
  readonly languages?: Readonly<Record<string, InstrumentLanguage>>;
  readonly followUp?: InstrumentFollowUp;
  /**
   * The id of the item that is the safety question (PHQ-9 item 9). It is then asked once, as an
   * item: any answer above the lowest option shows the crisis resources first and flags the lead
   * urgent; the standalone safety question is not asked again.
   */
  readonly safetyItem?: string;
}
