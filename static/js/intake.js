// Advisor intake: recompute the advice beside the form as answers change (the "Update advice"
// button does the same without JavaScript).
(function () {
  "use strict";
  var form = document.getElementById("intake-form");
  var panel = document.getElementById("advice-panel");
  if (!form || !panel || !window.fetch) { return; }
  var timer;
  var pending;
  function refresh() {
    if (pending) { pending.abort(); }
    pending = new AbortController();
    fetch(form.getAttribute("data-advice-url"), {
      method: "POST", body: new FormData(form), credentials: "same-origin", signal: pending.signal
    }).then(function (r) { return r.ok ? r.text() : null; })
      .then(function (html) { if (html !== null) { panel.innerHTML = html; } })
      .catch(function () {});
  }
  function later() { clearTimeout(timer); timer = setTimeout(refresh, 250); }
  form.addEventListener("change", later);
  form.addEventListener("input", later);
})();
