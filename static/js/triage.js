// Turns a text selection in the document into the offsets of a manual redaction.
// The document element's text content equals the extracted text, so DOM offsets are text offsets.
(function () {
  "use strict";
  var doc = document.getElementById("doc-text");
  var form = document.getElementById("manual-form");
  if (!doc || !form) { return; }
  var start = form.querySelector("input[name=start]");
  var end = form.querySelector("input[name=end]");
  var label = document.getElementById("selection-text");
  var button = document.getElementById("manual-submit");

  function offsetOf(node, offset) {
    var range = document.createRange();
    range.selectNodeContents(doc);
    range.setEnd(node, offset);
    return range.toString().length;
  }

  document.addEventListener("selectionchange", function () {
    var selection = window.getSelection();
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed) { return; }
    var range = selection.getRangeAt(0);
    if (!doc.contains(range.startContainer) || !doc.contains(range.endContainer)) { return; }
    var from = offsetOf(range.startContainer, range.startOffset);
    var to = offsetOf(range.endContainer, range.endOffset);
    if (to <= from) { return; }
    start.value = from;
    end.value = to;
    var chosen = selection.toString();
    label.textContent = "Selected: \u201c" + (chosen.length > 80 ? chosen.slice(0, 80) + "\u2026" : chosen) + "\u201d";
    button.disabled = false;
  });
})();
