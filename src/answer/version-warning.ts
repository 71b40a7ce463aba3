import type { ServedIndex } from '../index/served-index.js';
import { findLawMentions, LawNameResolver } from '../retrieval/law-name-resolver.js';
import { ChatService, type ChatRequest, type ChatResult, type ChatServiceOptions } from './chat-service.js';

const LEGAL_KINDS = new Set(['law', 'code', 'regulation']);

/**
 * The corpus holds one version of each law. A question that names another (`Luật Đất đai 2013`
 * when the corpus has the law passed in 2024) is still answered from the corpus's version, with a
 * warning saying so. A version's year is the one in its closing formula (`… thông qua ngày 18
 * tháng 01 năm 2024`); laws whose text lacks it get no warning.
 */
export class LawVersionCheck {
  private readonly resolver: LawNameResolver;
  private readonly titles = new Map<string, string>();

  constructor(index: Pick<ServedIndex, 'catalog'>) {
    const entries = index
      .catalog()
      .filter((d) => LEGAL_KINDS.has(d.meta.kind))
      .map((d) => {
        this.titles.set(d.meta.id, d.meta.title);
        const year = d.passedYear;
        return { id: d.meta.id, title: d.meta.title, docType: d.meta.docType, ...(d.meta.number ? { number: d.meta.number } : {}), ...(year ? { year } : {}) };
      });
    this.resolver = new LawNameResolver(entries);
  }

  /** One warning per law the question names with a year other than the corpus version's. */
  warnings(question: string): string[] {
    const out = new Set<string>();
    for (const m of findLawMentions(question)) {
      const r = this.resolver.resolveDetailed(m.name);
      if (!r?.yearMismatch || r.documentYear === undefined || r.requestedYear === undefined) continue;
      const title = this.titles.get(r.id) ?? m.name;
      out.add(
        `Câu hỏi nêu ${m.name}, nhưng cơ sở dữ liệu chỉ có ${title} được thông qua năm ${r.documentYear}; câu trả lời dựa trên văn bản năm ${r.documentYear}, có thể khác với văn bản năm ${r.requestedYear}.`,
      );
    }
    return [...out];
  }
}

/** The chat service with the version warning added to each answer (on the question retrieval used). */
export class VersionCheckedChatService extends ChatService {
  constructor(
    options: ChatServiceOptions,
    private readonly versions: LawVersionCheck,
  ) {
    super(options);
  }

  override async answer(req: ChatRequest, onDelta?: (d: string) => void, signal?: AbortSignal): Promise<ChatResult> {
    const result = await super.answer(req, onDelta, signal);
    const warnings = this.versions.warnings(result.question);
    return warnings.length > 0 ? { ...result, warnings: [...warnings, ...result.warnings] } : result;
  }
}
