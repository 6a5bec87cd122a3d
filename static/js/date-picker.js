/* A calendar next to each typed-date box (progressive enhancement).
 *
 * The text box stays the field that is sent: people may type "3/4" or "03.04.2025".
 * Where the browser has a native date picker, a second control is added after it;
 * picking a date writes it into the text box as dd.mm.yyyy. Without JavaScript, or
 * without a native picker, the text box alone works.
 */
(function () {
  "use strict";
  function pad(n) { return (n < 10 ? "0" : "") + n; }

  function toIso(text) {
    var m = /^(\d{1,2})\s*[./\- ]\s*(\d{1,2})\s*[./\- ]\s*(\d{4})$/.exec(text.trim());
    if (m) return m[3] + "-" + pad(+m[2]) + "-" + pad(+m[1]);
    return /^\d{4}-\d{2}-\d{2}$/.test(text.trim()) ? text.trim() : "";
  }

  function enhance(box) {
    var picker = document.createElement("input");
    picker.type = "date";
    if (picker.type !== "date") return; // no native picker here
    picker.className = "form-input input-width-s date-picker";
    var label = document.querySelector("label[for='" + box.id + "']");
    picker.setAttribute("aria-label", (label ? label.textContent.trim() + " – " : "") +
      box.getAttribute("data-date-picker"));
    picker.tabIndex = 0;
    picker.value = toIso(box.value);
    picker.addEventListener("change", function () {
      var parts = picker.value.split("-");
      if (parts.length !== 3) return;
      box.value = parts[2] + "." + parts[1] + "." + parts[0];
      box.dispatchEvent(new Event("input", { bubbles: true }));
    });
    box.addEventListener("change", function () { picker.value = toIso(box.value); });
    box.insertAdjacentElement("afterend", picker);
  }

  document.addEventListener("DOMContentLoaded", function () {
    Array.prototype.forEach.call(document.querySelectorAll("input[data-date-picker]"), enhance);
  });
})();
