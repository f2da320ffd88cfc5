// Draws the benchmarking charts from the JSON in each .bench-chart's data-chart attribute (the
// strict CSP allows no inline script). The numbers are those of the table beside the chart.
// Horizontal stacked bars: categories on the vertical axis; in Arabic the value axis runs from
// the right and the category axis sits on the right, so the chart mirrors like the page.
(function () {
  'use strict';

  function draw(container) {
    var data = JSON.parse(container.getAttribute('data-chart'));
    var rtl = data.rtl === true;
    var chart = echarts.init(container, null, { renderer: 'svg' });
    chart.setOption({
      aria: { enabled: true, decal: { show: true } },
      animation: false,
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0, type: 'scroll' },
      grid: { top: 40, bottom: 24, left: rtl ? 16 : 8, right: rtl ? 8 : 16, containLabel: true },
      xAxis: { type: 'value', inverse: rtl, minInterval: 1 },
      yAxis: {
        type: 'category',
        inverse: true,
        position: rtl ? 'right' : 'left',
        data: data.categories
      },
      series: data.series.map(function (s) {
        return { name: s.name, type: 'bar', stack: 'total', data: s.data };
      })
    });
    window.addEventListener('resize', function () { chart.resize(); });
  }

  function drawAll() {
    if (typeof echarts === 'undefined') {
      return; // the tables beside the charts carry the same figures
    }
    document.querySelectorAll('.bench-chart[data-chart]').forEach(draw);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', drawAll);
  } else {
    drawAll();
  }
})();
