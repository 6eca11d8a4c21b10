// Timeline marks: hovering or focusing one shows its date, reports and first sentence
// in the live region under the chart (the same text is each mark's accessible name).
document.addEventListener("DOMContentLoaded", () => {
  const detail = document.getElementById("mark-detail");
  if (!detail) return;
  for (const mark of document.querySelectorAll("svg.chart a.mark")) {
    const show = () => { detail.textContent = mark.getAttribute("data-detail") || ""; };
    mark.addEventListener("mouseenter", show);
    mark.addEventListener("focus", show);
  }
});
