import {
  evaluateSafety,
  scoreInstrument,
  scorePcl5,
  scorePcPtsd5,
  scoringShapeById,
  type InstrumentDefinition,
  type Phq9Item9Answer,
  type ScoringShape,
} from '@hearth/assessment/scoring';
import type { Lead } from '@hearth/lead/schema';

/** The receiver's own scoring of the answers a lead carried (only when the site sent answers). */
export interface ServerScore {
  pcPtsd5?: { score: number; positive: boolean; cutPoint: number };
  pcl5?:
    | { complete: true; total: number; probablePtsd: boolean; provisionalDiagnosis: boolean; cutPoint: number }
    | { complete: false; answered: number };
  /**
   * Each instrument in `answers.instruments`, re-scored by id with its registered definition
   * (built-in, or registered in this process with `registerInstrument()`).
   */
  instruments?: Record<string, InstrumentScore>;
  safety?: { triggered: boolean };
  /** Answers that could not be scored (e.g. 4 items where the PC-PTSD-5 needs 5), by path. */
  errors?: { path: string; message: string }[];
}

/** One instrument's score as the receiver computed it. */
export type InstrumentScore =
  | { complete: true; score: number; positive: boolean; cutPoint: number; severity?: string; provisionalDiagnosis?: boolean }
  | { complete: false; answered: number };

export interface Rescore {
  serverScore: ServerScore | null;
  /** The client's flag, raised (never lowered) by the server's safety evaluation. */
  urgent: boolean;
  /** Paths where the client's summary or urgent flag disagrees with the server's scoring. */
  mismatches: string[];
}

/** A cut point from the client is used only when the instrument allows it; otherwise the default applies. */
function cutPointFor(lead: Lead, instrument: string, max: number, min = 0): { cutPoint?: number } {
  const summary = lead.summary;
  if (summary?.type === 'assessment' && summary.instrument === instrument && summary.cutPoint <= max && summary.cutPoint >= min) {
    return { cutPoint: summary.cutPoint };
  }
  return {};
}

/** The published range of a built-in's cut point (PC-PTSD-5 3–4, PCL-5 31–33), from its definition. */
function publishedRange(id: string): readonly [number, number] {
  const scoring = scoringShapeById(id)?.scoring;
  if (!scoring || !('cutPointRange' in scoring) || !scoring.cutPointRange) throw new RangeError(`${id} has no published cut point range`);
  return scoring.cutPointRange;
}

/** Scores one instrument's answers with its registered definition; the client's cut point only inside the published range. */
function scoreById(lead: Lead, shape: ScoringShape, answers: Readonly<Record<string, number | boolean | null>>): InstrumentScore {
  const scoring = shape.scoring;
  const [min, max] = 'cutPointRange' in scoring && scoring.cutPointRange ? scoring.cutPointRange : [0, Number.MAX_SAFE_INTEGER];
  const cut = 'cutPoint' in scoring ? (cutPointFor(lead, shape.id, max, min).cutPoint ?? scoring.cutPoint) : undefined;
  const definition = { ...shape, scoring: cut === undefined ? scoring : { ...scoring, cutPoint: cut } } as InstrumentDefinition;
  const result = scoreInstrument(definition, answers);
  if ('score' in result) return { complete: true, score: result.score, positive: result.positive, cutPoint: result.cutPoint };
  if (!('complete' in result)) throw new RangeError(`${shape.abbreviation} is a safety question, not a screen`);
  if (!result.complete) return { complete: false, answered: result.answered };
  const out: InstrumentScore = { complete: true, score: result.total, positive: result.positive, cutPoint: result.cutPoint };
  if ('severity' in result) out.severity = result.severity;
  if ('clusterRuleMet' in result && result.clusterRuleMet !== null) out.provisionalDiagnosis = result.clusterRuleMet;
  return out;
}

/**
 * Re-scores the answers with `@hearth/assessment/scoring` (the same code the widget runs) and
 * compares the result with the client's summary. A disagreement is stored as a flag, never a
 * refusal: the lead is a person asking for help, and the clinic must see it either way.
 */
