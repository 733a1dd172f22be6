// Draws every <canvas data-chart="…"> from its JSON data attribute (no inline scripts: the CSP
// forbids them). Each chart also has a table or text equivalent on the page.
(function () {
  'use strict';
  function draw(canvas) {
    var spec = JSON.parse(canvas.getAttribute('data-chart'));
    var options = {
      animation: false, // screenshots and tests see the final picture at once
      responsive: true, maintainAspectRatio: false,
      scales: spec.scales || {},
      plugins: { legend: { display: spec.legend !== false } }
    };
    if (spec.sparkline) {
      options.responsive = false;
      options.scales = { x: { display: false }, y: { display: false, beginAtZero: true } };
      options.plugins = { legend: { display: false }, tooltip: { enabled: false } };
      // small points, so that a lone day between gaps still shows
      options.elements = { point: { radius: 1.2 } };
    }
    new window.Chart(canvas, { type: spec.type || 'line', data: { labels: spec.labels, datasets: spec.datasets }, options: options });
    canvas.setAttribute('data-drawn', 'true');
  }
  document.addEventListener('DOMContentLoaded', function () {
    if (!window.Chart) return;
    document.querySelectorAll('canvas[data-chart]').forEach(draw);
  });
})();
