/**
 * Chat spelling of everyday Vietnamese (`ko`, `dc`, `j`, `ntn`, `cty`, `5tr`, `500k`) written out
 * as words, so a question typed on a phone searches like one typed carefully. Only whole words are
 * replaced; single letters that are also point labels (`điểm a`, `điểm k`) are left alone.
 */
const WORDS: Record<string, string> = {
  ko: 'không', k: 'không', kh: 'không', khg: 'không', kg: 'không', hok: 'không', hông: 'không', hem: 'không', khum: 'không', hk: 'không',
  dc: 'được', đc: 'được', dk: 'được', đk: 'được', duoc: 'được',
  j: 'gì', ji: 'gì', gi: 'gì',
  vs: 'với', v: 'vậy', z: 'vậy', zậy: 'vậy',
  ntn: 'như thế nào', bn: 'bao nhiêu', bnhiu: 'bao nhiêu', nhiu: 'nhiêu', bjo: 'bao giờ', bh: 'bao giờ',
  mn: 'mọi người', ng: 'người', ngta: 'người ta',
  cty: 'công ty', ct: 'công ty', nv: 'nhân viên', ctv: 'cộng tác viên', sv: 'sinh viên', hs: 'học sinh', gv: 'giáo viên',
  bv: 'bệnh viện', bs: 'bác sĩ', ck: 'chồng', vk: 'vợ', bme: 'bố mẹ', bm: 'bố mẹ',
  r: 'rồi', ms: 'mới', cx: 'cũng', cg: 'cũng', trc: 'trước', tg: 'thời gian', lm: 'làm', bít: 'biết', bik: 'biết',
  mk: 'mình', mik: 'mình', mjk: 'mình', t: 'tôi', e: 'em', a: 'anh', c: 'chị', ak: 'à', ah: 'à',
  đt: 'điện thoại', dt: 'điện thoại', sđt: 'số điện thoại', sdt: 'số điện thoại', tk: 'tài khoản', stk: 'số tài khoản',
  qđ: 'quyết định', qd: 'quyết định', nđ: 'nghị định', nd: 'nghị định', tt: 'thông tư',
};

/** After a figure: `5 tr`, `500k`, `22h`. Not a bare `t`: `17t` is an age far more often than 17 tỷ. */
const AFTER_NUMBER: Record<string, string> = { tr: 'triệu', củ: 'triệu', cu: 'triệu', k: 'nghìn', ng: 'nghìn', ngàn: 'nghìn', h: 'giờ', ty: 'tỷ', tỉ: 'tỷ' };

/** Single letters that are point labels after `điểm` and must stay letters there. */
const POINT_LABEL = /^[a-zđ]$/u;

const TOKEN = /(\d+(?:[.,]\d+)*)(\p{L}+)?|\p{L}+/gu;

/** Writes chat spelling out as words; text without any such word comes back unchanged. */
export function expandCasualSpelling(text: string): string {
  let prevWord = '';
  return text.replace(TOKEN, (m: string, num: string | undefined, unit: string | undefined, offset: number) => {
    if (num !== undefined) {
      prevWord = num;
      const u = unit?.toLowerCase();
      if (u && AFTER_NUMBER[u]) return `${num} ${AFTER_NUMBER[u]}`;
      return m;
    }
    const lower = m.toLowerCase();
    const before = prevWord;
    prevWord = lower;
    // Point labels (`điểm a`) are not chat spelling; neither are acronyms and numerals (`UBND`, `Chương V`).
    if (POINT_LABEL.test(lower) && /^(?:điểm|diem)$/u.test(before)) return m;
    if (m === m.toUpperCase()) return m;
    if (/^\d/.test(before) && AFTER_NUMBER[lower] && isSpaced(text, offset)) return AFTER_NUMBER[lower]!;
    const w = WORDS[lower];
    return w ?? m;
  });
}

/** True when the word at `offset` follows a figure across a single space (`5 tr`). */
function isSpaced(text: string, offset: number): boolean {
  return offset > 0 && /\d\s$/u.test(text.slice(Math.max(0, offset - 2), offset));
}
