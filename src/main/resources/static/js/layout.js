// Stacked tables on a phone (docs/ui.md): below 576 px every table row becomes a block whose
// cells show their column's name before the value (CSS: td::before { content: attr(data-label) }).
// The names are copied here from each table's own column headers, so that templates need no
// label per cell; a cell that already has a data-label keeps it. Runs on load and after every
// htmx swap. Without script the stacked rows still fit the screen, only without the names.
(function () {
  function headers(table) {
    var row = table.tHead && table.tHead.rows[table.tHead.rows.length - 1];
    var names = [];
    if (!row) {
      return names;
    }
    Array.prototype.forEach.call(row.cells, function (cell) {
      var text = cell.textContent.replace(/\s+/g, ' ').trim();
      for (var i = 0; i < (cell.colSpan || 1); i++) {
        names.push(text);
      }
    });
    return names;
  }

  function label() {
    var tables = document.querySelectorAll('table.table');
    Array.prototype.forEach.call(tables, function (table) {
      var names = headers(table);
      if (!names.length) {
        return;
      }
      Array.prototype.forEach.call(table.tBodies, function (body) {
        Array.prototype.forEach.call(body.rows, function (row) {
          var column = 0;
          Array.prototype.forEach.call(row.cells, function (cell) {
            if (!cell.hasAttribute('data-label') && names[column]) {
              cell.setAttribute('data-label', names[column]);
            }
            column += cell.colSpan || 1;
          });
        });
      });
    });
  }

  document.addEventListener('DOMContentLoaded', label);
  document.addEventListener('htmx:afterSettle', label);
})();
