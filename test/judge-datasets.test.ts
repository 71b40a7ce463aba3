import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifyCaseType } from '../src/cases/case-type.js';
import { isFactPattern } from '../src/cases/fact-pattern.js';
import { readProvisionGold } from '../src/eval/provisions/provision-gold.js';
import { assignFolds, nestedCv } from '../src/eval/provisions/nested-cv.js';
import { parseDocument } from '../src/ingest/parse-document.js';
import { TEST_CORPUS_DIR } from './paths.js';

const ROOT = path.resolve(TEST_CORPUS_DIR, '../..');
const read = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as { case_id: string; case_type?: string; case_query: string; related_law_provisions: string }[];
const criminalDev = read(path.join(path.dirname(new URL(import.meta.url).pathname), '../eval/datasets/criminal-dev.json'));
const criminalFresh = read(path.join(path.dirname(new URL(import.meta.url).pathname), '../eval/datasets/criminal-fresh.json'));
const judgmentsDev = read(path.join(ROOT, 'shared/datasets/judgments-dev.json'));
const alqac = JSON.parse(readFileSync(path.join(ROOT, 'shared/datasets/alqac25-dev.json'), 'utf8')) as { text: string }[];

describe('the criminal sets', () => {
  const rel = 'codes/bo-luat-hinh-su-2015.txt';
  const blhs = parseDocument({ relPath: rel, rawText: readFileSync(path.join(TEST_CORPUS_DIR, rel), 'utf8'), contentHash: 'test' });

  it('have at least 80 dev patterns, unique ids, several offenses, drug kinds, minors and multi-offense cases', () => {
    expect(criminalDev.length).toBeGreaterThanOrEqual(80);
    const ids = [...criminalDev, ...criminalFresh].map((r) => r.case_id);
    expect(new Set(ids).size).toBe(ids.length);
    const gold = readProvisionGold(criminalDev).clauseGold;
    const offenses = (id: string) => new Set(gold.get(id)!.filter((g) => Number(g.article) >= 108).map((g) => g.article));
    expect(new Set(criminalDev.flatMap((r) => [...offenses(r.case_id)])).size).toBeGreaterThanOrEqual(25);
    expect(criminalDev.filter((r) => offenses(r.case_id).size >= 2).length).toBeGreaterThanOrEqual(8);
    expect(criminalDev.filter((r) => gold.get(r.case_id)!.some((g) => g.article === '91')).length).toBeGreaterThanOrEqual(5);
    for (const drug of ['Heroine', 'Methamphetamine', 'Ketamine', 'MDMA', 'nhựa cần sa']) expect(criminalDev.some((r) => r.case_query.includes(drug)), drug).toBe(true);
  });

  it('cite only articles, clauses and points that exist in the corpus text of the Bộ luật hình sự', () => {
    for (const set of [criminalDev, criminalFresh]) {
      const gold = readProvisionGold(set).clauseGold;
      for (const r of set) {
        const refs = gold.get(r.case_id)!;
        expect(refs.length, r.case_id).toBeGreaterThan(1);
        for (const g of refs) {
          expect(g.lawName).toBe('Bộ luật Hình sự');
          const art = blhs.articles.find((a) => a.number === g.article);
          expect(art, `${r.case_id}: Điều ${g.article}`).toBeDefined();
          if (!g.clause) continue;
          const clause = art!.clauses.find((c) => c.number === g.clause);
          expect(clause, `${r.case_id}: khoản ${g.clause} Điều ${g.article}`).toBeDefined();
          if (g.point) expect(clause!.points.map((p) => p.letter), `${r.case_id}: điểm ${g.point} khoản ${g.clause} Điều ${g.article}`).toContain(g.point);
        }
      }
    }
  });
});

describe('case type and fact patterns', () => {
  it('classifies every criminal pattern as hình sự and the civil judgments as their own type', () => {
    expect(criminalDev.filter((r) => classifyCaseType(r.case_query).type !== 'hình sự').map((r) => r.case_id)).toEqual([]);
    const wrong = judgmentsDev.filter((r) => classifyCaseType(r.case_query).type !== r.case_type?.toLowerCase());
    expect(wrong.length).toBeLessThanOrEqual(2);
    expect(judgmentsDev.every((r) => classifyCaseType(r.case_query).family === 'civil')).toBe(true);
    const d = classifyCaseType('Nguyên đơn chị A khởi kiện yêu cầu ly hôn với anh B, xin được nuôi con chung và yêu cầu anh B cấp dưỡng.');
    expect(d).toMatchObject({ type: 'hôn nhân và gia đình', family: 'civil' });
    expect(d.reason).toContain('ly hôn');
  });

  it('claims every criminal and civil pattern for the case advisor, and no ALQAC question', () => {
    expect(criminalDev.filter((r) => !isFactPattern(r.case_query)).map((r) => r.case_id)).toEqual([]);
    expect(judgmentsDev.filter((r) => !isFactPattern(r.case_query)).map((r) => r.case_id)).toEqual([]);
    expect(alqac.filter((q) => isFactPattern(q.text)).map((q) => q.text)).toEqual([]);
    expect(isFactPattern('Người nào tàng trữ trái phép 0,5 gam hêrôin thì bị truy cứu trách nhiệm hình sự theo điều nào của Bộ luật hình sự và bị phạt tù bao nhiêu năm?')).toBe(false);
  });
});

describe('nested cross-validation', () => {
  it('assigns balanced folds, the same for the same seed', () => {
    const f = assignFolds(23, 5, 3);
    expect(f).toEqual(assignFolds(23, 5, 3));
    const sizes = [0, 1, 2, 3, 4].map((k) => f.filter((x) => x === k).length);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
  });

  it('never chooses an item’s weights with that item: a point that only helps the item itself is not picked for it', () => {
    // Point 0 is good for every item; point 1 is perfect for item 0 alone and bad for the rest.
    const n = 10;
    const scores = [Array.from({ length: n }, () => 0.6), Array.from({ length: n }, (_, i) => (i === 0 ? 100 : 0))];
    const cv = nestedCv(scores, n, 5, 4, 1);
    expect(cv.chosenForItem[0]).toBe(0);
    // …whereas the folds that train on item 0 are swayed by it.
    const trainedOnItem0 = cv.chosenPerFold.filter((_, fold) => fold !== cv.folds[0]);
    expect(trainedOnItem0.every((p) => p === 1)).toBe(true);
  });
});
