import { describe, expect, it } from 'vitest';
import { AccentRestorer, buildAccentStats } from '../src/text/accent-restorer.js';
import { expandCasualSpelling } from '../src/text/casual-spelling.js';
import { foldDiacritics, hasDiacritics } from '../src/text/fold.js';
import { normalizeQuery, normalizeVietnamese } from '../src/text/normalize.js';
import { lexicalTerms } from '../src/text/tokenize.js';

describe('Vietnamese normalisation', () => {
  it('places tone marks one way for both spellings', () => {
    for (const [a, b] of [['hòa', 'hoà'], ['thủy', 'thuỷ'], ['khỏe', 'khoẻ'], ['tùy', 'tuỳ'], ['Hòa Bình', 'Hoà Bình']]) {
      expect(normalizeVietnamese(a!)).toBe(normalizeVietnamese(b!));
    }
    // Syllables whose tone already sits on a marked vowel are unchanged.
    for (const w of ['người', 'được', 'quyền', 'giữ', 'nghĩa', 'khuỷu']) expect(normalizeVietnamese(w)).toBe(w);
  });

  it('composes to NFC and repairs legacy-font Ư', () => {
    const decomposed = 'Điều'.normalize('NFD');
    expect(normalizeVietnamese(decomposed)).toBe('Điều');
    expect(normalizeVietnamese('NƢỚC CỘNG HOÀ, Tòa án nhân dân, ngƣời')).toBe('NƯỚC CỘNG HOÀ, Toà án nhân dân, người');
  });

  it('collapses whitespace and non-breaking spaces in queries', () => {
    expect(normalizeQuery('  thời\u00a0hạn   bổ nhiệm \n')).toBe('thời hạn bổ nhiệm');
  });

  it('folds diacritics for queries typed without accents', () => {
    expect(foldDiacritics('Đất đai, hợp đồng')).toBe('Dat dai, hop dong');
    expect(hasDiacritics('dat dai')).toBe(false);
    expect(hasDiacritics('đất đai')).toBe(true);
  });

  it('keeps figures whole and pairs syllables into bigrams within a sentence', () => {
    expect(lexicalTerms('đạt 58.900 tỷ đồng, tăng 9,3%.')).toEqual(['đạt', 'đạt_58900', '58900', '58900_tỷ', 'tỷ', 'tỷ_đồng', 'đồng', 'đồng_tăng', 'tăng', 'tăng_9.3', '9.3']);
    expect(lexicalTerms('hết. Mới')).toEqual(['hết', 'mới']);
  });

  it('restores diacritics from corpus bigram statistics', () => {
    // Word pairs seen once are pruned as noise, so the little corpus says each thing twice.
    const corpus = ['Thời hạn bổ nhiệm viên chức quản lý không quá 05 năm.', 'Quyền sử dụng đất đai.', 'Đất đai thuộc sở hữu toàn dân.'];
    const r = new AccentRestorer(buildAccentStats([...corpus, ...corpus]));
    expect(r.restore('thoi han bo nhiem vien chuc quan ly toi da la bao nhieu nam?')).toBe('thời hạn bổ nhiệm viên chức quản lý tối đa là bao nhiêu năm?');
    expect(r.restore('quyen su dung dat')).toBe('quyền sử dụng đất');
    expect(r.restore('đã có dấu')).toBe('đã có dấu');
  });

  it('restores the bare words of a mostly unaccented query and keeps the accented ones', () => {
    const corpus = ['Thời hạn bổ nhiệm viên chức quản lý không quá 05 năm.', 'Quyền sử dụng đất đai.'];
    const r = new AccentRestorer(buildAccentStats([...corpus, ...corpus]));
    // Chat spelling written out (`ko` → `không`) leaves one accented word in an unaccented question.
    expect(r.restore('thoi han bo nhiem vien chuc không qua 5 nam')).toBe('thời hạn bổ nhiệm viên chức không quá 5 năm');
    // A carefully accented question keeps its deliberate bare words (`cho`).
    expect(r.restore('Quyền sử dụng đất cho con')).toBe('Quyền sử dụng đất cho con');
  });
});

describe('expandCasualSpelling', () => {
  it('writes chat spelling out as words', () => {
    expect(expandCasualSpelling('cty no luong 2 thang ko tra thi lam sao')).toBe('công ty no luong 2 thang không tra thi lam sao');
    expect(expandCasualSpelling('lương tháng 13 có bắt buộc k ạ')).toBe('lương tháng 13 có bắt buộc không ạ');
    expect(expandCasualSpelling('vay 50tr lãi 5k/ngày có dc ko')).toBe('vay 50 triệu lãi 5 nghìn/ngày có được không');
    // A bare `t` after a figure is an age far more often than tỷ: left as typed.
    expect(expandCasualSpelling('con mình 17t bị bắt, nhà có 2ty')).toBe('con mình 17t bị bắt, nhà có 2 tỷ');
  });

  it('leaves point labels, acronyms and Roman numerals alone', () => {
    expect(expandCasualSpelling('theo điểm a khoản 2 Điều 5')).toBe('theo điểm a khoản 2 Điều 5');
    expect(expandCasualSpelling('Chương V Bộ luật hình sự')).toBe('Chương V Bộ luật hình sự');
    expect(expandCasualSpelling('UBND cấp xã')).toBe('UBND cấp xã');
    expect(expandCasualSpelling('sổ hồng chung cư')).toBe('sổ hồng chung cư');
  });
});
