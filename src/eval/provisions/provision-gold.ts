import { extractProvisions, type CitedProvision } from '../../cases/extract-provisions.js';

/** What the provision evaluation reads from the raw judgments-format records besides the article gold. */
export interface ProvisionGold {
  /** Each question's gold with clauses and points (`Điểm c khoản 1 Điều 249`), as courts write them. */
  clauseGold: Map<string, CitedProvision[]>;
  /** The dataset's own case type of each question, when it states one. */
  caseTypes: Map<string, string>;
}

/**
 * Reads `related_law_provisions` (`Bộ luật Hình sự | Điểm c khoản 1 Điều 249, Điều 38`) with the
 * same citation parser the case index applies to judgments, so that clauses and points survive.
 */
export function readProvisionGold(records: unknown[]): ProvisionGold {
  const clauseGold = new Map<string, CitedProvision[]>();
  const caseTypes = new Map<string, string>();
  for (const raw of records) {
    const r = raw as { case_id?: unknown; case_type?: unknown; related_law_provisions?: unknown };
    if (typeof r.case_id !== 'string') continue;
    if (typeof r.case_type === 'string' && r.case_type) caseTypes.set(r.case_id, r.case_type);
    const lines = Array.isArray(r.related_law_provisions) ? r.related_law_provisions.map(String) : String(r.related_law_provisions ?? '').split('\n');
    clauseGold.set(
      r.case_id,
      lines.flatMap((line) => {
        const bar = line.indexOf('|');
        return bar < 0 ? [] : extractProvisions(`${line.slice(bar + 1).trim()} ${line.slice(0, bar).trim()}`.normalize('NFC'));
      }),
    );
  }
  return { clauseGold, caseTypes };
}
