// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";
  // Move focus to the error summary so screen-reader and keyboard users hear the problem first.
  var summary = document.querySelector("[data-autofocus]");
  if (summary) { summary.focus(); }

  // Copy buttons on the page for UWV's form: without JavaScript the answers are plain
  // selectable text and the buttons stay hidden.
  Array.prototype.forEach.call(document.querySelectorAll("[data-copy]"), function (button) {
    if (!navigator.clipboard) { return; }
    button.hidden = false;
    button.addEventListener("click", function () {
      var source = document.getElementById(button.getAttribute("data-copy"));
      navigator.clipboard.writeText(source.innerText).then(function () {
        var label = button.firstChild;
        label.nodeValue = button.getAttribute("data-done");
      });
    });
  });

  // Forms whose typed text lives only in the page until it is sent (the advisor's intake and
  // notes): leaving by a menu link, the back button or closing the tab first asks the browser's
  // "leave this page?" question. The member's own pages send the form on every link instead.
  Array.prototype.forEach.call(document.querySelectorAll("form[data-keep-typed]"), function (form) {
    var typed = false;
    form.addEventListener("input", function () { typed = true; });
    form.addEventListener("submit", function () { typed = false; });
    window.addEventListener("beforeunload", function (event) {
      if (!typed) { return; }
      event.preventDefault();
      event.returnValue = "";
    });
  });

  // Session timeout warning (WCAG 2.2.1): 5 minutes before the session ends, offer to stay.
  var body = document.body;
  var seconds = parseInt(body.getAttribute("data-session-seconds"), 10);
  var warning = document.getElementById("timeout-warning");
  if (!seconds || !warning) { return; }
  var warnAfter = Math.max(seconds - 300, 10) * 1000;
  var timer;
  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(function () {
      warning.hidden = false;
      warning.querySelector("[data-extend]").focus();
    }, warnAfter);
  }
  warning.querySelector("[data-extend]").addEventListener("click", function () {
    var token = warning.querySelector("input[name=csrfmiddlewaretoken]").value;
    fetch(body.getAttribute("data-extend-url"), {
      method: "POST", credentials: "same-origin", headers: { "X-CSRFToken": token }
    }).then(function () { warning.hidden = true; schedule(); });
  });
  schedule();
})();
