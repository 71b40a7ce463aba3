import { markdownTable } from '../report/terminal-table.js';
import { draftsMarkdown } from '../drafts/drafts-markdown.js';
import type { BenchReport } from './bench-types.js';

/** Scale targets from the issue: ingest under 15 minutes, peak RSS under 4 GB, search p95 under 100 ms. */
export function scaleTargets(r: BenchReport): { label: string; met: boolean }[] {
  const s = r.scale;
  if (!s) return [];
  if (!s.ingest) return [{ label: `scale ingest finished (${s.ingestError ?? 'not run'})`, met: false }];
  const out = [
    { label: `scale ingest < 15 min (measured ${(s.ingest.ms / 60000).toFixed(1)} min)`, met: s.ingest.ms < 15 * 60_000 },
    { label: `scale ingest peak RSS < 4 GB (measured ${(s.ingest.peakRssMb / 1024).toFixed(2)} GB)`, met: s.ingest.peakRssMb < 4096 },
  ];
  if (s.search) {
    out.push(
      { label: `scale serving peak RSS < 4 GB (measured ${(s.search.peakRssMb / 1024).toFixed(2)} GB)`, met: s.search.peakRssMb < 4096 },
      { label: `scale search p95 < 100 ms (measured ${s.search.p95} ms)`, met: s.search.p95 < 100 },
    );
  }
  return out;
}

/** Targets of the PostgreSQL backend (issue 13): parity with the in-memory backend, latency and RSS per API process at scale. */
export function scalePgTargets(r: BenchReport): { label: string; met: boolean }[] {
  const s = r.scalePg;
  if (!s) return [];
  if (s.error && !s.http) return [{ label: `scale-pg ran (${s.error})`, met: false }];
  const out: { label: string; met: boolean }[] = [];
  if (s.http) out.push({ label: `scale-pg search p95 < 150 ms at concurrency ${s.concurrency}, ${s.workers} API processes (measured ${s.http.p95} ms)`, met: s.http.p95 < 150 });
  const workers = (s.processes ?? []).filter((p) => p.role === 'worker');
  if (workers.length > 0) {
    const rss = Math.max(...workers.map((p) => p.rssMb));
    const peak = Math.max(...workers.map((p) => p.peakRssMb));
    out.push({ label: `scale-pg API process RSS < 600 MB (measured ${rss} MB after the load, peak ${peak} MB)`, met: peak < 600 });
  }
  if (s.parity) out.push({ label: `postgres MRR@10 within 0.01 of in-memory on ${s.parity.questions} questions (measured ${s.parity.mrrPostgres} vs ${s.parity.mrrMemory})`, met: Math.abs(s.parity.mrrPostgres - s.parity.mrrMemory) <= 0.01 });
  return out;
}

/** In-process search p95 under 15 ms for every question style (issue: natural questions must not cost latency). */
export function searchTargets(r: BenchReport): { label: string; met: boolean }[] {
  return (r.search?.sets ?? []).map((x) => ({ label: `in-process search p95 < 15 ms on ${x.name} (measured ${x.p95} ms)`, met: x.p95 < 15 }));
}

/** Soak targets from the reliability issue: no errors or timeouts, /healthz p99 < 200 ms, RSS within 20%. */
export function soakTargets(r: BenchReport): { label: string; met: boolean }[] {
  const s = r.soak;
  if (!s) return [];
  const errors = s.routes.reduce((n, x) => n + x.errors, 0);
  const timeouts = s.routes.reduce((n, x) => n + x.timeouts, 0);
  const health = s.routes.find((x) => x.route === 'GET /healthz');
  const growth = s.rssBeforeMb > 0 ? (s.rssAfterMb - s.rssBeforeMb) / s.rssBeforeMb : 0;
  return [
    { label: `soak: 0 errors and 0 timeouts (measured ${errors} errors, ${timeouts} timeouts)`, met: errors === 0 && timeouts === 0 },
    { label: `soak: /healthz p99 < 200 ms while case requests run (measured ${health?.p99 ?? '–'} ms)`, met: health !== undefined && health.p99 < 200 },
    { label: `soak: RSS after within 20% of before (measured ${s.rssBeforeMb} → ${s.rssAfterMb} MB, ${(growth * 100).toFixed(1)}%)`, met: Math.abs(growth) <= 0.2 },
  ];
}

