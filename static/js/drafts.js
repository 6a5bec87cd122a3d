/* Offline drafts for forms marked data-draft (progressive enhancement).
 *
 * While the citizen types, the form is kept in localStorage. On submit the form is sent
 * with fetch; if the connection fails, the draft stays on the phone with a visible
 * "saved on this phone, not sent yet" state and a "Send again" button. The hidden
 * idempotency key is part of the draft, so an entry the server already stored is not
 * stored twice when it is sent again. Without JavaScript the form posts normally.
 */
(function () {
  "use strict";
  var PREFIX = "min-integration:draft:";
  var SKIP = { csrf_token: true };

  function storageKey(form) {
    return PREFIX + form.getAttribute("data-draft") + ":" + location.pathname;
  }

  function read(form) {
    try { return JSON.parse(localStorage.getItem(storageKey(form)) || "null"); }
    catch (e) { return null; }
  }

  function save(form) {
    var values = {};
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || SKIP[el.name] || el.type === "file" || el.type === "submit") return;
      if ((el.type === "checkbox" || el.type === "radio") && !el.checked) return;
      values[el.name] = el.value;
    });
    try { localStorage.setItem(storageKey(form), JSON.stringify(values)); } catch (e) { /* full */ }
  }

  function clear(form) {
    try { localStorage.removeItem(storageKey(form)); } catch (e) { /* ignore */ }
  }

  function restore(form, values) {
    Object.keys(values).forEach(function (name) {
      var fields = form.querySelectorAll("[name='" + name.replace(/'/g, "") + "']");
      Array.prototype.forEach.call(fields, function (el) {
        if (el.type === "checkbox" || el.type === "radio") el.checked = el.value === values[name];
        else el.value = values[name];
      });
    });
  }

  function show(box, message) {
    if (!box) return;
    box.querySelector("[data-draft-text]").textContent = box.getAttribute(message);
    box.hidden = false;
  }

  function send(form, box) {
    save(form);
    show(box, "data-msg-sending");
    var body = new FormData(form);
    fetch(form.action, { method: "POST", body: body, credentials: "same-origin" })
      .then(function (response) {
        if (response.redirected && response.ok && response.url.indexOf("/login") === -1) {
          clear(form);
          return response.text().then(function (html) { showPage(response.url, html); });
        } else {
          // the server answered (e.g. a field needs fixing): let the browser show its page
          form.removeAttribute("data-draft-busy");
          HTMLFormElement.prototype.submit.call(form);
        }
      })
      .catch(function () {
        form.removeAttribute("data-draft-busy");
        show(box, "data-msg-offline");
      });
  }

  // Show the page the server redirected to (with its "saved" message, which a second
  // request would no longer carry) as if the browser had navigated there.
  function showPage(url, html) {
    var next = new DOMParser().parseFromString(html, "text/html");
    history.replaceState(null, "", url);
    document.title = next.title;
    document.body.replaceWith(document.adoptNode(next.body));
    var main = document.getElementById("main-content");
    if (main) main.focus();
    window.scrollTo(0, 0);
  }

  function init(form) {
    var box = document.querySelector("[data-draft-status]");
    var hasErrors = !!document.querySelector(".error-summary");
    var draft = read(form);
    if (draft && !hasErrors) {
      restore(form, draft);
      show(box, "data-msg-saved");
    } else if (hasErrors) {
      save(form);
    }
    form.addEventListener("input", function () { save(form); });
    form.addEventListener("change", function () { save(form); });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      if (form.hasAttribute("data-draft-busy")) return;
      form.setAttribute("data-draft-busy", "");
      send(form, box);
    });
    if (box) {
      box.querySelector("[data-draft-retry]").addEventListener("click", function () {
        form.setAttribute("data-draft-busy", "");
        send(form, box);
      });
      box.querySelector("[data-draft-discard]").addEventListener("click", function () {
        clear(form);
        location.reload();
      });
    }
    window.addEventListener("online", function () {
      if (read(form) && box && !box.hidden) show(box, "data-msg-saved");
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    Array.prototype.forEach.call(document.querySelectorAll("form[data-draft]"), init);
  });
})();
