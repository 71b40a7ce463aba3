/** The outcome of a judgment, read from the first ruling of its decision. */

export type JudgmentOutcome =
  | 'chấp nhận toàn bộ yêu cầu khởi kiện'
  | 'chấp nhận một phần'
  | 'không chấp nhận'
  | 'đình chỉ'
  | 'công nhận thoả thuận'
  | 'unknown';

// Words of a ruling may be split by line breaks.
const _ = String.raw`\s+`;
const rx = (...words: string[]): string => words.join(_);
// A ruling on the defendant's counterclaim or a third party's own claim says nothing of the claim.
const NOT_COUNTERCLAIM = `(?!${_}(?:${rx('độc', 'lập')}|${rx('phản', 'tố')}|${rx('của', 'bị', 'đơn')}|${rx('của', 'người', 'có', 'quyền')}))`;
const OUTCOME_PATTERNS: [RegExp, JudgmentOutcome][] = [
  [new RegExp(rx('chấp', 'nhận', 'một', 'phần'), 'iu'), 'chấp nhận một phần'],
  [new RegExp(`(?:${rx('không', 'chấp', 'nhận')}|bác)${_}(?:${rx('toàn', 'bộ')}${_})?(?:các${_})?${rx('yêu', 'cầu')}${NOT_COUNTERCLAIM}`, 'iu'), 'không chấp nhận'],
  [new RegExp(`(?<!không${_})${rx('chấp', 'nhận')}${_}(?:${rx('toàn', 'bộ')}${_})?(?:các${_})?(?:${rx('yêu', 'cầu')}|${rx('đơn', 'khởi', 'kiện')})`, 'iu'), 'chấp nhận toàn bộ yêu cầu khởi kiện'],
  [new RegExp(`${rx('công', 'nhận')}${_}(?:sự${_})?${rx('thoả', 'thuận')}`, 'iu'), 'công nhận thoả thuận'],
  [new RegExp(`${rx('đình', 'chỉ')}${_}(?:việc${_})?${rx('giải', 'quyết')}${_}(?:${rx('toàn', 'bộ')}${_})?(?:${rx('vụ', 'án')}|${rx('vụ', 'việc')})`, 'iu'), 'đình chỉ'],
];

// Rejecting the defendant's counterclaim or a third party's claim leaves the plaintiff's win whole;
// only a rejection aimed at the claim itself makes it partial.
const PARTLY_REJECTED_RE = new RegExp(
  `(?:${rx('không', 'chấp', 'nhận')}|bác)${_}(?:${rx('một', 'phần')}|phần|(?:các${_})?${rx('yêu', 'cầu', 'khởi', 'kiện')}|${rx('yêu', 'cầu', 'của', 'nguyên', 'đơn')})`,
  'iu',
);

/** The label of the decision's first ruling; an acceptance followed by a rejection is partial. */
export function findOutcome(decision: string): JudgmentOutcome {
  // The `Căn cứ …` preamble cites provisions, never rulings, so the whole section can be searched.
  const body = decision;
  let best: { at: number; outcome: JudgmentOutcome; end: number } | undefined;
  for (const [re, outcome] of OUTCOME_PATTERNS) {
    const m = re.exec(body);
    if (m && (!best || m.index < best.at)) best = { at: m.index, outcome, end: m.index + m[0].length };
  }
  if (!best) return 'unknown';
  if (best.outcome === 'chấp nhận toàn bộ yêu cầu khởi kiện') {
    const head = body.slice(best.at, best.end + 20);
    const rest = body.slice(best.end);
    if (!/toàn[ \t\n]+bộ/iu.test(head) && PARTLY_REJECTED_RE.test(rest)) return 'chấp nhận một phần';
  }
  return best.outcome;
}
