import cliProgress from 'cli-progress';

const LABELS: Record<string, string> = { parse: 'Đọc & phân tích', train: 'Huấn luyện LSA', embed: 'Nhúng vector', index: 'Chỉ mục từ vựng', write: 'Ghi chỉ mục', scan: 'Quét', run: 'Chạy', read: 'Đọc Pháp điển', corpus: 'Đọc kho văn bản', count: 'Đếm từ', matrix: 'Ma trận TF-IDF', svd: 'Phân tích SVD', prepare: 'Chuẩn bị cặp', tune: 'Tinh chỉnh' };

/** A terminal progress bar per phase; silent when stderr is not a terminal (CI logs stay clean). */
export function createPhaseProgress(): { update: (phase: string, done: number, total: number) => void; stop: () => void } {
  if (!process.stderr.isTTY) return { update: () => undefined, stop: () => undefined };
  let bar: cliProgress.SingleBar | undefined;
  let current = '';
  return {
    update(phase, done, total) {
      if (phase !== current) {
        bar?.stop();
        current = phase;
        bar = new cliProgress.SingleBar({ format: `${(LABELS[phase] ?? phase).padEnd(18)} [{bar}] {value}/{total} {eta_formatted}`, stream: process.stderr, hideCursor: true }, cliProgress.Presets.shades_classic);
        bar.start(total, done);
      } else bar?.update(done);
      if (done >= total) bar?.setTotal(total);
    },
    stop: () => bar?.stop(),
  };
}
