import { $ } from './dom.js';

/** Reads the filter form into the API's `filters` object; undefined when nothing is set. */
export function readFilters() {
  const kinds = [...document.querySelectorAll('input[name="kind"]:checked')].map((i) => i.value);
  const inForceOnly = $('in-force-only').checked;
  const asOf = $('as-of').value;
  const filters = {};
  if (kinds.length) filters.kinds = kinds;
  if (inForceOnly) filters.inForceOnly = true;
  if (/^\d{4}-\d{2}-\d{2}$/.test(asOf)) filters.asOf = asOf;
  return Object.keys(filters).length ? filters : undefined;
}

/** Keeps the "(n)" badge on the collapsed summary so active filters are never forgotten. */
export function initFilters() {
  const box = $('filters');
  const badge = $('filter-count');
  const update = () => {
    const f = readFilters();
    const n = f ? (f.kinds?.length ?? 0) + (f.inForceOnly ? 1 : 0) + (f.asOf ? 1 : 0) : 0;
    badge.textContent = n ? `(${n} đang bật)` : '';
  };
  box.addEventListener('change', update);
  box.addEventListener('input', update);
  $('clear-filters').addEventListener('click', () => {
    for (const i of box.querySelectorAll('input[type="checkbox"]')) i.checked = false;
    $('as-of').value = '';
    update();
  });
  update();
}
