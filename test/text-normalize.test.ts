import { describe, expect, it } from 'vitest';
import { AccentRestorer, buildAccentStats } from '../src/text/accent-restorer.js';
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
});
