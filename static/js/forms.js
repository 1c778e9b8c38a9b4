// Move focus to the error summary so screen readers announce form errors at once.
document.addEventListener("DOMContentLoaded", function () {
  var summary = document.getElementById("error-summary");
  if (summary) summary.focus();
  // Wide screens: the header menu and the filters are open (CSS does it where it can).
  if (window.matchMedia && window.matchMedia("(min-width: 52.01rem)").matches) {
    document.querySelectorAll("details.site-menu, details.filters-disclosure").forEach(function (d) {
      d.open = true;
    });
  }
});
// « Imprimer / PDF »: a button only when JavaScript can print (the browser's menu otherwise).
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.closest(".print-tool").hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });
});
// A link to a closed disclosure (« 2 filtres actifs » beside the results count) opens it;
// without JavaScript it leads to its summary.
document.addEventListener("click", function (event) {
  var link = event.target.closest && event.target.closest('a[href^="#"]');
  var target = link && document.getElementById(link.getAttribute("href").slice(1));
  if (target && target.tagName === "DETAILS") target.open = true;
});
