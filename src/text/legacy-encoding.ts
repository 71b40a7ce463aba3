/**
 * Repairs Vietnamese text typed in legacy 8-bit fonts (TCVN3/ABC and VNI-Windows) that a PDF
 * extractor decoded as Latin-1: `§iÒu 357` → `Điều 357`, `Caên cöù` → `Căn cứ`.
 *
 * PDF pages mix fonts, so a line often holds legacy words next to correct Unicode words, and many
 * legacy bytes are themselves Vietnamese letters (`á`, `ô`, `õ`). The repair therefore works word by
 * word: a word is converted when its converted form is a Vietnamese syllable and its original form
 * is not; when both are syllables (`hoà` = VNI `hồ`, `ông` = TCVN3 `ụng`) the word is converted
 * only if the document's own vocabulary and the neighbouring words agree it is legacy text.
 *
 * Two look-alike repairs of the same PDF origin ride along: the eth `Ð` typed for `Đ`, and tone
 * marks that extraction detached from their letter with a space (`Bô ̣ luâ ̣t`).
 */
import { normalizeSyllableTone } from './tone-marks.js';

type Encoding = 'tcvn3' | 'vni';

// TCVN3 (ABC, TCVN 5712 VN3): one byte per lower-case letter; the ABC "H" fonts draw upper case
// with the same bytes, so case must be restored from the surrounding ASCII letters.
const TCVN3: Record<string, string> = {
  '\u00a1': 'Ă', '\u00a2': 'Â', '\u00a3': 'Ê', '\u00a4': 'Ô', '\u00a5': 'Ơ', '\u00a6': 'Ư', '\u00a7': 'Đ',
  '\u00a8': 'ă', '\u00a9': 'â', '\u00aa': 'ê', '\u00ab': 'ô', '\u00ac': 'ơ', '\u00ad': 'ư', '\u00ae': 'đ',
  '\u00b5': 'à', '\u00b6': 'ả', '\u00b7': 'ã', '\u00b8': 'á', '\u00b9': 'ạ',
  '\u00bb': 'ằ', '\u00bc': 'ẳ', '\u00bd': 'ẵ', '\u00be': 'ắ', '\u00c6': 'ặ',
  '\u00c7': 'ầ', '\u00c8': 'ẩ', '\u00c9': 'ẫ', '\u00ca': 'ấ', '\u00cb': 'ậ',
  '\u00cc': 'è', '\u00ce': 'ẻ', '\u00cf': 'ẽ', '\u00d0': 'é', '\u00d1': 'ẹ',
  '\u00d2': 'ề', '\u00d3': 'ể', '\u00d4': 'ễ', '\u00d5': 'ế', '\u00d6': 'ệ',
  '\u00d7': 'ì', '\u00d8': 'ỉ', '\u00dc': 'ĩ', '\u00dd': 'í', '\u00de': 'ị',
  '\u00df': 'ò', '\u00e1': 'ỏ', '\u00e2': 'õ', '\u00e3': 'ó', '\u00e4': 'ọ',
  '\u00e5': 'ồ', '\u00e6': 'ổ', '\u00e7': 'ỗ', '\u00e8': 'ố', '\u00e9': 'ộ',
  '\u00ea': 'ờ', '\u00eb': 'ở', '\u00ec': 'ỡ', '\u00ed': 'ớ', '\u00ee': 'ợ',
  '\u00ef': 'ù', '\u00f1': 'ủ', '\u00f2': 'ũ', '\u00f3': 'ú', '\u00f4': 'ụ',
  '\u00f5': 'ừ', '\u00f6': 'ử', '\u00f7': 'ữ', '\u00f8': 'ứ', '\u00f9': 'ự',
  '\u00fa': 'ỳ', '\u00fb': 'ỷ', '\u00fc': 'ỹ', '\u00fd': 'ý', '\u00fe': 'ỵ',
};

const ACUTE = '\u0301';
const GRAVE = '\u0300';
const HOOK = '\u0309';
const TILDE = '\u0303';
const DOT = '\u0323';
const CIRC = '\u0302';
const BREVE = '\u0306';
const HORN = '\u031b';

