/**
 * Removes web-page boilerplate from scraped briefing pages (menus, "Xem chi tiết icon", photo file
 * names, audio-player labels, timestamps, "Top") while keeping every content line, figures included.
 */
const DROP_LINE: RegExp[] = [
  /^(icon|banner|top|breaking news|xem chi tiết( icon)?|chia sẻ|in bài|bình luận)$/i,
  /^[\w.-]+\.(jpe?g|png|gif|webp|svg)$/i,
  /^\d{1,2}:\d{2}(\s*\/\s*\d{1,2}:\d{2})?$/,
  /^[•·]?\s*(nam|nữ) miền (bắc|nam|trung)$/i,
  /^(thứ (hai|ba|tư|năm|sáu|bảy)|chủ nhật),\s*\d{1,2}\/\d{1,2}\/\d{4}(\s+\d{1,2}:\d{2})?$/i,
  /^\d{1,2}\/\d{1,2}\/\d{4}\s+lúc\s+\d{1,2}:\d{2}(\s*\(GMT[+-]\d+\))?$/i,
  /^[\p{L} ]{2,40}\s+-\s+Ảnh:\s*[\p{L} ]+$/u,
];

// Once a footer marker appears and nothing long follows, the rest is site navigation.
const FOOTER_START = /^(banner|icon|xem chi tiết icon)$/i;
const CONTENT_WORDS = 14;

function isBoilerplate(line: string): boolean {
  return DROP_LINE.some((re) => re.test(line));
}

/** Cleans a scraped page; returns the kept lines joined with blank lines between paragraphs. */
export function cleanWebPage(raw: string): string {
  let text = raw.replace(/^\s*date\s+\d{4}-\d{2}\s+/, '');
  const lines = text.split('\n').map((l) => l.trim());
  let footer = lines.length;
  for (let i = 0; i < lines.length; i++) {
    if (FOOTER_START.test(lines[i]!) && lines.slice(i).every((l) => l.split(/\s+/).length < CONTENT_WORDS)) {
      footer = i;
      break;
    }
  }
  const kept = lines.slice(0, footer).filter((l) => l.length > 0 && !isBoilerplate(l));
  text = kept.join('\n\n');
  return text;
}
