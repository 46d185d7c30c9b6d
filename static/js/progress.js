// Polls the version's status (analysis, or preparing the redacted files) so the author sees progress
// without reloading; moves on when done.
(function () {
  "use strict";
  var box = document.getElementById("analysis-progress");
  if (!box) { return; }
  var url = box.getAttribute("data-status-url");
  var bar = box.querySelector(".progress-bar");
  var meter = box.querySelector("[role=progressbar]");
  var text = box.querySelector("[data-progress-text]");

  function show(percent) {
    bar.style.width = percent + "%";
    meter.setAttribute("aria-valuenow", String(percent));
  }
  // Preparing the files has no measurable progress: the bar stays full and striped.
  var indeterminate = meter.hasAttribute("data-indeterminate");
  show(parseInt(meter.getAttribute("aria-valuenow"), 10) || 0);

  function poll() {
    fetch(url, { credentials: "same-origin", headers: { "Accept": "application/json" } })
      .then(function (response) { return response.json(); })
      .then(function (state) {
        if (!indeterminate) { show(state.progress); }
        if (state.done) {
          window.location.href = state.next || window.location.href;
          return;
        }
        text.textContent = state.queue_error
          ? state.queue_error
          : state.status === "preparing"
            ? "Making and verifying the redacted files; the version goes to the check queue when they are ready."
            : state.status === "uploaded"
              ? "Queued: analysis will start shortly."
              : "Analysing… " + state.progress + "%";
        window.setTimeout(poll, 1500);
      })
      .catch(function () {
        text.textContent = "Lost contact with the server; retrying…";
        window.setTimeout(poll, 5000);
      });
  }
  window.setTimeout(poll, 800);
})();
