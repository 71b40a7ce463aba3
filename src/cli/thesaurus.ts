import { parseArgs } from 'node:util';
import path from 'node:path';
import { loadConfig } from '../config.js';
import { CorpusPhrases, missingTargets } from '../ingest/corpus-phrases.js';
import { mineDefinitions } from '../ingest/mine-definitions.js';
import { isLegalSource, readCorpusDocuments } from '../ingest/read-corpus.js';
import { DOCUMENT_DOMAINS } from '../text/thesaurus-domains.js';
import { loadThesaurus, Thesaurus } from '../text/thesaurus.js';
import { runMain } from './run-main.js';

const USAGE = `Usage: npm run thesaurus -- [--corpus <dir>] [--dir <thesaurus dir>] [--verbose]
Checks the curated thesaurus against the corpus (every "to" must occur in a law, code or briefing),
mines the definitions of every "Giải thích từ ngữ" article, and prints counts by kind and domain.
  --verbose  also list curated terms found only outside their own domain's law`;

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { corpus: { type: 'string' }, dir: { type: 'string' }, verbose: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' } } });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const config = loadConfig();
  const corpusDir = values.corpus ? path.resolve(values.corpus) : config.CORPUS_DIR;
  const dir = values.dir ? path.resolve(values.dir) : config.THESAURUS_DIR;
  const curated = loadThesaurus(dir);
  const docs = await readCorpusDocuments(corpusDir, isLegalSource);
  const corpus = new CorpusPhrases(docs);

  const missing = missingTargets(curated.all(), corpus);
  for (const r of missing) console.log(`MISSING ${r.source}: "${r.to}" does not occur in the corpus (from "${r.from}")`);
  if (values.verbose) {
    const docsOf = new Map<string, string[]>();
    for (const [id, domain] of Object.entries(DOCUMENT_DOMAINS)) docsOf.set(domain, [...(docsOf.get(domain) ?? []), id]);
    for (const r of curated.all()) {
      const own = docsOf.get(r.domain);
      const where = corpus.documentsWith(r.to);
      if (own && where.size > 0 && !own.some((id) => where.has(id))) console.log(`ELSEWHERE ${r.source}: "${r.to}" is not in the ${r.domain} law (found in ${[...where].slice(0, 3).join(', ')})`);
    }
  }

  const mined = mineDefinitions(docs, corpus);
  const all = new Thesaurus(curated.all());
  const minedAdded = all.addAll(mined);
  console.log(`curated relations: ${curated.size} in ${dir}`);
  console.log(`  by kind:   ${JSON.stringify(curated.countsByKind())}`);
  console.log(`  by domain: ${JSON.stringify(curated.countsByDomain())}`);
  console.log(`mined definitions: ${mined.length} from ${new Set(mined.map((r) => r.source.split(' ')[0])).size} documents (${minedAdded} new beside the curated ones)`);
  console.log(`  by domain: ${JSON.stringify(new Thesaurus(mined).countsByDomain())}`);
  console.log(`total: ${all.size}; curated "to" not in corpus: ${missing.length}`);
  return missing.length === 0 ? 0 : 1;
}

runMain(main);
