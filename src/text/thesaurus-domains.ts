/** Domains a curated thesaurus line may name: one per law or code of the corpus, `chung` for cross-cutting terms (spelled with the project's tone placement, `ma tuý`). */
export const THESAURUS_DOMAINS = [
  'chung', 'hiến pháp', 'dân sự', 'hình sự', 'lao động', 'đất đai', 'hôn nhân gia đình', 'tố tụng dân sự',
  'tố tụng hình sự', 'tố tụng hành chính', 'cư trú', 'căn cước', 'viễn thông', 'giao dịch điện tử', 'an ninh mạng',
  'môi trường', 'khám chữa bệnh', 'nhà ở', 'ma tuý', 'rượu bia', 'tài nguyên nước', 'thanh niên', 'tiếp cận thông tin',
  'trọng tài', 'trồng trọt', 'chăn nuôi', 'viên chức', 'giáo dục', 'du lịch', 'đường bộ', 'giá', 'điện ảnh', 'hàng hải',
  'tiêu dùng', 'thông tin truyền thông',
] as const;

export type ThesaurusDomain = (typeof THESAURUS_DOMAINS)[number];

/** The domain of each document of the default corpus, by document id (`laws/luat-cu-tru`). */
export const DOCUMENT_DOMAINS: Readonly<Record<string, ThesaurusDomain>> = {
  'laws/bo-luat-dan-su': 'dân sự',
  'laws/hien-phap': 'hiến pháp',
  'laws/luat-an-ninh-mang': 'an ninh mạng',
  'laws/luat-bao-ve-moi-truong': 'môi trường',
  'laws/luat-bao-ve-quyen-loi-nguoi-tieu-dung': 'tiêu dùng',
  'laws/luat-can-cuoc': 'căn cước',
  'laws/luat-chan-nuoi': 'chăn nuôi',
  'laws/luat-cu-tru': 'cư trú',
  'laws/luat-dat-dai': 'đất đai',
  'laws/luat-dien-anh': 'điện ảnh',
  'laws/luat-du-lich': 'du lịch',
  'laws/luat-duong-bo': 'đường bộ',
  'laws/luat-gia': 'giá',
  'laws/luat-giao-dich-dien-tu': 'giao dịch điện tử',
  'laws/luat-giao-duc': 'giáo dục',
  'laws/luat-hon-nhan-va-gia-dinh': 'hôn nhân gia đình',
  'laws/luat-kham-benh-chua-benh': 'khám chữa bệnh',
  'laws/luat-nha-o': 'nhà ở',
  'laws/luat-phong-chong-ma-tuy': 'ma tuý',
  'laws/luat-phong-chong-tac-hai-cua-ruou-bia': 'rượu bia',
  'laws/luat-tai-nguyen-nuoc': 'tài nguyên nước',
  'laws/luat-thanh-nien': 'thanh niên',
  'laws/luat-tiep-can-thong-tin': 'tiếp cận thông tin',
  'laws/luat-to-tung-hanh-chinh': 'tố tụng hành chính',
  'laws/luat-trong-tai-thuong-mai': 'trọng tài',
  'laws/luat-trong-trot': 'trồng trọt',
  'laws/luat-vien-chuc': 'viên chức',
  'laws/luat-vien-thong': 'viễn thông',
  'codes/bo-luat-hang-hai-viet-nam-2015': 'hàng hải',
  'codes/bo-luat-hinh-su-2015': 'hình sự',
  'codes/bo-luat-lao-dong-2019': 'lao động',
  'codes/bo-luat-to-tung-dan-su-2015': 'tố tụng dân sự',
  'codes/bo-luat-to-tung-hinh-su-2015': 'tố tụng hình sự',
};

/** Briefings are the Ministry of Information and Communications' reports. */
export const BRIEFING_DOMAIN: ThesaurusDomain = 'thông tin truyền thông';

/** The thesaurus domain of a parsed document; documents outside the default corpus get their title. */
export function domainOfDocument(id: string, kind: string, title: string): string {
  if (kind === 'briefing') return BRIEFING_DOMAIN;
  return DOCUMENT_DOMAINS[id] ?? title;
}