// VNI-Windows: a base letter followed by mark bytes (`a` + `ù` = `á`, `a` + `â` = `â`, `a` + `á` =
// `ấ`); `ô`/`ö` are ơ/ư, `ñ` is đ, and the i/ỵ tones have letters of their own. Written as the
// combining sequence each byte adds, so NFC composes it with the preceding base letter.
const VNI: Record<string, string> = {
  ù: ACUTE, ø: GRAVE, û: HOOK, õ: TILDE, ï: DOT,
  Ù: ACUTE, Ø: GRAVE, Û: HOOK, Õ: TILDE, Ï: DOT,
  â: CIRC, á: CIRC + ACUTE, à: CIRC + GRAVE, å: CIRC + HOOK, ã: CIRC + TILDE, ä: CIRC + DOT,
  Â: CIRC, Á: CIRC + ACUTE, À: CIRC + GRAVE, Å: CIRC + HOOK, Ã: CIRC + TILDE, Ä: CIRC + DOT,
  ê: BREVE, é: BREVE + ACUTE, è: BREVE + GRAVE, ú: BREVE + HOOK, ü: BREVE + TILDE, ë: BREVE + DOT,
  Ê: BREVE, É: BREVE + ACUTE, È: BREVE + GRAVE, Ú: BREVE + HOOK, Ü: BREVE + TILDE, Ë: BREVE + DOT,
  í: 'i' + ACUTE, ì: 'i' + GRAVE, æ: 'i' + HOOK, ó: 'i' + TILDE, ò: 'i' + DOT,
  Í: 'I' + ACUTE, Ì: 'I' + GRAVE, Æ: 'I' + HOOK, Ó: 'I' + TILDE, Ò: 'I' + DOT,
  ô: 'o' + HORN, ö: 'u' + HORN, ñ: 'đ', î: 'y' + DOT,
  Ô: 'O' + HORN, Ö: 'U' + HORN, Ñ: 'Đ', Î: 'Y' + DOT,
};

/** Latin-1 characters that are not Vietnamese letters: any of them in a word is legacy damage. */
const FOREIGN_RE = /[\u00a1-\u00bf\u00c4-\u00c7\u00cb\u00ce-\u00d1\u00d6-\u00d8\u00db\u00dc\u00de\u00df\u00e4-\u00e7\u00eb\u00ee-\u00f1\u00f6-\u00f8\u00fb\u00fc\u00fe\u00ff]/;
// Word characters: letters plus the TCVN3 bytes that Unicode classes as symbols (§ © ® ¬ ¸ …).
const WORD_RE = /[\p{L}\p{M}\u00a1-\u00ae\u00b5-\u00b9\u00bb-\u00be\u00d7\u00f7]+/gu;

function decodeTcvn3(word: string): string {
  let out = '';
  for (const ch of word) out += TCVN3[ch] ?? ch;
  return out;
}

function decodeVni(word: string): string {
  let out = '';
  for (const ch of word) out += VNI[ch] ?? ch;
  // A PDF sometimes repeats a mark byte (`aùùn`); keep one.
  out = out.normalize('NFD').replace(/([\u0300-\u036f])\1+/g, '$1');
  return out.normalize('NFC');
}

function decode(word: string, enc: Encoding): string {
  return enc === 'tcvn3' ? decodeTcvn3(word) : decodeVni(word);
}

// ---- Vietnamese syllable shape ---------------------------------------------------------------

const ONSETS = ['ngh', 'ng', 'nh', 'ch', 'gh', 'gi', 'kh', 'ph', 'qu', 'th', 'tr', 'b', 'c', 'd', 'đ', 'g', 'h', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'x', ''];
const OPEN_ONLY = new Set('ai ao au ay âu ây eo êu ia iu oi ôi ơi ui ưi ưu ưa ua iêu yêu oai oay oeo uây uôi ươi ươu uya uyu uơ'.split(' '));
const CODA_OPTIONAL = new Set('a e ê i o ô ơ u ư y oa oe uê uy'.split(' '));
const CODA_REQUIRED = new Set('ă â iê yê uô ươ uyê oă uâ oo'.split(' '));
const RHYME_RE = /^([aăâeêioôơuưy]+)(ch|nh|ng|c|m|n|p|t)?$/;
const TONE_RE = /[\u0300\u0301\u0303\u0309\u0323]/g;

