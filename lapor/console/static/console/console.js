/* LAPOR! staff console: small enhancements. Every page works without this file.
 * - session: warns two minutes before the session ends; keeps it alive while a form has unsent changes;
 * - drafts: textareas with data-draft are saved in this browser (localStorage) until the server confirms;
 * - pickers: Enter searches instead of sending the form; template insertion; select-all in the inbox.
 */
(function () {
  "use strict";
  var doc = document.documentElement;
  doc.classList.add("js");

  function $(sel, root) { return (root || document).querySelector(sel); }
  function $$(sel, root) { return Array.prototype.slice.call((root || document).querySelectorAll(sel)); }

  function csrfToken() {
    var el = $("[data-csrf]");
    return el ? el.getAttribute("data-csrf") : "";
  }

  /* --- session ------------------------------------------------------------------------------------ */
  var root = $(".konsol[data-session-remaining]");
  var dirty = false;
  var submitting = false;
  var lastTyped = 0;
  var lastPing = Date.now();
  if (root) {
    // The portal's own session notice (for citizens) would warn a second time: the console's replaces it.
    var portalWarning = document.getElementById("session-warn");
    if (portalWarning) { portalWarning.parentNode.removeChild(portalWarning); }
    var remaining = parseInt(root.getAttribute("data-session-remaining"), 10) || 0;
    var total = parseInt(root.getAttribute("data-session-total"), 10) || remaining;
    var endsAt = Date.now() + remaining * 1000;
    var keepaliveUrl = root.getAttribute("data-keepalive");
    var box = $("#session-warning");
    var text = $("#session-warning-text");
    var stay = $("#session-stay");
    var expired = false;

    var ping = function () {
      lastPing = Date.now();
      return fetch(keepaliveUrl, {
        method: "POST",
        credentials: "same-origin",
        headers: { "X-CSRFToken": csrfToken(), "X-Requested-With": "fetch" }
      }).then(function (response) {
        if (response.status === 401 || response.status === 403) { throw new Error("ended"); }
        return response.json();
      }).then(function (data) {
        endsAt = Date.now() + (data.expires_in || total) * 1000;
        if (box) { box.hidden = true; }
      }).catch(function () { showExpired(); });
    };

    var showExpired = function () {
      expired = true;
      if (!box) { return; }
      text.textContent = box.getAttribute("data-expired");
      stay.hidden = true;
      $("#session-login").hidden = false;
      box.hidden = false;
    };

    if (stay) { stay.addEventListener("click", function () { ping(); }); }

    window.setInterval(function () {
      if (expired) { return; }
      var left = Math.round((endsAt - Date.now()) / 1000);
      // Someone is typing: keep the session alive (at most once a minute) so a long answer is never lost.
      if (dirty && Date.now() - lastTyped < 5 * 60 * 1000 && Date.now() - lastPing > 60 * 1000) {
        ping();
        return;
      }
      if (left <= 0) { showExpired(); return; }
      if (left <= 120 && box && box.hidden) {
        text.textContent = box.getAttribute("data-warning").replace("%s", String(Math.max(1, Math.ceil(left / 60))));
        box.hidden = false;
        stay.focus();
      }
    }, 10000);
  }

  /* --- dirty forms ---------------------------------------------------------------------------------- */
  $$("form[method=post]").forEach(function (form) {
    if (form.hasAttribute("data-no-dirty")) { return; }
    form.addEventListener("input", function () { dirty = true; lastTyped = Date.now(); });
    form.addEventListener("submit", function () { submitting = true; });
  });
  window.addEventListener("beforeunload", function (event) {
    if (dirty && !submitting) { event.preventDefault(); event.returnValue = ""; }
  });

  /* --- drafts --------------------------------------------------------------------------------------- */
  var clear = $("[data-draft-clear]");
  if (clear) {
    try { localStorage.removeItem("lapor:draft:" + clear.getAttribute("data-draft-clear")); } catch (e) { /* private mode */ }
  }
  $$("textarea[data-draft]").forEach(function (area) {
    var key = "lapor:draft:" + area.getAttribute("data-draft");
    var note = $("#" + area.id + "-draft");
    var saved = null;
    try { saved = localStorage.getItem(key); } catch (e) { return; }
    if (saved && saved !== area.value && area.value.trim() === area.defaultValue.trim() && !area.getAttribute("aria-invalid")) {
      area.value = saved;
      if (note) { note.hidden = false; }
    }
    var timer = null;
    area.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(function () {
        try {
          if (area.value.trim()) { localStorage.setItem(key, area.value); } else { localStorage.removeItem(key); }
        } catch (e) { /* storage full or disabled */ }
      }, 400);
    });
    var discard = note ? $("button", note) : null;
    if (discard) {
      discard.addEventListener("click", function () {
        try { localStorage.removeItem(key); } catch (e) { /* ignore */ }
        area.value = area.defaultValue;
        note.hidden = true;
        area.focus();
      });
    }
  });

  /* --- answer templates ----------------------------------------------------------------------------- */
  var tplData = $("#answer-templates");
  var tplButton = $("#template-insert");
  if (tplData && tplButton) {
    var bodies = JSON.parse(tplData.textContent);
    tplButton.addEventListener("click", function () {
      var select = $("#template-select");
      var area = $("#" + tplButton.getAttribute("data-target"));
      var body = bodies[select.value];
      if (!area || !body) { return; }
      var start = area.selectionStart || area.value.length;
      var end = area.selectionEnd || start;
      var before = area.value.slice(0, start);
      var joiner = before && !/\n$/.test(before) ? "\n" : "";
      area.value = before + joiner + body + area.value.slice(end);
      area.dispatchEvent(new Event("input", { bubbles: true }));
      area.focus();
    });
  }

  /* --- pickers: Enter searches ---------------------------------------------------------------------- */
  document.addEventListener("keydown", function (event) {
    var target = event.target;
    if (event.key === "Enter" && target.matches && target.matches("input[data-picker-search]")) {
      event.preventDefault();
      if (window.htmx) { window.htmx.trigger(target, "search"); }
    }
    if (event.key === "/" && !/^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) {
      var search = $("#id_q");
      if (search) { event.preventDefault(); search.focus(); }
    }
  });

  document.addEventListener("click", function (event) {
    if (event.target.closest && event.target.closest("[data-print]")) { window.print(); }
  });

  /* --- inbox: select all ---------------------------------------------------------------------------- */
  document.addEventListener("change", function (event) {
    var target = event.target;
    if (target.id === "select-all") {
      $$("input[name=reports]").forEach(function (box) { box.checked = target.checked; });
    }
    if (target.name === "reports" || target.id === "select-all") {
      var n = $$("input[name=reports]:checked").length;
      var out = $("#selected-count");
      if (out) { out.textContent = out.getAttribute("data-template").replace("%s", String(n)); }
    }
  });
})();
