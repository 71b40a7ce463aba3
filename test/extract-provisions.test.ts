import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractProvisions, type CitedProvision } from '../src/cases/extract-provisions.js';
import { parseJudgment, SECTION } from '../src/cases/parse-judgment.js';
import { LawNameResolver, lawNameKey } from '../src/retrieval/law-name-resolver.js';
import { normalizeVietnamese } from '../src/text/normalize.js';
import { loadLawEntries } from './helpers/law-entries.js';

const CORPUS = new URL('../../shared/corpus/', import.meta.url);
const DATASETS = new URL('../../shared/datasets/', import.meta.url);
const judgment = (name: string): string => normalizeVietnamese(readFileSync(new URL(`judgments/${name}.txt`, CORPUS), 'utf8'));

/** `Bộ luật Dân sự năm 2015|584|k1|đa` for compact comparisons. */
const brief = (ps: CitedProvision[]): string[] => ps.map((p) => [p.lawName, p.article, p.clause ? `k${p.clause}` : '', p.point ? `đ${p.point}` : ''].filter(Boolean).join('|'));

describe('extractProvisions', () => {
  it('reads the citation of the brief, the law name coming after each list', () => {
    const text =
      'Căn cứ vào các Điều 584, Điều 558, Điều 590 và Điều 603 của Bộ luật Dân sự năm 2015; khoản 1 Điều 157, Điều 147 của Bộ luật Tố tụng dân sự; Điều 26, 27 của Nghị quyết số 326/2016/UBTVQH14';
    const ps = extractProvisions(text);
    expect(brief(ps)).toEqual([
      'Bộ luật Dân sự năm 2015|584',
      'Bộ luật Dân sự năm 2015|558',
      'Bộ luật Dân sự năm 2015|590',
      'Bộ luật Dân sự năm 2015|603',
      'Bộ luật Tố tụng dân sự|157|k1',
      'Bộ luật Tố tụng dân sự|147',
      'Nghị quyết số 326/2016/UBTVQH14|26',
      'Nghị quyết số 326/2016/UBTVQH14|27',
    ]);
    expect(text.slice(ps[4]!.start, ps[4]!.end)).toBe('khoản 1 Điều 157');
    expect(text.slice(ps[1]!.start, ps[1]!.end)).toBe('558');
  });

  it('expands clause and point lists, abbreviations and ranges', () => {
    const text = 'Áp dụng các Điều 584, 585 và 586 BLDS; khoản 1, 2 Điều 157 BLTTDS; điểm a, b khoản 1 Điều 12 Nghị quyết 326/2016/UBTVQH14; từ Điều 609 đến Điều 611 Bộ luật dân sự năm 2005';
    expect(brief(extractProvisions(text))).toEqual([
      'BLDS|584',
      'BLDS|585',
      'BLDS|586',
      'BLTTDS|157|k1',
      'BLTTDS|157|k2',
      'Nghị quyết 326/2016/UBTVQH14|12|k1|đa',
      'Nghị quyết 326/2016/UBTVQH14|12|k1|đb',
      'Bộ luật dân sự năm 2005|609',
      'Bộ luật dân sự năm 2005|610',
      'Bộ luật dân sự năm 2005|611',
    ]);
  });

  it('reads qualifiers written after the article, tight lists and names broken over lines', () => {
    const text = 'Điều 26 khoản 9, Điều 34, Điều 228 khoản 1 và 2 của Bộ\nluật tố tụng dân sự; Điều 12 khoản 1 điểm đ Nghị quyết 326/2016/UBTVQH14; các Điều 166, 167,169 và 188 Luật Đất đai năm 2013.';
    expect(brief(extractProvisions(text))).toEqual([
      'Bộ luật tố tụng dân sự|26|k9',
      'Bộ luật tố tụng dân sự|34',
      'Bộ luật tố tụng dân sự|228|k1',
      'Bộ luật tố tụng dân sự|228|k2',
      'Nghị quyết 326/2016/UBTVQH14|12|k1|đđ',
      'Luật Đất đai năm 2013|166',
      'Luật Đất đai năm 2013|167',
      'Luật Đất đai năm 2013|169',
      'Luật Đất đai năm 2013|188',
    ]);
  });

  it('gives a group the law written before it when none follows, and drops a group with no law', () => {
    expect(brief(extractProvisions('Áp dụng Bộ luật Dân sự: Điều 357, 468. Xét thấy Điều 5 không áp dụng.'))).toEqual(['Bộ luật Dân sự|357', 'Bộ luật Dân sự|468']);
  });

  it('de-duplicates repeated citations and ignores amounts and non-references', () => {
    const text = 'khoản tiền 100.000 đồng; Điều 584 Bộ luật Dân sự năm 2015. Căn cứ Điều 584 Bộ luật dân sự năm 2015; các điều kiện khác';
    expect(brief(extractProvisions(text))).toEqual(['Bộ luật Dân sự năm 2015|584']);
  });

  it('can be limited to a section', () => {
    const text = judgment('case_4101');
    const decision = parseJudgment(text).sections.find((s) => s.heading === SECTION.decision)!;
    const inDecision = extractProvisions(text, decision.start, decision.end);
    expect(inDecision.length).toBeGreaterThan(0);
    for (const p of inDecision) expect(p.start).toBeGreaterThanOrEqual(decision.start);
  });
});

