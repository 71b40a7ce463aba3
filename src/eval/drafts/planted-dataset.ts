import { readFile, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { PlantedItem } from './planted-item.js';

export const PLANTED_DATASET = 'eval/datasets/drafts-planted.jsonl';

const HEADER = `# Planted-edit benchmark for the draft checker (POST /v1/drafts/check). GENERATED — do not edit by hand.
# Regenerate: npm run bench -- --only drafts --regenerate   (src/eval/drafts/generate-benchmark.ts, seed 11)
# One JSON item a line: {id, kind, expected, text, source?, edit, group}.
# - number / modality / authority / exception (expected "conflict"): a real sentence of a law or code in ../shared/corpus with
#   one figure changed (15 → 30 ngày, 18 → 16 tuổi, 5% → 10%), one modal word flipped (phải → không phải, không được → được),
#   the deciding authority swapped (cấp tỉnh → cấp xã, one minister → another) or its exception ("trừ trường hợp …") removed.
# - reworded (expected "conflict"): a paraphrase (below) with one figure, modal word or authority changed as above.
# - paraphrase (expected "duplicate"): the same sentence with 2–3 meaning-keeping rewrites (phải → có trách nhiệm, trong thời hạn →
#   trong vòng, 01 năm → 12 tháng, 15 ngày → mười lăm ngày, Ủy ban nhân dân → UBND, …).
# - unrelated (expected "none"): a provision of a law outside the corpus, quoted by the Pháp điển archive
#   (../shared/datasets/phapdien-van-ban-md.tar.gz); ones whose plain syllable overlap with a corpus sentence is ≥ 0.6 are
#   restatements, not new rules, and are left out.
# - reference (expected "reference"): another outside provision ending "theo quy định tại Điều N của <law>" with N past the
#   law's last article, or "theo quy định của <law> số <number>" for a law a corpus text says it replaced.
# group = the source law (or outside law number): cross-validation folds never split a group.
`;

export async function writePlanted(items: PlantedItem[], file = PLANTED_DATASET): Promise<void> {
  await mkdir(path.dirname(path.resolve(file)), { recursive: true });
  await writeFile(file, HEADER + items.map((i) => JSON.stringify(i)).join('\n') + '\n');
}

export async function readPlanted(file = PLANTED_DATASET): Promise<PlantedItem[]> {
  const text = await readFile(file, 'utf8');
  return text.split('\n').filter((l) => l.trim() && !l.startsWith('#')).map((l) => JSON.parse(l) as PlantedItem);
}