/** The bench report as Markdown: one table per part that was run. */
export function benchMarkdown(r: BenchReport): string {
  const m = r.machine;
  const out = [`# Benchmarks`, '', `Updated ${r.updatedAt}. Machine: ${m.cpus} × ${m.cpuModel}, ${m.memoryGb} GB RAM, Node ${m.node}, ${m.platform}. Each ingest and search run is its own process, so peak RSS (\`process.resourceUsage().maxRSS\`) is that run's alone.`, ''];
  if (r.ingest) {
    const i = r.ingest;
    out.push('## Ingest (default corpus)', '', `Corpus \`${i.corpus}\`, ${i.corpusMb} MB; index on disk ${i.indexMb} MB.`, '');
    out.push(markdownTable([
      ['run', 'time (s)', 'documents', 'articles', 'chunks', 'embedded', 'docs/s', 'chunks/s', 'MB/s', 'peak RSS (MB)'],
      ['cold', (i.cold.ms / 1000).toFixed(2), String(i.cold.documents), String(i.cold.articles), String(i.cold.chunks), String(i.cold.embedded), String(i.cold.docsPerSec), String(i.cold.chunksPerSec), String(i.cold.mbPerSec), String(i.cold.peakRssMb)],
      ['unchanged re-run', (i.unchanged.ms / 1000).toFixed(2), String(i.unchanged.documents), String(i.unchanged.articles), String(i.unchanged.chunks), String(i.unchanged.embedded), '–', '–', '–', String(i.unchanged.peakRssMb)],
    ]), '');
  }
  if (r.http) {
    out.push('## HTTP load (autocannon, loopback)', '', `Server: \`src/server.ts\` in its own process over \`${r.http.index}\`, extractive answers. Bodies rotate through ALQAC dev questions; latencies in ms, measured per response.`, '');
    out.push(markdownTable([
      ['endpoint', 'concurrency', 'requests', 'req/s', 'p50', 'p95', 'p99', 'errors', 'timeouts', 'non-2xx'],
      ...r.http.runs.map((x) => [x.endpoint, String(x.concurrency), String(x.requests), String(x.rps), String(x.p50), String(x.p95), String(x.p99), String(x.errors), String(x.timeouts), String(x.non2xx)]),
    ]), '');
  }
  if (r.search) {
    out.push('## In-process search (default corpus)', '', `\`retriever.search(q, 10)\` over \`${r.search.indexDir}\`, once per question, in a process that loaded the index and warmed its caches as the server does; latencies in ms.`, '');
    out.push(markdownTable([
      ['questions', 'n', 'load + warm-up (s)', 'p50', 'p95', 'p99', 'max', 'peak RSS (MB)'],
      ...r.search.sets.map((x) => [x.name, String(x.queries), (x.loadMs / 1000).toFixed(1), String(x.p50), String(x.p95), String(x.p99), String(x.max), String(x.peakRssMb)]),
    ]), '', '### Targets', '', ...searchTargets(r).map((t) => `- ${t.met ? '✅' : '❌'} ${t.label}`), '');
  }
  if (r.scale) {
    const s = r.scale;
    out.push('## Scale (Pháp điển archive)', '', `\`${s.archive}\`: ${s.files} files, ${s.unpackedMb} MB unpacked in ${(s.unpackMs / 1000).toFixed(1)} s.`, '');
    if (s.ingest) {
      out.push(markdownTable([
        ['ingest (min)', 'documents', 'articles', 'chunks', 'skipped', 'index on disk (MB)', 'ingest peak RSS (MB)', 'index load (s)', 'search p50 (ms)', 'search p95 (ms)', 'search p99 (ms)', 'serving peak RSS (MB)'],
        [(s.ingest.ms / 60000).toFixed(2), String(s.ingest.documents), String(s.ingest.articles), String(s.ingest.chunks), String(s.ingest.skipped), String(s.indexMb ?? '–'), String(s.ingest.peakRssMb), s.search ? (s.search.loadMs / 1000).toFixed(1) : '–', String(s.search?.p50 ?? '–'), String(s.search?.p95 ?? '–'), String(s.search?.p99 ?? '–'), String(s.search?.peakRssMb ?? '–')],
      ]), '');
    } else out.push(`Ingest did not finish: ${s.ingestError ?? 'unknown'}`, '');
    out.push('### Targets', '', ...scaleTargets(r).map((t) => `- ${t.met ? '✅' : '❌'} ${t.label}`), '');
  }
  if (r.scalePg) out.push(...scalePgMarkdown(r));
  if (r.soak) {
    const s = r.soak;
    out.push('## Soak (mixed traffic, loopback)', '', `Server: \`src/server.ts\` (one worker per core, case threads on) over \`${s.index}\`; ${s.concurrency} clients for ${s.durationSec} s; rate limits off (one client stands for many). Latencies in ms.`, '');
    out.push(markdownTable([
      ['route', 'requests', 'errors', 'timeouts', 'statuses', 'p50', 'p95', 'p99', 'max'],
      ...s.routes.map((x) => [x.route, String(x.requests), String(x.errors), String(x.timeouts), Object.entries(x.statuses).map(([k, v]) => `${k}×${v}`).join(' '), String(x.p50), String(x.p95), String(x.p99), String(x.max)]),
    ]), '');
    out.push(`Server RSS (all processes): ${s.rssBeforeMb} MB after warm-up, ${s.rssAfterMb} MB after the soak.`, '', '### Targets', '', ...soakTargets(r).map((t) => `- ${t.met ? '✅' : '❌'} ${t.label}`), '');
  }
  if (r.drafts) out.push(...draftsMarkdown(r.drafts));
  return out.join('\n');
}

