// Together on the call: both screens follow a shared case.
// Every 1.5 s a tiny request asks "still version N?" (204 = nothing new). Only when the answer
// is a new version does the page fetch what changed, through the same views that draw it.
// Without JavaScript the "Refresh" buttons do the same. See docs/decisions/0008-live-sharing.md.
(function () {
  "use strict";
  if (!window.fetch || !window.DOMParser) { return; }
  var EVERY = 1500;

  // url() and version() are asked before each poll: the page may have a fresh ticket by then
  // (the poll URL carries a signed ticket, so the server answers without the session).
  function poll(url, version, onNew, onGone) {
    var busy = false;
    var timer = setInterval(function () {
      if (busy) { return; }
      busy = true;
      var target = url();
      target += (target.indexOf("?") === -1 ? "?" : "&") + "v=" + encodeURIComponent(version());
      fetch(target, { credentials: "same-origin", cache: "no-store" })
        .then(function (r) {
          busy = false;
          if (r.status === 204) { return; }
          if (r.status === 404 || r.status === 403) { clearInterval(timer); onGone(); return; }
          if (r.ok) { return r.text().then(onNew); }
        })
        .catch(function () { busy = false; });
    }, EVERY);
  }

  // --- the member's wizard or draft page -------------------------------------------------
  function member(panel) {
    var state = panel.getAttribute("data-live-state");
    if (state !== "code" && state !== "live") { return; }
    var version = panel.getAttribute("data-live-revision");
    var dirty = false;
    function typed(event) {
      if (event.target.form && event.target.form.id === "wizard-form") { dirty = true; }
    }
    document.addEventListener("input", typed);
    document.addEventListener("change", typed);
    function sharingOf(v) { return v.split("-").slice(1).join("-"); }
    function notice(text) {
      panel = document.getElementById("share-panel") || panel;
      var status = document.getElementById("live-member-status");
      if (!status) {
        status = document.createElement("p");
        status.id = "live-member-status";
        status.className = "notice";
        status.setAttribute("role", "status");
        panel.insertBefore(status, panel.children[1] || null);
      }
      status.textContent = text;
    }
    function pollUrl() {
      return (document.getElementById("share-panel") || panel).getAttribute("data-live-version-url");
    }
    poll(pollUrl, function () { return version; }, function (next) {
      var sharingChanged = sharingOf(next) !== sharingOf(version);
      version = next;
      if (dirty) {
        notice((document.getElementById("share-panel") || panel).getAttribute("data-live-dirty") || "");
        return;
      }
      if (sharingChanged) { window.location.reload(); return; }
      fetch(window.location.href, { credentials: "same-origin", cache: "no-store" })
        .then(function (r) { return r.ok ? r.text() : null; })
        .then(function (html) {
          if (html === null || dirty) { return; }
          var fresh = new DOMParser().parseFromString(html, "text/html").querySelector("main");
          var main = document.querySelector("main");
          if (!fresh || !main) { return; }
          var focused = document.activeElement && document.activeElement.id;
          main.innerHTML = fresh.innerHTML;
          var again = focused && document.getElementById(focused);
          if (again) { again.focus(); }
        })
        .catch(function () {});
    }, function () {});
  }

  // --- the advisor's live intake -----------------------------------------------------------
  function advisor(form) {
    var version = form.getAttribute("data-live-revision");
    var url = form.getAttribute("data-live-url");
    var dirty = {};
    var saving = null;
    var later;

    function setValues(values) {
      Object.keys(values).forEach(function (name) {
        if (dirty[name]) { return; }
        var wanted = values[name];
        var fields = form.querySelectorAll("[name='" + name + "']");
        Array.prototype.forEach.call(fields, function (el) {
          if (el.type === "radio" || el.type === "checkbox") {
            el.checked = wanted.indexOf(el.value) !== -1;
          } else if (el !== document.activeElement) {
            el.value = wanted.length ? wanted[0] : "";
          }
        });
      });
    }
    var pollUrl = form.getAttribute("data-live-version-url");
    function apply(payload) {
      version = payload.version;
      if (payload.poll) { pollUrl = payload.poll; }
      setValues(payload.values);
      form.querySelector("input[name=base]").value = payload.base;
      document.getElementById("live-advice").innerHTML = payload.advice;
      document.getElementById("live-changes").innerHTML = payload.changes;
    }
    function save() {
      var data = new FormData(form);
      data.append("format", "json");
      var sent = dirty;
      dirty = {};
      saving = fetch(url, { method: "POST", body: data, credentials: "same-origin" })
        .then(function (r) {
          if (r.status === 404) { ended(); return null; }
          return r.ok ? r.json() : null;
        })
        .then(function (payload) { saving = null; if (payload) { apply(payload); } })
        .catch(function () { saving = null; Object.keys(sent).forEach(function (k) { dirty[k] = true; }); });
    }
    function mark(event) {
      if (!event.target.name || event.target.name === "csrfmiddlewaretoken") { return; }
      dirty[event.target.name] = true;
      clearTimeout(later);
      later = setTimeout(save, event.type === "change" ? 50 : 600);
    }
    function ended() {
      var status = document.getElementById("live-status");
      status.textContent = form.getAttribute("data-live-ended");
      Array.prototype.forEach.call(form.elements, function (el) { el.disabled = true; });
    }
    form.addEventListener("input", mark);
    form.addEventListener("change", mark);
    poll(function () { return pollUrl; }, function () { return version; }, function () {
      fetch(url + "?format=json", { credentials: "same-origin", cache: "no-store" })
        .then(function (r) {
          if (r.status === 404) { ended(); return null; }
          return r.ok ? r.json() : null;
        })
        .then(function (payload) { if (payload && !saving) { apply(payload); } })
        .catch(function () {});
    }, ended);

    var timer = document.getElementById("call-timer");
    var started = timer && Date.parse(timer.getAttribute("data-started"));
    if (started) {
      var running = timer.querySelector(".call-timer__running");
      var out = timer.querySelector("[data-call-duration]");
      running.hidden = false;
      var tick = function () {
        var s = Math.max(0, Math.floor((Date.now() - started) / 1000));
        var m = Math.floor(s / 60);
        out.textContent = (m >= 60 ? Math.floor(m / 60) + ":" + ("0" + (m % 60)).slice(-2) : m) + ":" + ("0" + (s % 60)).slice(-2);
      };
      tick();
      setInterval(tick, 1000);
    }
  }

  var started = false;
  function start() {
    // after the member's page is redrawn, the new panel carries the version: nothing to restart
    if (started) { return; }
    started = true;
    var panel = document.getElementById("share-panel");
    if (panel) { member(panel); }
    var form = document.getElementById("live-form");
    if (form) { advisor(form); }
  }
  start();
})();