/** True when a word is shaped like one Vietnamese syllable (onset, vowel cluster, final, one tone). */
function isSyllable(word: string): boolean {
  // A mark left without a base letter (VNI `õa` split from its vowel) is no syllable.
  if (/\p{M}/u.test(word.normalize('NFC'))) return false;
  const d = word.toLowerCase().normalize('NFD');
  const tones = d.match(TONE_RE) ?? [];
  if (tones.length > 1) return false;
  const bare = d.replace(TONE_RE, '').normalize('NFC');
  if (!/^[a-zđăâêôơư]+$/.test(bare)) return false;
  for (const onset of ONSETS) {
    if (!bare.startsWith(onset)) continue;
    const m = RHYME_RE.exec(bare.slice(onset.length));
    if (!m) continue;
    const nucleus = m[1]!;
    const coda = m[2];
    const ok = coda ? CODA_OPTIONAL.has(nucleus) || CODA_REQUIRED.has(nucleus) : OPEN_ONLY.has(nucleus) || CODA_OPTIONAL.has(nucleus);
    if (!ok) continue;
    // Stop finals take only the rising or the heavy tone (`các`, `được`; never `côc`).
    if (coda && /^(c|ch|p|t)$/.test(coda) && !(tones[0] === ACUTE || tones[0] === DOT)) continue;
    return true;
  }
  return false;
}

// Abbreviations with a legacy Đ (`Q§XX`, `QÑST`) are not syllables but are still worth repairing.
function isAbbreviation(word: string): boolean {
  return /^[A-ZĐ]{2,}$/.test(word) && word.includes('Đ');
}

// ---- per-word classification -----------------------------------------------------------------

/**
 * L: legacy for sure; A: a syllable either way; F: damaged beyond a syllable (a typo in the
 * legacy text) but free of foreign bytes once decoded; U: Unicode for sure; N: unaffected.
 */
type WordClass = 'L' | 'A' | 'F' | 'U' | 'N';

interface Word {
  text: string;
  start: number;
  converted: string;
  cls: WordClass;
  foreign: boolean;
}

function classify(text: string, enc: Encoding): { converted: string; cls: WordClass; foreign: boolean } {
  const foreign = FOREIGN_RE.test(text);
  const converted = decode(text, enc);
  if (converted === text) return { converted, cls: /[^\u0000-\u00ff]/.test(text) ? 'U' : 'N', foreign };
  const validConv = isSyllable(converted) || isAbbreviation(converted);
  // `phÝ`: a capital inside a small-letter word is a TCVN3 byte, not a letter of the word.
  const oddCase = /\p{Ll}\p{Lu}/u.test(text) && text !== text.toUpperCase();
  const validOrig = !foreign && !oddCase && isSyllable(text);
  if (validConv && !validOrig) return { converted, cls: 'L', foreign };
  if (validConv && validOrig) return { converted, cls: 'A', foreign };
  // `Ð` alone is the look-alike of `Đ` handled by repairEth, not a legacy byte.
  if (foreign && !FOREIGN_RE.test(converted) && !/[Ðð]/.test(text) && !/\p{M}/u.test(converted)) {
    return { converted, cls: 'F', foreign };
  }
  return { converted, cls: validOrig || /[^\u0000-\u00ff]/.test(text) ? 'U' : 'N', foreign };
}

function words(line: string, enc: Encoding): Word[] {
  const out: Word[] = [];
  for (const m of line.matchAll(WORD_RE)) {
    const c = classify(m[0], enc);
    out.push({ text: m[0], start: m.index, ...c });
  }
  return out;
}

/** Evidence that a line is written in `enc`: damaged words that decode to syllables. */
function evidence(ws: Word[]): number {
  let score = 0;
  for (const w of ws) if (w.cls === 'L') score += w.foreign ? 2 : 1;
  return score;
}

// TCVN3 writes ư as a soft hyphen, which PDF extraction often turns into a space or a hyphen
// (`ng êi`, `®- îc`, `N- íc`): rejoin a consonant-only fragment with the syllable it was cut from.
const SPLIT_U_RE = /(?<![\p{L}\u00a1-\u00ae\u00b5-\u00be])([bcdghklmnpqrstvxđ®§BCDGHKLMNPQRSTVXĐ]{1,3})(-\s?| )(?=([\p{L}\u00a1-\u00ae\u00b5-\u00be\u00d7\u00f7]+))/gu;

function rejoinTcvn3(line: string): string {
  return line.replace(SPLIT_U_RE, (all, left: string, sep: string, right: string) => {
    // A plain space is also how name initials are written (`ông B ®·`): only the ươ rhymes,
    // which cannot start a word, count there; a hyphen may precede any vowel (`®- a` = đưa).
    if (sep === ' ' && !/^[\u00ac\u00ea\u00ed\u00eb\u00ec\u00ee]/.test(right)) return all;
    const joined = decodeTcvn3(`${left}\u00ad${right}`);
    return isSyllable(joined) ? `${left}\u00ad` : all;
  });
}

// ---- document vocabulary ---------------------------------------------------------------------

function key(word: string): string {
  return normalizeSyllableTone(word.normalize('NFC').toLowerCase());
}

