// « Photos et documents »: with JavaScript, files can be dropped on the form and the upload
// shows its progress; without it, the same form is a plain multipart POST.
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("form.upload-form").forEach(function (form) {
    var input = form.querySelector('input[type="file"]');
    if (!input || !window.FormData || !window.XMLHttpRequest) return;
    var zone = document.createElement("p");
    zone.className = "drop-zone";
    zone.textContent = form.dataset.dropText || "";
    input.parentNode.insertBefore(zone, input.nextSibling);
    ["dragenter", "dragover"].forEach(function (name) {
      form.addEventListener(name, function (event) { event.preventDefault(); zone.classList.add("is-over"); });
    });
    ["dragleave", "drop"].forEach(function (name) {
      form.addEventListener(name, function () { zone.classList.remove("is-over"); });
    });
    form.addEventListener("drop", function (event) {
      event.preventDefault();
      if (event.dataTransfer && event.dataTransfer.files.length) input.files = event.dataTransfer.files;
    });
    form.addEventListener("submit", function (event) {
      if (!input.files.length) return; // the server says what is missing
      event.preventDefault();
      var progress = document.createElement("progress");
      progress.max = 100; progress.value = 0;
      progress.setAttribute("aria-label", form.dataset.progressText || "");
      form.appendChild(progress);
      var request = new XMLHttpRequest();
      request.open("POST", form.action || window.location.href);
      request.upload.addEventListener("progress", function (e) {
        if (e.lengthComputable) progress.value = Math.round(100 * e.loaded / e.total);
      });
      request.addEventListener("load", function () {
        // The server answered with a page (errors) or followed its redirect: show it.
        if (request.responseURL && request.responseURL !== window.location.href && request.status < 400) {
          window.location.assign(request.responseURL);
        } else {
          // A refusal: the page the server rendered (its error summary) replaces this one.
          var page = new DOMParser().parseFromString(request.responseText, "text/html");
          document.body.replaceWith(page.body);
          var summary = document.getElementById("error-summary");
          if (summary) summary.focus();
        }
      });
      request.addEventListener("error", function () { form.submit(); });
      request.send(new FormData(form));
    });
  });
});
