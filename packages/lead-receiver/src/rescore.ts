import { evaluateSafety, scorePcl5, scorePcPtsd5, type Phq9Item9Answer } from '@hearth/assessment/scoring';
import type { Lead } from '@hearth/lead/schema';

/** The receiver's own scoring of the answers a lead carried (only when the site sent answers). */
export interface ServerScore {
  pcPtsd5?: { score: number; positive: boolean; cutPoint: number };
  pcl5?:
    | { complete: true; total: number; probablePtsd: boolean; provisionalDiagnosis: boolean; cutPoint: number }
    | { complete: false; answered: number };
  safety?: { triggered: boolean };
  /** Answers that could not be scored (e.g. 4 items where the PC-PTSD-5 needs 5), by path. */
  errors?: { path: string; message: string }[];
}

export interface Rescore {
  serverScore: ServerScore | null;
  /** The client's flag, raised (never lowered) by the server's safety evaluation. */
  urgent: boolean;
  /** Paths where the client's summary or urgent flag disagrees with the server's scoring. */
  mismatches: string[];
}

/** A cut point from the client is used only when the instrument allows it; otherwise the default applies. */
function cutPointFor(lead: Lead, instrument: 'pc-ptsd-5' | 'pcl-5', max: number): { cutPoint?: number } {
  const summary = lead.summary;
  if (summary?.type === 'assessment' && summary.instrument === instrument && summary.cutPoint <= max) return { cutPoint: summary.cutPoint };
  return {};
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
      const r = scorePcPtsd5(pc, cutPointFor(lead, 'pc-ptsd-5', 5));
      score.pcPtsd5 = { score: r.score, positive: r.positive, cutPoint: r.cutPoint };
    });
  }
  if (answers.pcl5) {
    const items = answers.pcl5;
    attempt('answers.pcl5', () => {
      const r = scorePcl5(items, cutPointFor(lead, 'pcl-5', 80));
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
  if (errors.length) score.errors = errors;

  const mismatches: string[] = errors.map((e) => e.path);
  const summary = lead.summary;
  if (summary?.type === 'assessment') {
    if (summary.instrument === 'pc-ptsd-5') {
      if (!score.pcPtsd5) mismatches.push('summary.instrument');
      else {
        if (score.pcPtsd5.score !== summary.score) mismatches.push('summary.score');
        if (score.pcPtsd5.positive !== summary.positive) mismatches.push('summary.positive');
      }
    } else {
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
    }
  }
  let urgent = lead.urgent;
  if (score.safety && score.safety.triggered !== lead.urgent) {
    mismatches.push('urgent');
    // Safety wins: a triggered answer makes the lead urgent whatever the client said.
    urgent = true;
  }
  return { serverScore: score, urgent, mismatches: [...new Set(mismatches)] };
}
