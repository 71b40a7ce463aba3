/** The assistant's modes, offered to OpenAI-compatible clients as models. */
export interface AssistantModel {
  id: string;
  /** `chat`: the civil servants' assistant; `judge`: provisions and similar judgments for a dispute. */
  mode: 'chat' | 'judge';
  description: string;
}

export const ASSISTANT_MODELS: readonly AssistantModel[] = [
  {
    id: 'tro-ly-phap-ly',
    mode: 'chat',
    description: 'Trả lời câu hỏi pháp luật, hành chính có trích dẫn điều, khoản, điểm / cited answers on Vietnamese law and administration',
  },
  {
    id: 'tro-ly-phap-ly-tham-phan',
    mode: 'judge',
    description: 'Tình tiết vụ việc → điều luật có thể áp dụng và bản án tương tự / a dispute → applicable provisions and similar judgments',
  },
];

/** A model by id, or undefined. */
export function findModel(id: string): AssistantModel | undefined {
  return ASSISTANT_MODELS.find((m) => m.id === id);
}

/** Creation time reported for every model: when this process started (seconds), as OpenAI reports Unix times. */
const STARTED = Math.floor(Date.now() / 1000);

/** A model as `GET /v1/models` lists it. */
export function presentModel(m: AssistantModel) {
  return { id: m.id, object: 'model' as const, created: STARTED, owned_by: 'tro-ly-phap-ly', description: m.description };
}
