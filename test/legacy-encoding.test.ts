import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { repairLegacyEncoding } from '../src/text/legacy-encoding.js';
import { normalizeVietnamese } from '../src/text/normalize.js';

const CORPUS = new URL('../../shared/corpus/', import.meta.url);
const read = (rel: string): string => readFileSync(new URL(rel, CORPUS), 'utf8').normalize('NFC');
const judgmentFiles = readdirSync(new URL('judgments/', CORPUS)).filter((f) => f.endsWith('.txt'));
// What `grep -l "[¸øµöñ®]"` finds: the judgments with legacy-font words.
const legacyFiles = judgmentFiles.filter((f) => /[¸øµöñ®]/.test(read(`judgments/${f}`)));
// Latin-1 letters and symbols that are no Vietnamese letter; the fractions and m² are genuine.
const DAMAGED_WORD_RE = /[\p{L}\u00a1-\u00ff]*[\u00a1-\u00b1\u00b4-\u00bb\u00bf\u00c4-\u00c7\u00cb\u00ce-\u00d1\u00d6-\u00d8\u00db\u00dc\u00de\u00df\u00e4-\u00e7\u00eb\u00ee-\u00f1\u00f6-\u00f8\u00fb\u00fc\u00fe\u00ff][\p{L}\u00a1-\u00ff]*/gu;

describe('repairLegacyEncoding on the real judgments', () => {
  it('finds the eleven legacy-font judgments the brief names', () => {
    expect(legacyFiles.length).toBe(11);
  });

  it('repairs TCVN3 words in case_2705 and leaves its Unicode words alone', () => {
    const fixed = repairLegacyEncoding(read('judgments/case_2705.txt'));
    expect(fixed).toContain('131; Điều 357 và Điều 513; Điều 514 Bộ luật dân sự; Điều 27 Pháp lệnh án phí, lệ');
    expect(fixed).toContain('Vì các lẽ trên.');
    expect(fixed).toContain('1. Xử: Chấp nhận yêu cầu khởi kiện của  ông Nguyễn Hữu B.');
    // ư lost to a space or kept as a soft hyphen by the PDF extractor.
    expect(fixed).toContain('Kể từ ngày bản án có hiệu lực pháp luật và người được thi hành án có đơn yêu');
    expect(fixed).toContain('phải trả lãi đối với số tiền chậm trả, tương ứng với thời gian chậm trả. Lãi xuất phát');
    // Unicode words that are also TCVN3 byte strings (`ông` = ụng, `dân` = dõn, `lãi` = lói) stay.
    expect(fixed).toContain('tiền  tạm  ứng  án  phí  ông  B  đã  nộp');
    expect(fixed).not.toMatch(/§iÒu|ụng B|dõn sự/u);
  });

  it('repairs VNI words in case_1959 and leaves its Unicode words alone', () => {
    const fixed = repairLegacyEncoding(read('judgments/case_1959.txt'));
    expect(fixed).toContain('Căn cứ vào các chứng cứ, tài liệu có trong hồ sơ vụ án đã \nđược thẩm tra cũng như tranh luận tại phiên tòa');
    expect(fixed).toContain('Kể  từ  khi  ông  S  có  đơn  yêu  cầu  thi  hành  án,  nếu  ông  H  không  thực');
    expect(fixed).toContain('QUYẾT ĐỊNH');
    expect(fixed).toContain('- Đương sự;');
  });

  it('repairs VNI capitals, repeated mark bytes and mixed words (case_2978)', () => {
    const fixed = repairLegacyEncoding(read('judgments/case_2978.txt'));
    expect(fixed).toContain('Bản án: 68/2017/DS-ST');
    expect(fixed).toContain('TM. HỘI ĐỒNG XÉT XỬ SƠ THẨM');
    expect(fixed).toContain('- Lưu hồ sơ (1);');
    expect(fixed).toContain('Đinh Thị Kiều Lương');
  });

  it('repairs TCVN3 capitals and abbreviations (case_669, case_5236)', () => {
    expect(repairLegacyEncoding(read('judgments/case_669.txt'))).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT Nam');
    const fixed = repairLegacyEncoding(read('judgments/case_5236.txt'));
    expect(fixed).toContain('Theo quyết định đưa vụ án ra xét xử số: 61/2018/QĐXX-DS ngày 02 tháng');
    expect(fixed).toContain('V/v tranh chấp về phường, họ');
    expect(fixed).toMatch(/^Quyết định: $/mu);
  });

  it('leaves no legacy byte in the legacy files but the mangled font of case_5160', () => {
    for (const f of legacyFiles) {
      const left = [...repairLegacyEncoding(read(`judgments/${f}`)).matchAll(DAMAGED_WORD_RE)].map((m) => m[0]);
      if (f === 'case_5160.txt') expect(left.length, f).toBeLessThanOrEqual(6);
      else expect(left, f).toEqual([]);
    }
  });

  it('changes only lines that hold a legacy byte or a detached mark', () => {
    // Beyond the eleven, case_149, case_5860 and others have a legacy line or two (`TOØA AÙN`).
    const legacyByte = /[\u00a1-\u00bf\u00c4-\u00c7\u00cb\u00ce-\u00d1\u00d6-\u00d8\u00db\u00dc\u00de\u00df\u00e4-\u00e7\u00eb\u00ee-\u00f1\u00f6-\u00f8\u00fb\u00fc\u00fe]|\p{Ll}[ÈÉÊÌÒÓÕÝ]|\s[\u0300-\u036f]/u;
    let changed = 0;
    for (const f of judgmentFiles) {
      const text = read(`judgments/${f}`);
      const before = text.split('\n');
      repairLegacyEncoding(text)
        .split('\n')
        .forEach((line, i) => {
          if (line === before[i]) return;
          changed++;
          // VNI lines may hold only Vietnamese letters (`caùc`): then a neighbouring line has the bytes.
          const around = before.slice(Math.max(0, i - 3), i + 4).join('\n');
          expect(around, `${f}:${i + 1}`).toMatch(legacyByte);
        });
    }
    expect(changed).toBeGreaterThan(150);
  });

  it('is idempotent', () => {
    const once = repairLegacyEncoding(read('judgments/case_5236.txt'));
    expect(repairLegacyEncoding(once)).toBe(once);
  });
});

