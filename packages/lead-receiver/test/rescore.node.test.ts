// The receiver re-scores any registered instrument by id (issue 14). Each case names the rule:
// PHQ-9 (Kroenke et al. 2001), a partner's GAD-7 registered as data (Spitzer et al. 2006), and the
// safety rule (instruments.md: any item-9 answer above 0 is urgent, whatever the client said).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { validateLead, type Lead } from '@hearth/lead/schema';
import '@hearth/assessment/schema';
import { gad7Scoring, registerInstrument, type InstrumentDefinition } from '@hearth/assessment/scoring';
import { rescoreLead } from '../src/rescore.js';
import { goodLead } from './helpers.js';

const keyed = (prefix: string, values: readonly number[]) => Object.fromEntries(values.map((v, i) => [`${prefix}-${i + 1}`, v]));

/** A lead as the widget sends it, validated by the lead schema (as the receiver does). */
function lead(instrument: string, answers: Record<string, number | boolean>, summary: Record<string, unknown>, urgent = false): Lead {
  const result = validateLead(
    goodLead({
      urgent,
      answers: { instruments: { [instrument]: answers } },
      summary: { type: 'assessment', instrument, reviewItemCount: 0, candidacy: 'discuss', ...summary },
    }),
  );
  assert.equal(result.ok, true, JSON.stringify(!result.ok && result.errors));
  return (result as { lead: Lead }).lead;
}

describe('rescoreLead: the PHQ-9 by id (built in, scored without its wording)', () => {
  it('agrees with an honest client: total, severity band and positive at the cut point (Kroenke 2001: 10–14 moderate)', () => {
    const r = rescoreLead(
      lead('phq-9', keyed('phq9', [2, 2, 2, 2, 2, 0, 0, 0, 0]), { score: 10, cutPoint: 10, positive: true, severity: 'moderate' }),
    );
    assert.deepEqual(r.serverScore?.instruments, {
      'phq-9': { complete: true, score: 10, positive: true, cutPoint: 10, severity: 'moderate' },
    });
    assert.deepEqual(r.mismatches, []);
    assert.equal(r.urgent, false);
  });
  it('flags a summary whose score, positive or severity disagrees with the answers', () => {
    const r = rescoreLead(
      lead('phq-9', keyed('phq9', [1, 1, 1, 1, 1, 0, 0, 0, 0]), { score: 12, cutPoint: 10, positive: true, severity: 'moderate' }),
    );
    assert.deepEqual(r.mismatches.sort(), ['summary.positive', 'summary.score', 'summary.severity']);
  });
  it('item 9 above 0 makes the lead urgent even when the client said it was not (safety wins)', () => {
    const r = rescoreLead(
      lead('phq-9', keyed('phq9', [0, 0, 0, 0, 0, 0, 0, 0, 1]), { score: 1, cutPoint: 10, positive: false, severity: 'none-minimal' }),
    );
    assert.equal(r.urgent, true);
    assert.deepEqual(r.serverScore?.safety, { triggered: true });
    assert.deepEqual(r.mismatches, ['urgent']);
  });
  it('a client cut point outside the published range 8–12 is not used: the default 10 applies', () => {
    const r = rescoreLead(
      lead('phq-9', keyed('phq9', [1, 1, 1, 1, 1, 1, 1, 0, 0]), { score: 7, cutPoint: 5, positive: true, severity: 'mild' }),
    );
    assert.equal(r.serverScore?.instruments?.['phq-9']?.complete && r.serverScore.instruments['phq-9'].cutPoint, 10);
    assert.ok(r.mismatches.includes('summary.positive'));
  });
  it('an out-of-range answer is an error on its path, never a silent score', () => {
    const r = rescoreLead(lead('phq-9', keyed('phq9', [0, 0, 0, 0, 0, 0, 0, 0, 7]), { score: 7, cutPoint: 10, positive: false }));
    assert.equal(r.serverScore?.errors?.[0]?.path, 'answers.instruments.phq-9');
    assert.match(r.serverScore?.errors?.[0]?.message ?? '', /item 9 \(phq9-9\) must be an integer from 0 to 3; got 7/);
  });
});

describe("rescoreLead: a partner's instrument, registered as data", () => {
  it('an instrument this receiver does not know is an error naming it, not a crash', () => {
    const r = rescoreLead(lead('gad-7', keyed('gad7', [1, 1, 1, 1, 1, 1, 1]), { score: 7, cutPoint: 10, positive: false }));
    assert.match(r.serverScore?.errors?.[0]?.message ?? '', /"gad-7" is not an instrument this receiver knows/);
    assert.ok(r.mismatches.includes('answers.instruments.gad-7'));
  });
  it('once registered (the sum-bands rule), the GAD-7 is re-scored by id (Spitzer 2006: 15–21 severe)', () => {
    const gad7: InstrumentDefinition = {
      id: 'gad-7',
      version: '2006',
      name: 'GAD-7',
      abbreviation: 'GAD-7',
      citation: 'Spitzer RL, Kroenke K, Williams JBW, Löwe B. Arch Intern Med 2006;166(10):1092–1097.',
      attributionKey: '',
      minutes: 2,
      items: Array.from({ length: 7 }, (_, i) => ({ id: `gad7-${i + 1}` })),
      options: [0, 1, 2, 3].map((value) => ({ value })),
      scoring: gad7Scoring,
      languages: {
        en: {
          status: 'official',
          source: 'Pfizer',
          items: ['a', 'b', 'c', 'd', 'e', 'f', 'g'],
          options: ['Not at all', 'Several days', 'More than half the days', 'Nearly every day'],
        },
      },
    };
    registerInstrument(JSON.parse(JSON.stringify(gad7)) as InstrumentDefinition);
    const r = rescoreLead(
      lead('gad-7', keyed('gad7', [3, 3, 3, 3, 3, 0, 0]), { score: 15, cutPoint: 10, positive: true, severity: 'severe' }),
    );
    assert.deepEqual(r.serverScore?.instruments?.['gad-7'], {
      complete: true,
      score: 15,
      positive: true,
      cutPoint: 10,
      severity: 'severe',
    });
    assert.deepEqual(r.mismatches, []);
  });
});