class Vocabulary {
  private readonly counts = new Map<string, number>();
  add(word: string): void {
    const k = key(word);
    this.counts.set(k, (this.counts.get(k) ?? 0) + 1);
  }
  count(word: string): number {
    return this.counts.get(key(word)) ?? 0;
  }
}

interface Reading {
  enc: Encoding;
  words: Word[];
  evidence: number;
}

interface LinePlan {
  enc: Encoding;
  words: Word[];
  line: string;
}

// How legacy lines without any non-Vietnamese byte look: a vowel followed by a VNI mark byte
// (`caùc`), or a TCVN3 letter coded as a capital inside a small-letter word (`chÊp`).
const VNI_PAIR_RE = /[aeouyAEOUYôÔ][ùøûõïâáàåãäêéèúüëÙØÛÕÏÂÁÀÅÃÄÊÉÈÚÜË]/;
const TCVN_CAPITAL_RE = /[a-z][ÈÉÊÌÒÓÕÝ]|[ÈÉÊÌÒÓÕÝ][a-z]/;

/** Both readings of a line that may hold legacy text; undefined when it certainly holds none. */
function readLine(line: string, legacyDocument: boolean): Reading[] | undefined {
  // Lines whose every byte is a Vietnamese letter are worth reading only in a legacy document.
  if (!FOREIGN_RE.test(line) && !(legacyDocument && (VNI_PAIR_RE.test(line) || TCVN_CAPITAL_RE.test(line)))) return undefined;
  const readings = (['tcvn3', 'vni'] as const).map((enc) => {
    const ws = words(line, enc);
    return { enc, words: ws, evidence: evidence(ws) };
  });
  return readings.some((r) => r.evidence > 0) ? readings : undefined;
}

/** Lines where an encoding has two or more damaged words: the document's legacy fonts. */
function strongLines(all: (Reading[] | undefined)[]): Record<Encoding, number> {
  const n: Record<Encoding, number> = { tcvn3: 0, vni: 0 };
  for (const rs of all) for (const r of rs ?? []) if (r.evidence >= 2) n[r.enc]++;
  return n;
}

// One damaged word suffices on a line of its own (`NHAÂN DANH`) or in a document that uses the
// font on other lines; otherwise it takes two, so that a lone typo in clean text stays as it is.
function isLegacyLine(rs: Reading[], strong: Record<Encoding, number>): boolean {
  return rs.some((r) => r.evidence >= 2 || (r.evidence >= 1 && (strong[r.enc] >= 3 || !r.words.some((w) => w.cls === 'U'))));
}

/** Picks the encoding whose decoded words are most damaged-then-repaired and most familiar. */
function planLine(line: string, readings: Reading[], vocab: Vocabulary): LinePlan {
  let best: Reading = readings[0]!;
  let bestScore = -Infinity;
  for (const r of readings) {
    let score = r.evidence;
    for (const w of r.words) if ((w.cls === 'L' || w.cls === 'A') && vocab.count(w.converted) > 0) score += 1;
    if (score > bestScore) {
      best = r;
      bestScore = score;
    }
  }
  if (best.enc === 'vni') return { enc: 'vni', line, words: best.words };
  const joined = rejoinTcvn3(line);
  return { enc: 'tcvn3', line: joined, words: joined === line ? best.words : words(joined, 'tcvn3') };
}

// Nearest word on one side that is certainly legacy (+1) or certainly Unicode (-1).
function neighbour(ws: Word[], i: number, step: 1 | -1): number {
  for (let j = i + step; j >= 0 && j < ws.length; j += step) {
    const c = ws[j]!.cls;
    if (c === 'L' || c === 'F') return 1;
    if (c === 'U') return -1;
  }
  return 0;
}

function shouldConvert(ws: Word[], i: number, vocab: Vocabulary): boolean {
  const w = ws[i]!;
  if (w.cls === 'L' || w.cls === 'F') return true;
  if (w.cls !== 'A') return false;
  // How much more often the document uses the decoded word than the word as written, plus the
  // company it keeps: legacy runs are contiguous because each run is one PDF font span.
  const lexical = Math.log((vocab.count(w.converted) + 0.5) / (vocab.count(w.text) + 0.5));
  const context = 2 * (neighbour(ws, i, -1) + neighbour(ws, i, 1));
  return lexical + context > 0;
}

