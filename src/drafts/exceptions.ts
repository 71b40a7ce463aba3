/** An exception or carve-out in a provision (`…, trừ trường hợp quy định tại khoản 2 Điều này`). */
export interface Exception {
  text: string;
  start: number;
  end: number;
}

const EXCEPTION_RE = /(?<![\p{L}])(?:trừ\s+trường\s+hợp|trừ\s+các\s+trường\s+hợp|ngoại\s+trừ|trừ\s+(?:khi|việc|người|đối\s+với)|không\s+áp\s+dụng\s+(?:đối\s+với|cho))(?![\p{L}])[^.;:\n]*/giu;

/** The exceptions a provision makes, each up to the end of its clause or sentence. */
export function findExceptions(text: string): Exception[] {
  return [...text.matchAll(EXCEPTION_RE)].map((m) => ({ text: m[0].trim(), start: m.index, end: m.index + m[0].trimEnd().length }));
}
