/**
 * The kind of case a description is about (hình sự, dân sự, hôn nhân và gia đình, lao động, kinh
 * doanh thương mại, hành chính), decided from the words that each kind of proceeding uses for its
 * parties and subject, with the words found as the reason. The codes that govern each kind decide
 * where recommendations are drawn from. Cue lists are written from the procedural codes' own terms
 * (BLTTHS: bị cáo, bị can, truy tố; BLTTDS: nguyên đơn, bị đơn; Luật TTHC: người bị kiện…).
 */
import { cue, FactText, type Cue } from './criminal/fact-text.js';

export type CaseType = 'hình sự' | 'dân sự' | 'hôn nhân và gia đình' | 'lao động' | 'kinh doanh thương mại' | 'hành chính';

export interface CaseTypeDecision {
  type: CaseType;
  /** `criminal` runs the criminal recommender; everything else the civil one. */
  family: 'criminal' | 'civil';
  /** The words of the description that decided it (at most five). */
  cues: string[];
  /** One sentence for the judge. */
  reason: string;
}

interface TypeCues {
  type: CaseType;
  /** Words that name the kind of case outright (weight 2). */
  strong: Cue;
  /** Words typical of it (weight 1). */
  typical: Cue;
}

const CUES: TypeCues[] = [
  {
    type: 'hình sự',
    strong: cue(String.raw`bị\s+cáo|bị\s+can|truy\s+tố|cáo\s+trạng|viện\s+kiểm\s+sát|kiểm\s+sát\s+viên|khởi\s+tố|(?<!\p{L})tội\s+\p{Lu}|phạm\s+tội|tiền\s+án|bắt\s+quả\s+tang`),
    typical: cue(String.raw`trộm|cướp|lừa\s+đảo|chiếm\s+đoạt|ma\s+tuý|heroin|methamphetamine|tàng\s+trữ|đánh\s+bạc|giết|đâm\s+chết|hung\s+khí|thu\s+giữ|vật\s+chứng|đối\s+tượng|nồng\s+độ\s+cồn|tử\s+vong`),
  },
  {
    type: 'hôn nhân và gia đình',
    strong: cue(String.raw`ly\s+hôn|nuôi\s+con|cấp\s+dưỡng|kết\s+hôn\s+trái\s+pháp\s+luật|huỷ\s+việc\s+kết\s+hôn`),
    typical: cue(String.raw`vợ\s+chồng|con\s+chung|tài\s+sản\s+chung\s+của\s+vợ\s+chồng|quyền\s+nuôi|mâu\s+thuẫn\s+vợ\s+chồng`),
  },
  {
    type: 'lao động',
    strong: cue(String.raw`hợp\s+đồng\s+lao\s+động|người\s+lao\s+động|người\s+sử\s+dụng\s+lao\s+động|sa\s+thải|kỷ\s+luật\s+lao\s+động|đơn\s+phương\s+chấm\s+dứt\s+hợp\s+đồng\s+lao\s+động`),
    typical: cue(String.raw`tiền\s+lương|trợ\s+cấp\s+thôi\s+việc|bảo\s+hiểm\s+xã\s+hội|trợ\s+cấp\s+mất\s+việc`),
  },
  {
    type: 'kinh doanh thương mại',
    strong: cue(String.raw`kinh\s+doanh\s+thương\s+mại|hợp\s+đồng\s+mua\s+bán\s+hàng\s+hoá|thành\s+viên\s+công\s+ty|cổ\s+đông`),
    typical: cue(String.raw`(?:công\s+ty|doanh\s+nghiệp|ngân\s+hàng)[^.]{0,160}(?:công\s+ty|doanh\s+nghiệp)|hợp\s+đồng\s+tín\s+dụng[^.]{0,120}công\s+ty|công\s+ty[^.]{0,120}hợp\s+đồng\s+tín\s+dụng`),
  },
  {
    type: 'hành chính',
    strong: cue(String.raw`người\s+bị\s+kiện|quyết\s+định\s+hành\s+chính|hành\s+vi\s+hành\s+chính|khiếu\s+kiện`),
    typical: cue(String.raw`huỷ\s+quyết\s+định|(?:uỷ\s+ban\s+nhân\s+dân|UBND)[^.]{0,80}(?:quyết\s+định|thu\s+hồi\s+đất)`),
  },
  {
    type: 'dân sự',
    strong: cue(String.raw`nguyên\s+đơn|bị\s+đơn|khởi\s+kiện|người\s+có\s+quyền\s+lợi,?\s+nghĩa\s+vụ\s+liên\s+quan`),
    typical: cue(String.raw`tranh\s+chấp|hợp\s+đồng|thừa\s+kế|di\s+sản|bồi\s+thường\s+thiệt\s+hại|quyền\s+sử\s+dụng\s+đất|(?<!\p{L})vay(?!\p{L})|đòi\s+lại|thế\s+chấp`),
  },
];

const LABELS: Record<CaseType, string> = {
  'hình sự': 'vụ án hình sự',
  'dân sự': 'vụ án dân sự',
  'hôn nhân và gia đình': 'vụ án hôn nhân và gia đình',
  'lao động': 'vụ án lao động',
  'kinh doanh thương mại': 'vụ án kinh doanh, thương mại',
  'hành chính': 'vụ án hành chính',
};

/** Decides the case type of a description; see the module comment. Civil is the default. */
export function classifyCaseType(description: string): CaseTypeDecision {
  const t = new FactText(description);
  const tally = CUES.map((c) => {
    const strong = t.all(c.strong);
    const typical = t.all(c.typical);
    return { type: c.type, score: 2 * strong.length + typical.length, strongHits: strong.length, words: [...strong, ...typical].map((h) => h.text.toLowerCase().replace(/\s+/g, ' ')) };
  });
  const criminal = tally.find((x) => x.type === 'hình sự')!;
  const civilRoles = tally.find((x) => x.type === 'dân sự')!;
  // Criminal proceedings name a defendant and a prosecution; civil ones a plaintiff and a defendant.
  const isCriminal = criminal.strongHits > 0 ? criminal.score >= civilRoles.strongHits * 2 : criminal.score >= 3 && civilRoles.strongHits === 0;
  let chosen = criminal;
  if (!isCriminal) {
    const special = tally.filter((x) => x.type !== 'hình sự' && x.type !== 'dân sự' && (x.strongHits > 0 || x.score >= 2)).sort((a, b) => b.score - a.score)[0];
    chosen = special ?? civilRoles;
  }
  const cues = [...new Set(chosen.words)].slice(0, 5);
  const reason = cues.length > 0 ? `Mô tả có các từ đặc trưng của ${LABELS[chosen.type]}: ${cues.map((c) => `“${c}”`).join(', ')}.` : `Không thấy dấu hiệu của loại vụ án khác; xem như ${LABELS[chosen.type]}.`;
  return { type: chosen.type, family: chosen.type === 'hình sự' ? 'criminal' : 'civil', cues, reason };
}
