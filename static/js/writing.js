// « Aperçu » in place, and the @mention picker. Without this script both still work: the
// « Aperçu » button sends the form back to the server, which shows it again with the
// preview; a member is mentioned by typing @identifiant. ES5 only: old browsers too.
(function () {
  "use strict";
  if (!window.fetch || !window.FormData) return; // the server round trip does the work

  function csrfToken(form) {
    var input = form.querySelector("input[name=csrf_token]");
    return input ? input.value : "";
  }

  function labelOf(field) {
    var label = document.querySelector('label[for="' + field.id + '"]');
    return label ? label.textContent.trim() : "";
  }

  function render(block, form, field) {
    var data = new FormData();
    data.append("text", field.value);
    data.append("kind", block.getAttribute("data-kind") || "markdown");
    data.append("csrf_token", csrfToken(form));
    return fetch(block.getAttribute("data-preview-url"), {
      method: "POST",
      body: data,
      credentials: "same-origin",
    }).then(function (response) {
      if (!response.ok) throw new Error(String(response.status));
      return response.text();
    });
  }

  function showPreview(block, form) {
    var body = block.querySelector(".preview-body");
    var fields = Array.prototype.filter.call(
      form.querySelectorAll("textarea[data-markdown]"),
      function (field) { return field.value.trim() !== ""; }
    );
    Promise.all(fields.map(function (field) { return render(block, form, field); }))
      .then(function (htmls) {
        body.textContent = "";
        if (!fields.length) {
          var empty = document.createElement("p");
          empty.className = "meta";
          empty.textContent = block.getAttribute("data-empty");
          body.appendChild(empty);
        }
        fields.forEach(function (field, index) {
          var title = document.createElement("h3");
          title.className = "h4";
          title.textContent = labelOf(field);
          var prose = document.createElement("div");
          prose.className = "prose";
          prose.innerHTML = htmls[index]; // rendered by forum/markup.py, sanitised there
          body.appendChild(title);
          body.appendChild(prose);
        });
      })
      .catch(function () {
        body.textContent = "";
        var failed = document.createElement("p");
        failed.className = "error";
        failed.textContent = block.getAttribute("data-failed");
        body.appendChild(failed);
      })
      .then(function () {
        block.hidden = false;
        block.focus(); // its heading is read out; the text is right there
      });
  }

  function insertAt(field, text) {
    var start = field.selectionStart, end = field.selectionEnd;
    if (typeof start !== "number") { start = end = field.value.length; }
    var before = field.value.slice(0, start);
    if (before && !/\s$/.test(before)) text = " " + text;
    field.value = before + text + field.value.slice(end);
    field.focus();
    field.selectionStart = field.selectionEnd = before.length + text.length;
  }

  function setUpPicker(box) {
    var target = document.getElementById(box.getAttribute("data-mention-for"));
    var input = box.querySelector("input");
    var list = box.querySelector("datalist");
    var button = box.querySelector("button");
    if (!target || !input || !list || !button) return;
    var timer = null, asked = "";
    box.hidden = false;

    input.addEventListener("input", function () {
      var typed = input.value.trim().replace(/^@/, "");
      if (!typed || typed === asked) return;
      clearTimeout(timer);
      timer = setTimeout(function () {
        asked = typed;
        fetch(box.getAttribute("data-suggest-url") + "?q=" + encodeURIComponent(typed), {
          credentials: "same-origin",
        })
          .then(function (response) { return response.ok ? response.json() : []; })
          .then(function (members) {
            list.textContent = "";
            members.forEach(function (member) {
              var option = document.createElement("option");
              option.value = member.handle;
              option.textContent = member.name;
              list.appendChild(option);
            });
          })
          .catch(function () {});
      }, 200);
    });

    function insert() {
      var handle = input.value.trim().replace(/^@/, "");
      var options = list.querySelectorAll("option");
      var known = Array.prototype.some.call(options, function (o) { return o.value === handle; });
      if (!known && options.length === 1) handle = options[0].value;
      if (!handle) return;
      insertAt(target, "@" + handle.split(/\s+/)[0] + " ");
      input.value = "";
    }
    button.addEventListener("click", insert);
    input.addEventListener("keydown", function (event) {
      if (event.key === "Enter") { event.preventDefault(); insert(); } // never submits
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    Array.prototype.forEach.call(document.querySelectorAll("[data-preview-button]"), function (button) {
      var form = button.form, block = document.getElementById("apercu");
      if (!form || !block) return;
      button.addEventListener("click", function (event) {
        event.preventDefault();
        showPreview(block, form);
      });
    });
    Array.prototype.forEach.call(document.querySelectorAll("[data-mention-for]"), setUpPicker);
  });
})();