export function rescoreLead(lead: Lead): Rescore {
  const answers = lead.answers;
  if (!answers) return { serverScore: null, urgent: lead.urgent, mismatches: [] };
  const score: ServerScore = {};
  const errors: { path: string; message: string }[] = [];
  const attempt = (path: string, fn: () => void) => {
    try {
      fn();
    } catch (error) {
      errors.push({ path, message: error instanceof Error ? error.message : String(error) });
    }
  };
  if (answers.pcPtsd5) {
    const pc = answers.pcPtsd5;
    attempt('answers.pcPtsd5', () => {
      // Only inside the published range (3–4): a tampered cut point never makes a screen positive.
      const [min, max] = publishedRange('pc-ptsd-5');
      const r = scorePcPtsd5(pc, cutPointFor(lead, 'pc-ptsd-5', max, min));
      score.pcPtsd5 = { score: r.score, positive: r.positive, cutPoint: r.cutPoint };
    });
  }
  if (answers.pcl5) {
    const items = answers.pcl5;
    attempt('answers.pcl5', () => {
      // Only inside the published range (31–33): a total of 20 is never "probable PTSD".
      const [min, max] = publishedRange('pcl-5');
      const r = scorePcl5(items, cutPointFor(lead, 'pcl-5', max, min));
      score.pcl5 = r.complete
        ? {
            complete: true,
            total: r.total,
            probablePtsd: r.probablePtsd,
            provisionalDiagnosis: r.provisionalDiagnosis,
            cutPoint: r.cutPoint,
          }
        : { complete: false, answered: r.answered };
    });
  }
  if (answers.phq9Item9 !== undefined) {
    const item = answers.phq9Item9 as Phq9Item9Answer;
    attempt('answers.phq9Item9', () => {
      score.safety = evaluateSafety(item);
    });
  }
  const triggers: boolean[] = [];
  for (const [id, own] of Object.entries(answers.instruments ?? {})) {
    attempt(`answers.instruments.${id}`, () => {
      const shape = scoringShapeById(id);
      if (!shape) throw new RangeError(`"${id}" is not an instrument this receiver knows; register it with registerInstrument()`);
      (score.instruments ??= {})[id] = scoreById(lead, shape, own);
      // The instrument's own safety item (PHQ-9 item 9) is the safety question.
      const safety = shape.safetyItem === undefined ? undefined : own[shape.safetyItem];
      if (safety !== undefined && safety !== null) triggers.push(evaluateSafety(safety as Phq9Item9Answer).triggered);
    });
  }
  if (triggers.length) score.safety = { triggered: triggers.some(Boolean) || score.safety?.triggered === true };
  if (errors.length) score.errors = errors;

  const mismatches: string[] = errors.map((e) => e.path);
  const summary = lead.summary;
  const byId = summary?.type === 'assessment' ? score.instruments?.[summary.instrument] : undefined;
  if (summary?.type === 'assessment' && byId) {
    if (!byId.complete) mismatches.push('summary.score');
    else {
      if (byId.score !== summary.score) mismatches.push('summary.score');
      if (byId.positive !== summary.positive) mismatches.push('summary.positive');
      if (summary.severity !== undefined && byId.severity !== summary.severity) mismatches.push('summary.severity');
      if (summary.provisionalDiagnosis !== undefined && byId.provisionalDiagnosis !== summary.provisionalDiagnosis) {
        mismatches.push('summary.provisionalDiagnosis');
      }
    }
  } else if (summary?.type === 'assessment') {
    // Leads from widgets before answers were keyed by instrument id.
    if (summary.instrument === 'pc-ptsd-5') {
      if (!score.pcPtsd5) mismatches.push('summary.instrument');
      else {
        if (score.pcPtsd5.score !== summary.score) mismatches.push('summary.score');
        if (score.pcPtsd5.positive !== summary.positive) mismatches.push('summary.positive');
      }
    } else if (summary.instrument === 'pcl-5') {
      const pcl = score.pcl5;
      if (!pcl) mismatches.push('summary.instrument');
      else if (!pcl.complete) mismatches.push('summary.score');
      else {
        if (pcl.total !== summary.score) mismatches.push('summary.score');
        if (pcl.probablePtsd !== summary.positive) mismatches.push('summary.positive');
        if (summary.provisionalDiagnosis !== undefined && pcl.provisionalDiagnosis !== summary.provisionalDiagnosis) {
          mismatches.push('summary.provisionalDiagnosis');
        }
      }
    } else mismatches.push('summary.instrument');
  }
  let urgent = lead.urgent;
  if (score.safety && score.safety.triggered !== lead.urgent) {
    mismatches.push('urgent');
    // Safety wins: a triggered answer makes the lead urgent whatever the client said.
    urgent = true;
  }
  return { serverScore: score, urgent, mismatches: [...new Set(mismatches)] };
}