// TCVN3 decodes to lower case; upper-case words (`HßA`, `CéNG`) keep their case.
function restoreCase(ws: Word[], i: number, converted: string): string {
  const isCaps = (w: Word | undefined): boolean => {
    if (!w) return false;
    const ascii = w.text.replace(/[^A-Za-z]/g, '');
    return ascii.length >= 2 && ascii === ascii.toUpperCase();
  };
  const w = ws[i]!;
  const upper = w.text.replace(/[^A-Z]/g, '').length;
  const lower = w.text.replace(/[^a-z]/g, '').length;
  // `VIÖt`: mostly capitals is a capitalised word with a stray small letter.
  if (upper >= 2 && upper > lower) return converted.toUpperCase();
  if (upper === 1 && lower === 0 && (isCaps(ws[i - 1]) || isCaps(ws[i + 1]))) return converted.toUpperCase();
  return converted;
}

function applyPlan(plan: LinePlan, vocab: Vocabulary): string {
  const { words: ws, line } = plan;
  let out = '';
  let pos = 0;
  ws.forEach((w, i) => {
    if (!shouldConvert(ws, i, vocab)) return;
    const converted = plan.enc === 'tcvn3' ? restoreCase(ws, i, w.converted) : w.converted;
    out += line.slice(pos, w.start) + converted;
    pos = w.start + w.text.length;
  });
  return out + line.slice(pos);
}

// `Ð` (U+00D0, Icelandic eth) is a look-alike some editors type for `Đ` (`Ðiều 40`).
function repairEth(text: string): string {
  if (!/[Ðð]/.test(text)) return text;
  return text.replace(/[Ðð](?=[a-zA-Zà-ỹÀ-Ỹ])[\p{L}]*/gu, (w) => {
    const fixed = w.replace(/Ð/g, 'Đ').replace(/ð/g, 'đ');
    return isSyllable(fixed) ? fixed : w;
  });
}

// Non-letters of FOREIGN_RE that clean texts also use are left out (`20 °C`, `½`, `Ðiều`).
const HINTS = String.raw`\u00b5-\u00b9\u00bb\u00c4-\u00c7\u00cb\u00ce\u00cf\u00d1\u00d6-\u00d8\u00db\u00dc\u00de\u00df\u00e4-\u00e7\u00eb\u00ee\u00ef\u00f1\u00f6-\u00f8\u00fb\u00fc\u00fe\u00ff`;
const LEGACY_HINT_RE = new RegExp(String.raw`[\u00a1-\u00af${HINTS}]`, 'u');
// Counted without the soft hyphen, which clean web texts also carry.
const LEGACY_HINTS_RE = new RegExp(String.raw`[\u00a1-\u00ac\u00ae\u00af${HINTS}]`, 'gu');

// Legacy-font PDFs also draw some marks as glyphs of their own, which extraction separates from
// their letter by a space (`Bô ̣ luâ ̣t` for `Bộ luật`); a mark never follows a space on purpose.
const DETACHED_MARK_RE = /[^\S\n]+([\u0300-\u036f])/g;

/** Converts TCVN3/VNI-damaged words of a text (decoded as Latin-1) back to Unicode, line by line. */
export function repairLegacyEncoding(input: string): string {
  const text = /\s[\u0300-\u036f]/.test(input) ? input.replace(DETACHED_MARK_RE, '$1').normalize('NFC') : input;
  if (!FOREIGN_RE.test(text)) return text;
  if (!LEGACY_HINT_RE.test(text)) return repairEth(text);
  const lines = text.split('\n');
  // Clean texts hold one or two such symbols at most; the lightest legacy judgment holds six.
  const legacyDocument = (text.match(LEGACY_HINTS_RE) ?? []).length >= 5;
  const candidates = lines.map((line) => readLine(line, legacyDocument));
  const strong = strongLines(candidates);
  const readings = candidates.map((rs) => (rs && isLegacyLine(rs, strong) ? rs : undefined));
  if (!readings.some(Boolean)) return repairEth(text);
  // The document's own vocabulary decides between readings and for ambiguous words: clean lines
  // as written, legacy lines through their certain words only.
  const vocab = new Vocabulary();
  lines.forEach((line, i) => {
    if (!readings[i]) for (const m of line.matchAll(WORD_RE)) vocab.add(m[0]);
  });
  const plans = lines.map((line, i) => {
    const r = readings[i];
    return r ? planLine(line, r, vocab) : undefined;
  });
  for (const plan of plans) {
    for (const w of plan?.words ?? []) {
      if (w.cls === 'L') vocab.add(w.converted);
      else if (w.cls === 'U') vocab.add(w.text);
    }
  }
  return lines
    .map((line, i) => {
      const plan = plans[i];
      return repairEth(plan ? applyPlan(plan, vocab) : line);
    })
    .join('\n');
}
