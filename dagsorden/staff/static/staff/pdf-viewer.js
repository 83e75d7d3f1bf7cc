// The inline bilag viewer: the PDF is loaded only when its <details> is opened, so a
// meeting with forty bilag does not fetch forty files on arrival.
document.addEventListener("toggle", (event) => {
  const details = event.target;
  if (!details.matches || !details.matches("details.viewer") || !details.open) return;
  if (details.querySelector("iframe")) return;
  const frame = document.createElement("iframe");
  frame.src = details.dataset.src;
  frame.title = details.dataset.title;
  details.appendChild(frame);
}, true);
