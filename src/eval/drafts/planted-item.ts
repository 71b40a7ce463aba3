/** How a benchmark item was made from a real provision (or found outside the corpus). */
export type PlantedKind = 'number' | 'modality' | 'authority' | 'exception' | 'reworded' | 'paraphrase' | 'unrelated' | 'reference';

/** The finding a correct checker gives for the item. */
export type ExpectedFinding = 'conflict' | 'duplicate' | 'reference' | 'none';

/** One line of `eval/datasets/drafts-planted.jsonl`. */
export interface PlantedItem {
  id: string;
  kind: PlantedKind;
  expected: ExpectedFinding;
  /** The draft text given to the checker. */
  text: string;
  /** The real provision it was made from (a corpus sentence), for conflict and duplicate items. */
  source?: { documentId: string; article: string; clause?: string; text: string };
  /** What was changed: `15 ngày → 30 ngày`, `phải → không phải`, a paraphrase's rules, a reference's target. */
  edit: string;
  /** Cross-validation group: the source law's id, or the outside document's number for unrelated rules. */
  group: string;
}
