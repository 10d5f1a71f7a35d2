// Rungs studio: makes the server-rendered page live. Everything here is
// an enhancement; without it the form's Update button does the same by a
// plain round trip.
(function () {
  "use strict";
  var form = document.getElementById("params");
  if (!form) return;
  var busy = document.getElementById("busy");
  var announce = document.getElementById("announce");
  var timer = null;
  var inflight = null;

  function query() {
    var params = new URLSearchParams();
    new FormData(form).forEach(function (v, k) { params.append(k, v); });
    return params.toString();
  }

  // showViewFields shows the ladder fields the chosen document uses.
  function showViewFields() {
    var view = form.elements.view;
    if (!view) return;
    document.querySelectorAll("[data-view]").forEach(function (el) {
      el.hidden = el.getAttribute("data-view") !== view.value;
    });
  }

  // swap puts a freshly rendered page's results and field messages in
  // place of the current ones, leaving the form (and the caret) alone.
  function swap(html) {
    var doc = new DOMParser().parseFromString(html, "text/html");
    var fresh = doc.getElementById("results");
    var results = document.getElementById("results");
    if (!fresh || !results) return;
    // While a field is wrong the server has no document to show; keep the
    // last one, dimmed, under the list of what to fix, rather than blank
    // the page at every keystroke.
    var oldDoc = results.querySelector(".docwrap");
    if (!fresh.querySelector(".docwrap") && oldDoc && fresh.querySelector("#field-errors")) {
      var kept = oldDoc.cloneNode(true);
      kept.classList.add("stale");
      // inert: out of the tab order and of what screen readers read.
      kept.inert = true;
      kept.querySelectorAll("[id]").forEach(function (e) { e.removeAttribute("id"); });
      fresh.appendChild(kept);
    }
    results.replaceWith(fresh);
    document.title = doc.title;
    doc.querySelectorAll("[data-field]").forEach(function (nf) {
      var name = nf.getAttribute("data-field");
      var cur = document.querySelector('[data-field="' + name + '"]');
      if (!cur) return;
      cur.classList.toggle("invalid", nf.classList.contains("invalid"));
      var ni = nf.querySelector("input,select,textarea");
      var ci = cur.querySelector("input,select,textarea");
      if (ni && ci) {
        if (ni.hasAttribute("aria-invalid")) ci.setAttribute("aria-invalid", "true");
        else ci.removeAttribute("aria-invalid");
      }
    });
    doc.querySelectorAll("[data-err]").forEach(function (ne) {
      var ce = document.querySelector('[data-err="' + ne.getAttribute("data-err") + '"]');
      if (!ce) return;
      ce.textContent = ne.textContent;
      ce.hidden = ne.hidden;
    });
    // A new role brings its own pay from the company file.
    var payRole = form.elements.pay_role;
    if (payRole && payRole.value !== fresh.getAttribute("data-pay-role")) {
      ["pay_min", "pay_max", "currency", "period"].forEach(function (name) {
        var n = doc.getElementById("f-" + name);
        if (n && form.elements[name]) form.elements[name].value = n.value;
      });
      payRole.value = fresh.getAttribute("data-pay-role");
    }
    var na = doc.getElementById("announce");
    if (na && announce && announce.textContent !== na.textContent) announce.textContent = na.textContent;
    history.replaceState(null, "", fresh.getAttribute("data-canon"));
    wire();
  }

  function refresh() {
    if (inflight) inflight.abort();
    inflight = new AbortController();
    if (busy) busy.hidden = false;
    var url = form.getAttribute("action") + "?" + query();
    fetch(url, { signal: inflight.signal, headers: { "Accept": "text/html" } })
      .then(function (r) { return r.text(); })
      .then(function (html) { swap(html); })
      .catch(function (e) { if (e.name !== "AbortError" && busy) busy.textContent = "Could not update: " + e.message; })
      .finally(function () { if (busy) busy.hidden = true; });
  }

  function later() {
    clearTimeout(timer);
    timer = setTimeout(refresh, 250);
  }

  form.addEventListener("input", later);
  form.addEventListener("change", function () { showViewFields(); later(); });
  form.addEventListener("submit", function (e) { e.preventDefault(); clearTimeout(timer); refresh(); });

  // wire hooks up what the results hold: marks that lead to their
  // finding, and the copy button.
  function wire() {
    document.querySelectorAll("mark.lint").forEach(function (m) {
      function go() {
        var first = (m.getAttribute("aria-describedby") || "").split(" ")[0];
        var f = document.getElementById(first);
        if (!f) return;
        f.scrollIntoView({ block: "center" });
        f.focus();
        f.classList.add("flash");
        setTimeout(function () { f.classList.remove("flash"); }, 1500);
      }
      m.addEventListener("click", go);
      m.addEventListener("keydown", function (e) { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); go(); } });
    });
    var copy = document.getElementById("copy-yaml");
    var text = document.getElementById("yaml-text");
    var said = document.getElementById("copied");
    if (copy && text && navigator.clipboard) {
      copy.hidden = false;
      copy.addEventListener("click", function () {
        navigator.clipboard.writeText(text.textContent).then(function () {
          if (said) said.textContent = "Copied to the clipboard.";
        }, function () {
          if (said) said.textContent = "The browser refused; use Download instead.";
        });
      });
    }
  }

  showViewFields();
  wire();

  // The server says when the company's files change on disk.
  if (document.body.getAttribute("data-watch") === "true" && window.EventSource) {
    var es = new EventSource("/events");
    es.addEventListener("change", function () { location.replace(location.href); });
  }
})();