function scalePgMarkdown(r: BenchReport): string[] {
  const s = r.scalePg!;
  const out = ['## PostgreSQL search backend (SEARCH_BACKEND=postgres)', '', `Server ${s.server} (on the same machine as the API processes and the load generator). ${s.error ? `Stopped: ${s.error}` : ''}`.trim(), ''];
  const i = s.ingest?.ingest;
  out.push(markdownTable([
    ['in-memory ingest (min)', 'publish to PostgreSQL (min)', 'chunks', 'database (MB)', 'publish peak RSS (MB)'],
    [i ? (i.ms / 60000).toFixed(2) : s.reusedIndex ? `reused ${s.reusedIndex}` : '–', s.publish ? (s.publish.ms / 60000).toFixed(2) : '–', String(s.publish?.rows.chunks ?? '–'), String(s.publish?.databaseMb ?? '–'), String(s.publish?.peakRssMb ?? '–')],
  ]), '');
  if (s.http) {
    out.push(`\`/v1/search\` at concurrency ${s.concurrency} against ${s.workers} API processes (\`src/server.ts\`, WORKERS=${s.workers}), ALQAC questions:`, '');
    out.push(markdownTable([['requests', 'req/s', 'p50 (ms)', 'p95 (ms)', 'p99 (ms)', 'errors', 'non-2xx'], [String(s.http.requests), String(s.http.rps), String(s.http.p50), String(s.http.p95), String(s.http.p99), String(s.http.errors), String(s.http.non2xx)]]), '');
  }
  if (s.processes) out.push(markdownTable([['process', 'pid', 'RSS after the load (MB)', 'peak RSS (MB)'], ...s.processes.map((p) => [p.role, String(p.pid), String(p.rssMb), String(p.peakRssMb)])]), '');
  if (s.memoryHttp) {
    const m = s.memoryHttp;
    const rss = (s.memoryProcesses ?? []).filter((p) => p.role === 'worker').map((p) => `${p.rssMb} (peak ${p.peakRssMb})`).join(', ');
    out.push(`For comparison, the in-memory backend served the same way right after: ${m.rps} req/s, p50 ${m.p50} ms, p95 ${m.p95} ms; worker RSS ${rss} MB.`, '');
  }
  if (s.agreement) {
    const a = s.agreement;
    out.push(`Same queries through both backends at this scale (one process each, sequential): identical top-10 chunks for ${a.identical} of ${a.queries}, mean overlap@10 ${a.meanOverlap}; latency p50/p95 in-memory ${a.memory.p50}/${a.memory.p95} ms, PostgreSQL ${a.postgres.p50}/${a.postgres.p95} ms.`, '');
  }
  if (s.parity) {
    const p = s.parity;
    out.push(`Retrieval quality on the gold set (default corpus, ${p.questions} questions, shipped models): MRR@10 in-memory ${p.mrrMemory}, PostgreSQL ${p.mrrPostgres}; ranked articles differ on ${p.differing} questions.`, '');
  }
  if (s.judgments) {
    const j = s.judgments;
    out.push(`### SYNTHETIC judgments load test (latency and storage growth only)`, '', `${j.synthetic} synthetic judgments, each ${j.passagesEach} passages (facts, reasoning, decision) of three different real judgments, in 15 year partitions; written in ${(j.generateMs / 60000).toFixed(1)} min. Database ${j.databaseMbBefore} → ${j.databaseMbAfter} MB (judgment partitions ${j.judgmentPartitionsMb} MB). Judgments that applied Điều 584 BLDS, newest 20: ${j.appliedLookupMs} ms.`, '');
    out.push(markdownTable([
      ['search', 'p50 before (ms)', 'p95 before (ms)', 'p50 after (ms)', 'p95 after (ms)'],
      ['statutes, codes, briefings (chat kinds)', String(j.before.legal.p50), String(j.before.legal.p95), String(j.after.legal.p50), String(j.after.legal.p95)],
      ['judgments only', String(j.before.judgments.p50), String(j.before.judgments.p95), String(j.after.judgments.p50), String(j.after.judgments.p95)],
    ]), '', `Worker RSS: ${j.before.workerRssMb.join(', ')} MB before, ${j.after.workerRssMb.join(', ')} MB after.`, '');
  }
  out.push('### Targets', '', ...scalePgTargets(r).map((t) => `- ${t.met ? '✅' : '❌'} ${t.label}`), '');
  return out;
}
