/** One stored turn; an assistant turn keeps the answer as the API returned it (citations, mode, warnings). */
export interface StoredMessage {
  role: 'user' | 'assistant';
  content: string;
  answerId?: string;
  answer?: Record<string, unknown>;
  createdAt: string;
}

export interface Conversation {
  id: string;
  /** The first question, shortened. */
  title: string | null;
  createdAt: string;
  updatedAt: string;
  messages: StoredMessage[];
}

/** The answer half of a turn. */
export interface AssistantTurn {
  answerId: string;
  content: string;
  answer: Record<string, unknown>;
}

/** Port for server-side conversation threads, reopened by id. */
export interface ConversationStore {
  create(): Promise<Omit<Conversation, 'messages'>>;
  exists(id: string): Promise<boolean>;
  /** The conversation with its newest `maxMessages` messages in order, or undefined. */
  get(id: string, maxMessages?: number): Promise<Conversation | undefined>;
  /** Appends a question and its answer together; false when the conversation does not exist. */
  appendTurn(id: string, question: string, reply: AssistantTurn): Promise<boolean>;
}