describe('rescoreLead: leads from older widgets still re-score (backward compatible)', () => {
  it('legacy answers.pcPtsd5 with a PC-PTSD-5 summary (Prins et al. 2016)', () => {
    const result = validateLead(goodLead({ answers: { pcPtsd5: { exposure: true, items: [true, true, true, true, false] } } }));
    assert.equal(result.ok, true);
    const r = rescoreLead((result as { lead: Lead }).lead);
    assert.deepEqual(r.serverScore, { pcPtsd5: { score: 4, positive: true, cutPoint: 3 } });
    assert.deepEqual(r.mismatches, []);
  });
  it('the PC-PTSD-5 keyed by instrument id scores the same', () => {
    const r = rescoreLead(
      lead(
        'pc-ptsd-5',
        {
          exposure: true,
          ...keyed('pcptsd5', []),
          'pcptsd5-1': true,
          'pcptsd5-2': true,
          'pcptsd5-3': true,
          'pcptsd5-4': true,
          'pcptsd5-5': false,
        },
        { score: 4, cutPoint: 3, positive: true },
      ),
    );
    assert.deepEqual(r.serverScore?.instruments?.['pc-ptsd-5'], { complete: true, score: 4, positive: true, cutPoint: 3 });
    assert.deepEqual(r.mismatches, []);
  });
});

describe("rescoreLead: a legacy lead's cut point is used only inside the published range", () => {
  /** A legacy lead (answers not keyed by instrument id) whose summary claims `cutPoint` and `positive`. */
  function legacy(answers: Record<string, unknown>, summary: Record<string, unknown>): Lead {
    const result = validateLead(
      goodLead({ answers, summary: { type: 'assessment', reviewItemCount: 0, candidacy: 'discuss', ...summary } }),
    );
    assert.equal(result.ok, true, JSON.stringify(!result.ok && result.errors));
    return (result as { lead: Lead }).lead;
  }
  const pc = (yes: number) => ({ pcPtsd5: { exposure: true, items: [0, 1, 2, 3, 4].map((i) => i < yes) } });
  const pcl = (total: number) => ({
    pcl5: Array.from({ length: 20 }, (_, i) => (i < Math.floor(total / 4) ? 4 : i === Math.floor(total / 4) ? total % 4 : 0)),
  });

  for (const cutPoint of [3, 4]) {
    it(`PC-PTSD-5: cut point ${cutPoint} is inside 3–4 (Prins et al. 2016) and is used`, () => {
      const r = rescoreLead(legacy(pc(cutPoint), { instrument: 'pc-ptsd-5', score: cutPoint, cutPoint, positive: true }));
      assert.deepEqual(r.serverScore?.pcPtsd5, { score: cutPoint, positive: true, cutPoint });
      assert.deepEqual(r.mismatches, []);
    });
  }
  for (const [cutPoint, score] of [
    [0, 0],
    [2, 2],
    [5, 4],
  ] as const) {
    it(`PC-PTSD-5: cut point ${cutPoint} is outside 3–4: the default 3 scores ${score} and the client's claim is flagged`, () => {
      // The client's claim is what its tampered cut point gives; the server's, what the default 3 gives.
      const r = rescoreLead(legacy(pc(score), { instrument: 'pc-ptsd-5', score, cutPoint, positive: score >= cutPoint }));
      assert.deepEqual(r.serverScore?.pcPtsd5, { score, positive: score >= 3, cutPoint: 3 });
      assert.deepEqual(r.mismatches, ['summary.positive']);
    });
  }
  for (const cutPoint of [31, 33]) {
    it(`PCL-5: cut point ${cutPoint} is inside 31–33 (VA) and is used`, () => {
      const r = rescoreLead(legacy(pcl(cutPoint), { instrument: 'pcl-5', score: cutPoint, cutPoint, positive: true }));
      assert.equal(r.serverScore?.pcl5?.complete && r.serverScore.pcl5.cutPoint, cutPoint);
      assert.equal(r.serverScore?.pcl5?.complete && r.serverScore.pcl5.probablePtsd, true);
      assert.deepEqual(r.mismatches, []);
    });
  }
  for (const cutPoint of [20, 30, 34]) {
    it(`PCL-5: a tampered cut point ${cutPoint} is outside 31–33: a total of ${cutPoint} is not scored positive`, () => {
      const r = rescoreLead(legacy(pcl(cutPoint), { instrument: 'pcl-5', score: cutPoint, cutPoint, positive: true }));
      assert.equal(r.serverScore?.pcl5?.complete && r.serverScore.pcl5.cutPoint, 33);
      assert.equal(r.serverScore?.pcl5?.complete && r.serverScore.pcl5.probablePtsd, cutPoint >= 33);
      if (cutPoint < 33) assert.ok(r.mismatches.includes('summary.positive'), r.mismatches.join());
    });
  }
});
