/** Removes every Vietnamese diacritic (`Điều` → `Dieu`): the form queries typed without accents match. */
export function foldDiacritics(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');
}

/** True when the text has at least one Vietnamese diacritic. */
export function hasDiacritics(text: string): boolean {
  return foldDiacritics(text) !== text.normalize('NFC');
}