describe('repairLegacyEncoding on clean texts', () => {
  it('passes every law, code and briefing through byte-identical, but for the look-alike Đ', () => {
    for (const dir of ['laws', 'codes', 'briefings']) {
      for (const f of readdirSync(new URL(`${dir}/`, CORPUS)).filter((n) => !n.endsWith('.json'))) {
        const text = read(`${dir}/${f}`);
        expect(repairLegacyEncoding(text), `${dir}/${f}`).toBe(text.replace(/Ð(?=iều|oàn)/gu, 'Đ'));
      }
    }
  });

  it('turns the eth look-alike into Đ so that `Ðiều 317` is an article heading', () => {
    expect(repairLegacyEncoding(read('codes/bo-luat-hinh-su-2015.txt'))).toContain('\nĐiều 317. Tội vi phạm quy định về vệ sinh an toàn thực phẩm');
  });

  it('never turns a valid Unicode word into a legacy reading', () => {
    const clean = 'Căn cứ Điều 5, ông và bà có hoà giải; dân sự, lãi suất, sô-cô-la, Thò, hoà, quân ý kiến. LÝ NHÂN';
    expect(repairLegacyEncoding(clean)).toBe(clean);
    // A legacy word next to clean ones changes alone.
    expect(repairLegacyEncoding('ông và bà Lê Thị T ®· nộp tiền cho Nhà nước')).toBe('ông và bà Lê Thị T đã nộp tiền cho Nhà nước');
  });

  it('rejoins marks that extraction separated from their letter', () => {
    expect(repairLegacyEncoding('các Điều 688 của Bô ̣ luâ ̣t Dân sự')).toBe('các Điều 688 của Bộ luật Dân sự');
  });
});

describe('normalizeVietnamese repairs legacy encodings before stripping soft hyphens', () => {
  it('reads TCVN3 ư written as a soft hyphen', () => {
    const t = normalizeVietnamese('" Tr\u00adêng  hîp  b¶n  ¸n, quyÕt  ®Þnh  thi  hµnh');
    expect(t).toBe('" Trường hợp bản án, quyết định thi hành');
  });

  it('gives the decision heading of a legacy judgment in Unicode', () => {
    expect(normalizeVietnamese(read('judgments/case_2705.txt'))).toMatch(/^\f? ?QUYẾT ĐỊNH$/mu);
  });
});