describe('extractProvisions with the resolver on the real corpus', () => {
  const resolver = new LawNameResolver(loadLawEntries(CORPUS));

  it('resolves case_4101 decision provisions to Điều 584, 558, 590, 603 of the civil code', () => {
    const text = judgment('case_4101');
    const decision = parseJudgment(text).sections.find((s) => s.heading === SECTION.decision)!;
    const civil = extractProvisions(text, decision.start, decision.end)
      .filter((p) => resolver.resolve(p.lawName) === 'laws/bo-luat-dan-su')
      .map((p) => p.article);
    expect(civil).toEqual(expect.arrayContaining(['584', '558', '590', '603']));
    const procedure = extractProvisions(text, decision.start, decision.end).filter((p) => resolver.resolve(p.lawName) === 'codes/bo-luat-to-tung-dan-su-2015');
    expect(procedure.length).toBeGreaterThan(0);
  });

  it('finds most gold related_law_provisions of judgments-dev in the judgment text', () => {
    interface Gold {
      case_id: string;
      related_law_provisions: string;
    }
    const gold = JSON.parse(readFileSync(new URL('judgments-dev.json', DATASETS), 'utf8')) as Gold[];
    // Same law: same number (its first two parts: texts drop the issuer's suffix), or same name key
    // and no conflicting year; a gold name cut short (`Bộ luật tố tụng`) matches its extension.
    const sameLaw = (a: string, b: string): boolean => {
      const x = lawNameKey(a);
      const y = lawNameKey(b);
      if (x.number || y.number) return !!x.number && !!y.number && x.number.split('/').slice(0, 2).join('/') === y.number.split('/').slice(0, 2).join('/');
      if (x.year !== undefined && y.year !== undefined && x.year !== y.year) return false;
      return x.key === y.key || x.key.startsWith(`${y.key} `) || y.key.startsWith(`${x.key} `);
    };
    let total = 0;
    let found = 0;
    const missed: string[] = [];
    for (const g of gold) {
      const extracted = extractProvisions(judgment(g.case_id));
      const pairs = new Set<string>();
      for (const line of g.related_law_provisions.split('\n')) {
        const [law, articles] = line.split('|').map((s) => s.trim());
        if (!law || !articles) continue;
        for (const m of normalizeVietnamese(articles).matchAll(/(?:Điều|điều|Điểu|điểu)\s*(\d+[a-z]?)/gu)) pairs.add(`${normalizeVietnamese(law)}|${m[1]}`);
      }
      for (const pair of pairs) {
        const [law, article] = pair.split('|') as [string, string];
        total++;
        if (extracted.some((e) => e.article === article && sameLaw(e.lawName, law))) found++;
        else missed.push(`${g.case_id} ${law} Điều ${article}`);
      }
    }
    console.log(`[provisions] gold (law, article) pairs found in the text: ${found}/${total} = ${((100 * found) / total).toFixed(1)}%`);
    console.log(`[provisions] missed: ${missed.join('; ')}`);
    expect(found / total).toBeGreaterThan(0.93);
  });
});
