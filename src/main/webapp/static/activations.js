// cdp-console, activation history: draws the chart of the filtered runs with uPlot, from the JSON the page
// carries in data-chart (no inline script: the pages' Content-Security-Policy forbids it).
document.addEventListener('DOMContentLoaded', () => {
  const holder = document.getElementById('history-chart');
  if (!holder || typeof uPlot === 'undefined') {
    return;
  }
  const data = JSON.parse(holder.dataset.chart || '{"days":[]}');
  const rowsTarget = document.getElementById('chart-rows');
  const outcomesTarget = document.getElementById('chart-outcomes');
  if (!data.days.length) {
    return;
  }
  const width = (target) => Math.max(280, target.clientWidth || 500);
  const bars = uPlot.paths && uPlot.paths.bars ? uPlot.paths.bars({ size: [0.6, 40] }) : undefined;
  // Counts are whole numbers: no tick between 0 and 1.
  const whole = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1e3, 2e3, 5e3, 1e4, 2e4, 5e4, 1e5, 1e6, 1e7, 1e8, 1e9];
  const axes = [{ values: '{YYYY}-{MM}-{DD}', space: 80 }, { size: 60, incrs: whole }];
  const time = { tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC') };
  const day = 86400;
  const range = { x: { time: true, range: (u, min, max) => [min - day / 2, max + day / 2] } };
  const charts = [];
  charts.push(new uPlot({
    width: width(rowsTarget), height: 220, ...time, scales: range, axes,
    series: [{ label: holder.dataset.labelDay },
      { label: holder.dataset.labelRows, stroke: '#0d6efd', fill: 'rgba(13,110,253,0.35)', paths: bars, points: { show: false } }],
  }, [data.days, data.rows], rowsTarget));
  charts.push(new uPlot({
    width: width(outcomesTarget), height: 220, ...time, scales: range, axes,
    series: [{ label: holder.dataset.labelDay },
      { label: holder.dataset.labelSuccess, stroke: '#198754', width: 2, points: { show: true, size: 6 } },
      { label: holder.dataset.labelFailed, stroke: '#dc3545', width: 2, points: { show: true, size: 6 } }],
  }, [data.days, data.success, data.failed], outcomesTarget));
  holder.dataset.drawn = 'true';
  window.addEventListener('resize', () => {
    charts.forEach((chart) => chart.setSize({ width: width(chart.root.parentElement), height: 220 }));
  });
});
