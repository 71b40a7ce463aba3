/** A rating of one answer, as the page (or any client) sends it. */
export interface FeedbackInput {
  rating: 'helpful' | 'not_helpful';
  comment?: string | undefined;
  question?: string | undefined;
  answer?: string | undefined;
  citations?: string[] | undefined;
  mode?: string | undefined;
}

export type FeedbackRecord = FeedbackInput & { id: string; createdAt: string };

/** Port for stored ratings; `SqlFeedbackStore` keeps them in the database. */
export interface FeedbackStore {
  append(input: FeedbackInput): Promise<FeedbackRecord>;
  /** The newest `limit` ratings, newest first. */
  list(limit?: number): Promise<FeedbackRecord[]>;
  /** Bytes the stored ratings take (the quota FEEDBACK_MAX_BYTES is checked against it). */
  sizeBytes(): Promise<number>;
}
