export interface ChartSeries {
  name: string;
  /** One value in [0, 1] per group; null draws no bar. */
  values: (number | null)[];
}

const PALETTE = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f'];

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A grouped bar chart (groups = metrics, bars = systems) on a 0–1 axis, as a standalone SVG string. */
export function groupedBarChart(title: string, groups: readonly string[], series: readonly ChartSeries[]): string {
  const bar = 14;
  const gap = 18;
  // Wide enough for labels like `citation_precision` under each group.
  const groupWidth = Math.max(series.length * bar + gap, 110);
  const left = 44;
  const top = 36;
  const plotH = 220;
  const legendH = 20 * Math.ceil(series.length / 4);
  const width = Math.max(left + 4 * 150 + 20, left + groups.length * groupWidth + 20);
  const height = top + plotH + 40 + legendH;
  const y = (v: number) => top + plotH - Math.max(0, Math.min(1, v)) * plotH;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="11">`,
    `<rect width="100%" height="100%" fill="#fff"/>`,
    `<text x="${width / 2}" y="20" text-anchor="middle" font-size="14" font-weight="bold">${esc(title)}</text>`,
  ];
  for (let t = 0; t <= 10; t += 2) {
    const v = t / 10;
    parts.push(`<line x1="${left}" x2="${width - 10}" y1="${y(v)}" y2="${y(v)}" stroke="#ddd"/>`, `<text x="${left - 6}" y="${y(v) + 4}" text-anchor="end">${v.toFixed(1)}</text>`);
  }
  groups.forEach((g, gi) => {
    const x0 = left + (groupWidth - series.length * bar) / 2 + gi * groupWidth;
    series.forEach((s, si) => {
      const v = s.values[gi];
      if (v === null || v === undefined) return;
      const x = x0 + si * bar;
      parts.push(`<rect x="${x}" y="${y(v)}" width="${bar - 2}" height="${top + plotH - y(v)}" fill="${PALETTE[si % PALETTE.length]}"><title>${esc(`${s.name} ${g}: ${v.toFixed(3)}`)}</title></rect>`);
    });
    parts.push(`<text x="${x0 + (series.length * bar) / 2}" y="${top + plotH + 16}" text-anchor="middle">${esc(g)}</text>`);
  });
  series.forEach((s, si) => {
    const lx = left + (si % 4) * 150;
    const ly = top + plotH + 34 + Math.floor(si / 4) * 20;
    parts.push(`<rect x="${lx}" y="${ly - 9}" width="10" height="10" fill="${PALETTE[si % PALETTE.length]}"/>`, `<text x="${lx + 14}" y="${ly}">${esc(s.name)}</text>`);
  });
  parts.push('</svg>');
  return parts.join('\n');
}
