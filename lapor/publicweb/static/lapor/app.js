/* LAPOR! citizen portal: small enhancements on top of pages that work without JavaScript.
 * - drafts: forms marked data-draft="KEY" are saved in this browser as you type and restored if the page is
 *   opened again (after a closed tab, a lost connection or an expired session), until the report is sent;
 * - session: when signed in, warn a few minutes before the session ends and offer to extend it;
 * - character counters for fields with data-count.
 * No external requests; nothing here is needed for the pages to work. */
(function () {
  "use strict";
  var root = document.documentElement;
  root.classList.remove("nojs");
  root.classList.add("js");

  var PREFIX = "lapor:draft:";
  function store() {
    try { var s = window.localStorage; s.setItem(PREFIX + "t", "1"); s.removeItem(PREFIX + "t"); return s; }
    catch (e) { return null; }
  }
  function fields(form) {
    return Array.prototype.filter.call(form.elements, function (el) {
      return el.name && el.type !== "hidden" && el.type !== "file" && el.type !== "password" &&
        el.type !== "submit" && el.type !== "button" && !el.hasAttribute("data-no-draft");
    });
  }
  function snapshot(form) {
    var data = {};
    fields(form).forEach(function (el) {
      if (el.type === "checkbox" || el.type === "radio") {
        if (el.checked) { data[el.name] = el.type === "checkbox" ? true : el.value; }
      } else { data[el.name] = el.value; }
    });
    return data;
  }
  function restore(form, data) {
    fields(form).forEach(function (el) {
      if (!(el.name in data)) { return; }
      if (el.type === "checkbox") { el.checked = !!data[el.name]; }
      else if (el.type === "radio") { el.checked = el.value === data[el.name]; }
      else if (el.tagName === "SELECT") {
        if (Array.prototype.some.call(el.options, function (o) { return o.value === data[el.name]; })) { el.value = data[el.name]; }
      } else { el.value = data[el.name]; }
    });
  }
  function isEmpty(form) {
    return fields(form).every(function (el) {
      return !(el.tagName === "TEXTAREA" || el.type === "text") || !el.value;
    });
  }
  function setupDraft(form) {
    var s = store();
    if (!s) { return; }
    var key = PREFIX + form.getAttribute("data-draft");
    var note = document.getElementById("draft-note");
    var saved = null;
    try { saved = JSON.parse(s.getItem(key) || "null"); } catch (e) { saved = null; }
    if (saved && saved.data && form.hasAttribute("data-draft-restore") && isEmpty(form)) {
      restore(form, saved.data);
      if (note) {
        note.hidden = false;
        var discard = note.querySelector("[data-action=discard]");
        if (discard) {
          discard.addEventListener("click", function () { s.removeItem(key); window.location.reload(); });
        }
      }
    }
    var timer = null;
    function save() {
      timer = null;
      try { s.setItem(key, JSON.stringify({ at: Date.now(), data: snapshot(form) })); } catch (e) { /* full */ }
    }
    form.addEventListener("input", function () { if (!timer) { timer = window.setTimeout(save, 400); } });
    form.addEventListener("change", save);
  }
  function clearDrafts() {
    // A page confirming that a form was accepted names the draft it made obsolete.
    var s = store();
    if (!s) { return; }
    Array.prototype.forEach.call(document.querySelectorAll("[data-clear-draft]"), function (el) {
      s.removeItem(PREFIX + el.getAttribute("data-clear-draft"));
    });
  }

  function setupCounters() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-count]"), function (el) {
      var out = document.getElementById(el.getAttribute("data-count"));
      if (!out) { return; }
      var max = el.getAttribute("maxlength");
      function update() { out.textContent = el.value.length + (max ? " / " + max : ""); }
      el.addEventListener("input", update);
      update();
    });
  }

  function setupSession() {
    var body = document.body;
    var left = parseInt(body.getAttribute("data-session-remaining") || "", 10);
    var url = body.getAttribute("data-session-url");
    var box = document.getElementById("session-warn");
    if (!url || !box || isNaN(left)) { return; }
    var WARN = 5 * 60;
    var warnTimer = null, endTimer = null;
    function show(state) {
      box.hidden = false;
      Array.prototype.forEach.call(box.querySelectorAll("[data-state]"), function (p) {
        p.hidden = p.getAttribute("data-state") !== state;
      });
    }
    function schedule(seconds) {
      window.clearTimeout(warnTimer); window.clearTimeout(endTimer);
      var cap = 2147483; // setTimeout's limit, in seconds
      warnTimer = window.setTimeout(function () { show("soon"); }, Math.min(Math.max(seconds - WARN, 0), cap) * 1000);
      endTimer = window.setTimeout(check, Math.min(seconds + 1, cap) * 1000);
    }
    function check() {
      fetch(url, { credentials: "same-origin", headers: { "Accept": "application/json" } })
        .then(function (r) { return r.json(); })
        .then(function (d) { if (d.authenticated && d.remaining > WARN) { box.hidden = true; schedule(d.remaining); } else if (!d.authenticated) { show("over"); } else { show("soon"); schedule(d.remaining); } })
        .catch(function () { /* offline: try again later */ endTimer = window.setTimeout(check, 60000); });
    }
    var extend = box.querySelector("[data-action=extend]");
    if (extend) {
      extend.addEventListener("click", function () {
        var token = (document.cookie.match(/(?:^|; )csrftoken=([^;]+)/) || [])[1] || "";
        var input = document.querySelector("input[name=csrfmiddlewaretoken]");
        fetch(url, { method: "POST", credentials: "same-origin",
          headers: { "X-CSRFToken": input ? input.value : decodeURIComponent(token), "Accept": "application/json" } })
          .then(function (r) { return r.json(); })
          .then(function (d) { if (d.authenticated) { box.hidden = true; schedule(d.remaining); } else { show("over"); } })
          .catch(function () { /* offline */ });
      });
    }
    schedule(left);
  }

  function start() {
    var summary = document.getElementById("error-summary");
    if (summary) { summary.focus(); } // screen readers announce what must be fixed first
    clearDrafts();
    Array.prototype.forEach.call(document.querySelectorAll("form[data-draft]"), setupDraft);
    setupCounters();
    setupSession();
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
})();
