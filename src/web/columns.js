// newschart: large line data given as columns (the element's setColumns), laid out for
// Chart.from_columns: the words as the JSON of a feed dataset, the series' values end to end in
// one Float64Array (a single series given as a Float64Array goes in as it is, uncopied).

/**
 * `{x, xType, series: [{name, values, color}], ...words}` as Chart.from_columns takes it: the
 * words' JSON, x (converted where the chart is made), the values, and how many series.
 * @returns {{ words: string, x: ArrayLike<number> | undefined, values: Float64Array, series: number }}
 */
export function pack(columns) {
  const { x, xType, series = [], ...words } = columns || {};
  if (xType === 'date') words.x = 'date';
  const n = x ? x.length : 0;
  // one series as a Float64Array goes in as it is; else the series are laid end to end
  const one = series.length === 1 && series[0].values instanceof Float64Array;
  const values = one ? series[0].values : new Float64Array(n * Math.max(1, series.length));
  if (!one) series.forEach((s, i) => values.set(s.values, i * n));
  words.series = series.map(({ values: _, ...rest }) => rest);
  return { words: JSON.stringify(words), x, values, series: Math.max(1, series.length) };
}
